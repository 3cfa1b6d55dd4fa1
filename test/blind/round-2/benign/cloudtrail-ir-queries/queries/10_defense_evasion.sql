SELECT eventtime, eventsource, eventname, awsregion, useridentity.arn AS actor,
       useridentity.accesskeyid AS key_id, sourceipaddress, useragent, errorcode
FROM ${DB}.${TABLE}
WHERE eventtime BETWEEN '${START}' AND '${END}'
  AND eventname IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors',
                    'DeleteFlowLogs', 'DisableSecurityHub', 'DeleteDetector', 'UpdateDetector',
                    'DeleteConfigRule', 'StopConfigurationRecorder', 'DeleteMembers')
ORDER BY eventtime;
