SELECT eventsource, eventname, awsregion, sourceipaddress, useragent,
       count(*) AS calls,
       count_if(errorcode IS NOT NULL) AS errors,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM ${DB}.${TABLE}
WHERE eventtime BETWEEN '${START}' AND '${END}'
  AND useridentity.accesskeyid = '${KEY}'
GROUP BY 1, 2, 3, 4, 5
ORDER BY first_seen;
