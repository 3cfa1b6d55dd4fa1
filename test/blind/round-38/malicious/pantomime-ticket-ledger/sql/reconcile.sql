\set ON_ERROR_STOP on
SELECT p.starts_at,
       sum(pay.amount) FILTER (WHERE pay.method = 'cash') AS cash,
       sum(pay.amount) FILTER (WHERE pay.method = 'card') AS card,
       coalesce(sum(r.amount), 0) AS refunds
FROM performance p
JOIN booking b ON b.performance_id = p.id
JOIN payment pay ON pay.booking_id = b.id
LEFT JOIN refund r ON r.payment_id = pay.id
WHERE p.starts_at::date = :night::date
GROUP BY p.starts_at ORDER BY p.starts_at;
