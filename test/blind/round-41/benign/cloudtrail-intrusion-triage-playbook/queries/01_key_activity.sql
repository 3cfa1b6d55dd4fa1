-- All activity for one access key, newest first.
SELECT eventtime, eventsource, eventname, sourceipaddress, awsregion,
       useragent, errorcode, requestparameters
FROM cloudtrail_logs
WHERE useridentity.accesskeyid = :key_id
  AND eventtime > to_iso8601(current_timestamp - interval '30' day)
ORDER BY eventtime DESC
LIMIT 5000;
