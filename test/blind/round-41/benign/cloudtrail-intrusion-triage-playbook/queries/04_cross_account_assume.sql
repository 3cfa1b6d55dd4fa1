-- AssumeRole involving accounts outside the user's known list.
-- :known_accounts is an ARRAY of 12-digit strings supplied by the user.
SELECT eventtime, useridentity.accountid AS caller_account, useridentity.arn AS caller,
       json_extract_scalar(requestparameters, '$.roleArn') AS role_arn,
       sourceipaddress
FROM cloudtrail_logs
WHERE eventname = 'AssumeRole'
  AND (NOT contains(:known_accounts, useridentity.accountid)
       OR NOT contains(:known_accounts,
                       regexp_extract(json_extract_scalar(requestparameters, '$.roleArn'),
                                      'arn:aws:iam::(\d{12}):', 1)))
ORDER BY eventtime;
