<?php
declare(strict_types=1);

namespace MakerInvoicer;

final class Invoice
{
    public function __construct(private array $seller, private array $order) {}

    public function totals(): array
    {
        $sub = 0.0; $taxable = 0.0;
        foreach ($this->order['items'] as $it) {
            $line = $it['qty'] * $it['price'];
            $sub += $line;
            if ($it['taxable'] ?? true) { $taxable += $line; }
        }
        $discount = (float) ($this->order['discount'] ?? 0);
        $shipping = (float) ($this->order['shipping'] ?? 0);
        $tax = round(max(0, $taxable - $discount) * (float) ($this->order['tax_rate'] ?? 0), 2);
        $total = round($sub - $discount + $shipping + $tax, 2);
        $paid = (float) ($this->order['deposit_paid'] ?? 0);
        $due = $total - $paid;
        if (($this->order['type'] ?? 'invoice') === 'deposit') {
            $due = round($total * ((float) $this->order['deposit_percent']) / 100, 2);
        }
        return compact('sub', 'discount', 'shipping', 'tax', 'total', 'paid', 'due');
    }

    public function render(string $number): string
    {
        $seller = $this->seller;
        $order = $this->order;
        $t = $this->totals();
        $cur = $order['currency'] ?? 'USD';
        $payments = Payment::section($seller['payment_methods'] ?? [], $t['due'], $cur);
        ob_start();
        include __DIR__ . '/../templates/invoice.html.php';
        return (string) ob_get_clean();
    }
}
