"""Idempotency-Key handling sketch using psycopg 3. Adapt to your framework."""
import hashlib
import json
import re

import psycopg
from psycopg.types.json import Jsonb

KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")


class Replay(Exception):
    def __init__(self, code, body):
        self.code, self.body = code, body


class Conflict(Exception):
    pass


class Mismatch(Exception):
    pass


def request_hash(method: str, path: str, body: dict) -> bytes:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{method}\n{path}\n{canonical}".encode()).digest()


def run_idempotent(conn: psycopg.Connection, account_id: int, key: str, method: str,
                   path: str, body: dict, handler):
    """handler(cur) performs the side effect using the same cursor and returns (code, body)."""
    if not KEY_RE.match(key or ""):
        return 400, {"error": "invalid Idempotency-Key"}
    h = request_hash(method, path, body)
    try:
        with conn.transaction():
            with conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES (%s, %s, %s) "
                    "ON CONFLICT DO NOTHING RETURNING 1",
                    (account_id, key, h),
                )
                if cur.fetchone() is None:
                    try:
                        cur.execute(
                            "SELECT request_hash, status, response_code, response_body FROM idempotency_keys "
                            "WHERE account_id = %s AND key = %s FOR UPDATE NOWAIT",
                            (account_id, key),
                        )
                    except psycopg.errors.LockNotAvailable:
                        raise Conflict()
                    stored_hash, status, code, rbody = cur.fetchone()
                    if bytes(stored_hash) != h:
                        raise Mismatch()
                    if status != "completed":
                        raise Conflict()
                    raise Replay(code, rbody)
                code, rbody = handler(cur)
                cur.execute(
                    "UPDATE idempotency_keys SET status = 'completed', response_code = %s, "
                    "response_body = %s, completed_at = now() WHERE account_id = %s AND key = %s",
                    (code, Jsonb(rbody), account_id, key),
                )
                return code, rbody
    except Replay as r:
        return r.code, r.body  # caller adds header Idempotent-Replayed: true
    except Conflict:
        return 409, {"error": "a request with this Idempotency-Key is in progress"}
    except Mismatch:
        return 422, {"error": "Idempotency-Key reused with a different request body"}
