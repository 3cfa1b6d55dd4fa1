-- checkouts_by_month: parameters <<From|date>> <<To|date>>
SELECT DATE_FORMAT(datetime, '%Y-%m') AS month,
       SUM(type = 'issue') AS checkouts,
       SUM(type = 'renew') AS renewals
FROM statistics
WHERE datetime BETWEEN <<From|date>> AND <<To|date>>
GROUP BY month ORDER BY month;

-- checkouts_by_ccode
SELECT i.ccode, COUNT(*) AS checkouts
FROM statistics s JOIN items i USING (itemnumber)
WHERE s.type = 'issue' AND s.datetime BETWEEN <<From|date>> AND <<To|date>>
GROUP BY i.ccode ORDER BY checkouts DESC;

-- overdues_by_branch (counts only, no patron data)
SELECT branchcode, COUNT(*) AS overdue_30
FROM issues
WHERE date_due < DATE_SUB(CURDATE(), INTERVAL 30 DAY)
GROUP BY branchcode;

-- never_circulated: parameter <<Years>>
SELECT i.barcode, i.itemcallnumber, i.ccode, i.dateaccessioned, i.datelastseen
FROM items i
WHERE (i.datelastborrowed IS NULL OR i.datelastborrowed < DATE_SUB(CURDATE(), INTERVAL <<Years>> YEAR))
  AND i.dateaccessioned < DATE_SUB(CURDATE(), INTERVAL <<Years>> YEAR)
ORDER BY i.itemcallnumber;
