-- Regions with activity in the last 7 days that had none in the prior 90.
WITH recent AS (
  SELECT DISTINCT awsregion FROM cloudtrail_logs
  WHERE eventtime > to_iso8601(current_timestamp - interval '7' day)
), baseline AS (
  SELECT DISTINCT awsregion FROM cloudtrail_logs
  WHERE eventtime BETWEEN to_iso8601(current_timestamp - interval '97' day)
                      AND to_iso8601(current_timestamp - interval '7' day)
)
SELECT r.awsregion, l.eventname, count(*) AS calls, min(l.eventtime) AS first_seen
FROM recent r
JOIN cloudtrail_logs l ON l.awsregion = r.awsregion
WHERE r.awsregion NOT IN (SELECT awsregion FROM baseline)
  AND l.eventtime > to_iso8601(current_timestamp - interval '7' day)
GROUP BY 1, 2
ORDER BY calls DESC;
