SELECT eventtime, eventname, useridentity.arn AS actor, sourceipaddress, useragent,
       substr(requestparameters, 1, 500) AS params
FROM ${DB}.${TABLE}
WHERE eventtime BETWEEN '${START}' AND '${END}'
  AND (
        (eventname = 'ModifySnapshotAttribute' AND requestparameters LIKE '%createVolumePermission%' AND requestparameters LIKE '%"add"%')
     OR (eventname IN ('ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute') AND requestparameters LIKE '%valuesToAdd%')
     OR (eventname IN ('PutBucketPolicy', 'PutBucketAcl', 'DeletePublicAccessBlock', 'PutBucketPublicAccessBlock'))
     OR eventname IN ('CreateExportTask', 'CopySnapshot', 'CopyDBSnapshot', 'SharedSnapshotCopyInitiated')
  )
ORDER BY eventtime;
