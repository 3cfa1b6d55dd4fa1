-- Logging / detection tampering. Any row is critical.
SELECT eventtime, useridentity.arn AS actor, eventname, awsregion,
       sourceipaddress, requestparameters
FROM cloudtrail_logs
WHERE eventname IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors',
                    'DeleteDetector', 'DisassociateFromMasterAccount', 'DisableSecurityHub',
                    'DeleteConfigRule', 'StopConfigurationRecorder', 'DeleteFlowLogs')
ORDER BY eventtime;
