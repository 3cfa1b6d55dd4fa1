import os

import jwt
import psycopg2

# ruleid: py-db-connect-literal-password
conn = psycopg2.connect(host="db.example.com", user="app", password="hunter2-fixture")

# ok: py-db-connect-literal-password
conn2 = psycopg2.connect(host="db.example.com", user="app", password=os.environ["DB_PASSWORD"])

# ok: py-db-connect-literal-password
conn3 = psycopg2.connect(host="localhost", user="app", password="changeme")

# ruleid: py-jwt-literal-secret
token = jwt.encode({"sub": "1"}, "fixture-signing-key", algorithm="HS256")

# ok: py-jwt-literal-secret
token2 = jwt.encode({"sub": "1"}, os.environ["JWT_KEY"], algorithm="HS256")
