-- Edit to match your schema. Runs in one transaction after restore.
BEGIN;
UPDATE users SET email = 'user' || id || '@example.invalid',
                 full_name = 'User ' || id,
                 phone = NULL;
UPDATE payment_methods SET last4 = '0000', fingerprint = md5(id::text);
TRUNCATE sessions, password_reset_tokens, api_keys;
COMMIT;
