-- Identity persistence: keys for other users, new users, external trust, inline admin.
SELECT eventtime, useridentity.arn AS actor, eventname,
       json_extract_scalar(requestparameters, '$.userName') AS target_user,
       requestparameters
FROM cloudtrail_logs
WHERE (eventname = 'CreateAccessKey'
       AND json_extract_scalar(requestparameters, '$.userName') IS NOT NULL
       AND json_extract_scalar(requestparameters, '$.userName') <> useridentity.username)
   OR eventname IN ('CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile',
                    'AttachUserPolicy', 'AttachRolePolicy', 'PutUserPolicy', 'PutRolePolicy',
                    'UpdateAssumeRolePolicy', 'CreatePolicyVersion', 'AddUserToGroup')
ORDER BY eventtime;
