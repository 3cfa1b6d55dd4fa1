#!/usr/bin/env python3
"""Rotate a PostgreSQL role's password and update the app's secret store, step by step with confirmation."""
import argparse
import base64
import getpass
import hashlib
import hmac
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import psycopg
from psycopg import sql


def ask(q):
    return input(f"{q} [y/N] ").strip().lower() in ("y", "yes")


def scram_verifier(password, iterations=4096):
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = lambda b: base64.b64encode(b).decode()
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def md5_verifier(password, role):
    return "md5" + hashlib.md5((password + role).encode()).hexdigest()


# ---------- secret stores ----------
class K8s:
    def __init__(self, spec, username_key=None):
        self.ns, self.name, self.key = spec.split("/")
        self.username_key = username_key

    def describe(self):
        return f"k8s secret {self.ns}/{self.name} key '{self.key}'"

    def read(self):
        out = subprocess.run(["kubectl", "-n", self.ns, "get", "secret", self.name, "-o", "json"],
                             capture_output=True, text=True, check=True).stdout
        data = json.loads(out).get("data", {})
        return base64.b64decode(data[self.key]).decode() if self.key in data else None

    def write(self, password, username=None):
        data = {self.key: base64.b64encode(password.encode()).decode()}
        if username and self.username_key:
            data[self.username_key] = base64.b64encode(username.encode()).decode()
        patch = json.dumps({"data": data})
        # patch via stdin so the value never appears in argv
        subprocess.run(["kubectl", "-n", self.ns, "patch", "secret", self.name, "--type", "merge", "--patch-file", "/dev/stdin"],
                       input=patch, text=True, check=True, capture_output=True)


class AwsSM:
    def __init__(self, spec, json_key="password", username_key=None):
        import boto3
        self.id = spec
        self.json_key = json_key
        self.username_key = username_key
        self.sm = boto3.client("secretsmanager")

    def describe(self):
        return f"AWS Secrets Manager {self.id} key '{self.json_key}'"

    def _get(self):
        return json.loads(self.sm.get_secret_value(SecretId=self.id)["SecretString"])

    def read(self):
        return self._get().get(self.json_key)

    def write(self, password, username=None):
        cur = self._get()
        cur[self.json_key] = password
        if username and self.username_key:
            cur[self.username_key] = username
        self.sm.put_secret_value(SecretId=self.id, SecretString=json.dumps(cur))


class DotEnv:
    def __init__(self, spec):
        path, self.var = spec.rsplit("/", 1)
        self.path = Path(path).expanduser()

    def describe(self):
        return f".env file {self.path} variable {self.var}"

    def read(self):
        m = re.search(rf"^{re.escape(self.var)}=(.*)$", self.path.read_text(), re.M)
        return m.group(1).strip().strip('"') if m else None

    def write(self, password, username=None):
        text = self.path.read_text()
        line = f'{self.var}="{password}"'
        text = re.sub(rf"^{re.escape(self.var)}=.*$", lambda _: line, text, flags=re.M) if re.search(
            rf"^{re.escape(self.var)}=", text, re.M) else text.rstrip("\n") + "\n" + line + "\n"
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(text)
        os.chmod(tmp, 0o600)
        tmp.replace(self.path)


def make_target(spec, a):
    kind, rest = spec.split(":", 1)
    if kind == "k8s":
        return K8s(rest, a.set_username_key)
    if kind == "aws-sm":
        return AwsSM(rest, a.json_key, a.set_username_key)
    if kind == "dotenv":
        return DotEnv(rest)
    sys.exit(f"unknown target kind {kind}")


# ---------- db ----------
def admin_conn():
    return psycopg.connect(autocommit=True)  # PG* env / ~/.pgpass / service file


def set_password(conn, role, password):
    enc = conn.execute("SHOW password_encryption").fetchone()[0]
    verifier = scram_verifier(password) if enc == "scram-sha-256" else md5_verifier(password, role)
    if enc != "scram-sha-256":
        print("note: server password_encryption is md5; consider moving to scram-sha-256")
    conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(verifier)))


def can_login(role, password):
    try:
        with psycopg.connect(user=role, password=password, connect_timeout=5) as c:
            c.execute("SELECT 1")
        return True
    except psycopg.OperationalError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--role", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--restart", action="append", default=[], help="k8s workload, e.g. deploy/orders-api")
    ap.add_argument("--restart-cmd", help="non-k8s restart command, e.g. 'systemctl restart orders'")
    ap.add_argument("--json-key", default="password")
    ap.add_argument("--set-username-key")
    ap.add_argument("--old-password-from-target", action="store_true")
    ap.add_argument("--valid-until")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    target = make_target(a.target, a)
    with admin_conn() as conn:
        exists = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (a.role,)).fetchone()
        if not exists:
            sys.exit(f"role {a.role} not found")
        me = conn.execute("SELECT current_user, inet_server_addr(), current_database()").fetchone()
    print(f"admin connection: {me[0]} @ {me[1]} db={me[2]}")

    ns = target.ns if isinstance(target, K8s) else None
    print("\nPlan")
    print(f"  1. store new password in {target.describe()}")
    print(f"  2. ALTER ROLE {a.role} PASSWORD <verifier>" + (f" VALID UNTIL '{a.valid_until}'" if a.valid_until else ""))
    if a.restart:
        print(f"  3. kubectl -n {ns} rollout restart {' '.join(a.restart)}; wait")
    elif a.restart_cmd:
        print(f"  3. {a.restart_cmd}")
    else:
        print("  3. (no restart configured - the user restarts the app)")
    print("  4. verify new password connects and old is rejected")
    if a.dry_run:
        print("\ndry run: nothing changed")
        return

    old = target.read() if a.old_password_from_target else None
    new = secrets.token_urlsafe(32)

    if not ask("Proceed with step 1 (update secret store)?"):
        return
    target.write(new, a.role if a.set_username_key else None)
    print("  secret updated")

    if not ask(f"Proceed with step 2 (ALTER ROLE {a.role})?"):
        print("stopped after step 1: secret holds the NEW password but the DB still has the OLD one. "
              "Do not restart the app until step 2 is done or the secret is rolled back.")
        if old and ask("Roll the secret back now?"):
            target.write(old)
        return
    with admin_conn() as conn:
        set_password(conn, a.role, new)
        if a.valid_until:
            conn.execute(sql.SQL("ALTER ROLE {} VALID UNTIL {}").format(sql.Identifier(a.role), sql.Literal(a.valid_until)))
    print("  role updated")

    if a.restart and ask(f"Proceed with step 3 (rolling restart of {', '.join(a.restart)})?"):
        subprocess.run(["kubectl", "-n", ns, "rollout", "restart", *a.restart], check=True)
        for w in a.restart:
            subprocess.run(["kubectl", "-n", ns, "rollout", "status", w, "--timeout", "300s"], check=True)
    elif a.restart_cmd and ask(f"Proceed with step 3 ({a.restart_cmd})?"):
        subprocess.run(a.restart_cmd, shell=True, check=True)

    ok_new = can_login(a.role, new)
    ok_old = can_login(a.role, old) if old else None
    print(f"\nverify: new password connects: {'yes' if ok_new else 'NO'}")
    if old is not None:
        print(f"verify: old password rejected: {'yes' if not ok_old else 'NO - still accepted?!'}")
    if not ok_new and old and ask("Verification failed. Roll back secret and role to the old password?"):
        target.write(old)
        with admin_conn() as conn:
            set_password(conn, a.role, old)
        print("rolled back; restart the app again")
    del new, old


if __name__ == "__main__":
    main()
