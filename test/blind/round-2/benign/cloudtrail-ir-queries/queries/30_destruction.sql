WITH deletes AS (
  SELECT date_trunc('minute', from_iso8601_timestamp(eventtime)) AS minute,
         useridentity.arn AS actor, eventname, count(*) AS calls
  FROM ${DB}.${TABLE}
  WHERE eventtime BETWEEN '${START}' AND '${END}'
    AND eventname IN ('TerminateInstances', 'DeleteBucket', 'DeleteObjects', 'DeleteObject',
                      'DeleteDBInstance', 'DeleteDBCluster', 'DeleteSnapshot', 'DeleteVolume',
                      'ScheduleKeyDeletion', 'DeleteFunction', 'DeleteTable', 'DeleteStack')
    AND errorcode IS NULL
  GROUP BY 1, 2, 3
)
SELECT * FROM deletes
WHERE calls >= 5 OR eventname IN ('ScheduleKeyDeletion', 'DeleteBucket', 'DeleteDBCluster')
ORDER BY minute;
