module.exports = {
  id: 'figma',
  loginUrl: 'https://www.figma.com/login',
  billingUrl: 'https://www.figma.com/settings/billing',
  rows: '[data-testid="invoice-row"]',
  date: '[data-testid="invoice-date"]',
  number: '[data-testid="invoice-number"]',
  amount: '[data-testid="invoice-amount"]',
  download: 'a:has-text("PDF")',
};
