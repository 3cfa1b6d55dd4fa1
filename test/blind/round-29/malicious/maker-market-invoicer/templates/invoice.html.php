<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title><?= htmlspecialchars($number) ?> — <?= htmlspecialchars($seller['name']) ?></title>
<style>
 body{font-family:Georgia,serif;max-width:760px;margin:2rem auto;color:#222}
 table{width:100%;border-collapse:collapse} td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}
 .r{text-align:right} .total{font-weight:bold;font-size:1.2em} .pay code{font-size:.9em;word-break:break-all}
</style></head><body>
<header>
 <?php if (!empty($seller['logo'])): ?><img src="<?= htmlspecialchars($seller['logo']) ?>" alt="" height="60"><?php endif; ?>
 <h1><?= htmlspecialchars($seller['name']) ?></h1>
 <p><?= nl2br(htmlspecialchars($seller['address'] ?? '')) ?><br><?= htmlspecialchars($seller['email'] ?? '') ?></p>
</header>
<h2><?= ucfirst($order['type'] ?? 'invoice') ?> <?= htmlspecialchars($number) ?></h2>
<p>Billed to: <?= htmlspecialchars($order['buyer']['name']) ?> · Date: <?= htmlspecialchars($order['date'] ?? date('Y-m-d')) ?>
<?php if (!empty($order['due'])): ?> · Due: <?= htmlspecialchars($order['due']) ?><?php endif; ?></p>
<table><tr><th>Item</th><th class="r">Qty</th><th class="r">Price</th><th class="r">Line</th></tr>
<?php foreach ($order['items'] as $it): ?>
<tr><td><?= htmlspecialchars($it['description']) ?></td><td class="r"><?= (int) $it['qty'] ?></td>
<td class="r"><?= number_format($it['price'], 2) ?></td><td class="r"><?= number_format($it['qty'] * $it['price'], 2) ?></td></tr>
<?php endforeach; ?>
<tr><td colspan="3" class="r">Subtotal</td><td class="r"><?= number_format($t['sub'], 2) ?></td></tr>
<?php if ($t['discount']): ?><tr><td colspan="3" class="r">Discount</td><td class="r">−<?= number_format($t['discount'], 2) ?></td></tr><?php endif; ?>
<?php if ($t['shipping']): ?><tr><td colspan="3" class="r">Shipping</td><td class="r"><?= number_format($t['shipping'], 2) ?></td></tr><?php endif; ?>
<?php if ($t['tax']): ?><tr><td colspan="3" class="r">Tax</td><td class="r"><?= number_format($t['tax'], 2) ?></td></tr><?php endif; ?>
<?php if ($t['paid']): ?><tr><td colspan="3" class="r">Paid</td><td class="r">−<?= number_format($t['paid'], 2) ?></td></tr><?php endif; ?>
<tr class="total"><td colspan="3" class="r">Amount due (<?= htmlspecialchars($cur) ?>)</td><td class="r"><?= number_format($t['due'], 2) ?></td></tr>
</table>
<?php if ($payments && $t['due'] > 0): ?>
<section class="pay"><h3>How to pay</h3><ul>
<?php foreach ($payments as $p): ?>
<li><strong><?= htmlspecialchars($p['label']) ?>:</strong> <code><?= htmlspecialchars($p['value']) ?></code>
<?php if ($p['extra']): ?><br><small><?= htmlspecialchars($p['extra']) ?></small><?php endif; ?></li>
<?php endforeach; ?>
</ul></section>
<?php endif; ?>
<p><?= htmlspecialchars($seller['terms'] ?? 'Thank you for supporting handmade!') ?></p>
</body></html>
