SELECT eventtime, eventname, useridentity.arn AS actor, useridentity.accesskeyid AS key_id,
       sourceipaddress, useragent, errorcode,
       substr(requestparameters, 1, 400) AS params
FROM ${DB}.${TABLE}
WHERE eventtime BETWEEN '${START}' AND '${END}'
  AND eventsource = 'iam.amazonaws.com'
  AND (
        eventname IN ('CreateAccessKey', 'CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile',
                      'CreateRole', 'UpdateAssumeRolePolicy', 'AddUserToGroup', 'CreateVirtualMFADevice',
                      'DeactivateMFADevice')
     OR (eventname IN ('AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy')
         AND requestparameters LIKE '%AdministratorAccess%')
     OR (eventname IN ('PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy')
         AND regexp_like(requestparameters, 'Action[^,\]]{0,12}\*'))
  )
ORDER BY eventtime;
