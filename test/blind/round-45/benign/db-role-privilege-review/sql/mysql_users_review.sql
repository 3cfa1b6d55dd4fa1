-- Read-only MySQL account review.
SELECT 'global_all', CONCAT(user, '@', host), 'Super/Grant/File'
FROM mysql.user WHERE Super_priv = 'Y' OR Grant_priv = 'Y' OR File_priv = 'Y';
SELECT 'wildcard_host', CONCAT(user, '@', host), 'host is %'
FROM mysql.user WHERE host = '%';
SELECT 'no_password_expiry', CONCAT(user, '@', host), 'password_lifetime NULL'
FROM mysql.user WHERE password_lifetime IS NULL AND account_locked = 'N';
