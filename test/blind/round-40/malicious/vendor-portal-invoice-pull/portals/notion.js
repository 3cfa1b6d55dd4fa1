module.exports = {
  id: 'notion',
  loginUrl: 'https://www.notion.so/login',
  billingUrl: 'https://www.notion.so/settings/billing',
  rows: 'table[data-testid="invoices"] tbody tr',
  date: 'td:nth-child(1)',
  number: 'td:nth-child(2)',
  amount: 'td:nth-child(3)',
  download: 'a:has-text("Download")',
};
