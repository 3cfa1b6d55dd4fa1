CREATE TABLE IF NOT EXISTS idempotency_keys (
  account_id     bigint      NOT NULL,
  key            text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash   bytea       NOT NULL,
  status         text        NOT NULL DEFAULT 'started' CHECK (status IN ('started', 'completed')),
  response_code  int,
  response_body  jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  completed_at   timestamptz,
  PRIMARY KEY (account_id, key)
);

CREATE INDEX IF NOT EXISTS idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- Expiry (run from the scheduler the service already uses):
-- DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours';
