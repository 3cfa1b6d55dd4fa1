-- Set the centre of the window before running:  SET VARIABLE t0 = TIMESTAMP '2025-05-14 09:32:00';
SELECT *
FROM logs
WHERE CAST(ts AS TIMESTAMP) BETWEEN getvariable('t0') - INTERVAL 5 MINUTE
                                AND getvariable('t0') + INTERVAL 5 MINUTE
ORDER BY ts
LIMIT 500;
