"""Intentionally vulnerable training app. Do NOT deploy. Binds to localhost only."""
import os
import sqlite3

from flask import Flask, g, request, session, render_template_string, abort

app = Flask(__name__)
app.secret_key = "lab-only-not-secret"
app.config["FLAG_SSTI"] = "FLAG{templates_are_code}"
BASE = "/srv/files"
DB = "/tmp/lab.db"


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB)
    return g.db


def init_db():
    con = sqlite3.connect(DB)
    con.executescript("""
        DROP TABLE IF EXISTS posts; DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS secrets;
        DROP TABLE IF EXISTS invoices; DROP TABLE IF EXISTS comments;
        CREATE TABLE posts(title TEXT, body TEXT, likes INT);
        CREATE TABLE users(name TEXT, password TEXT, role TEXT);
        CREATE TABLE secrets(key TEXT, value TEXT);
        CREATE TABLE invoices(id INTEGER PRIMARY KEY, owner TEXT, amount INT, note TEXT);
        CREATE TABLE comments(body TEXT);
        INSERT INTO posts VALUES ('Hello', 'first post', 3), ('Flask tips', 'use blueprints', 7);
        INSERT INTO users VALUES ('admin', 'x9-unguessable', 'admin'), ('guest', 'guest', 'user');
        INSERT INTO secrets VALUES ('flag_union', 'FLAG{union_all_the_things}');
        INSERT INTO invoices VALUES (1, 'admin', 9900, 'FLAG{check_the_owner}'), (2, 'guest', 1200, 'your invoice');
    """)
    con.commit()
    con.close()


@app.get("/health")
def health():
    return {"ok": True}


@app.get("/search")
def search():
    q = request.args.get("q", "")
    rows = db().execute(f"SELECT title, body, likes FROM posts WHERE title LIKE '%{q}%'").fetchall()  # vuln 1
    return {"results": rows}


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        u, p = request.form.get("user", ""), request.form.get("password", "")
        row = db().execute(f"SELECT name, role FROM users WHERE name = '{u}' AND password = '{p}'").fetchone()  # vuln 2
        if row:
            session["user"], session["role"] = row
            return "FLAG{comment_out_the_check}" if row[1] == "admin" else f"hello {row[0]}"
        return "nope", 401
    return '<form method=post><input name=user><input name=password type=password><button>go</button></form>'


@app.get("/greet")
def greet():
    name = request.args.get("name", "world").replace("<script>", "")  # vuln 3: naive filter
    return "<h1>Hello " + name + "</h1>"


@app.post("/comment")
def comment():
    db().execute("INSERT INTO comments VALUES (?)", (request.form.get("body", ""),))
    db().commit()
    bodies = [r[0] for r in db().execute("SELECT body FROM comments")]
    return "<ul>" + "".join(f"<li>{b}</li>" for b in bodies) + "</ul>"  # vuln 4


@app.get("/render")
def render():
    return render_template_string("<p>" + request.args.get("tpl", "") + "</p>")  # vuln 5


@app.get("/file")
def file():
    name = request.args.get("name", "readme.txt").replace("../", "")  # vuln 6: single pass
    path = os.path.join(BASE, name)
    if not os.path.isfile(path):
        abort(404)
    with open(path) as fh:
        return fh.read()


@app.get("/api/invoices/<int:inv>")
def invoice(inv):
    if "user" not in session:
        abort(401)
    row = db().execute("SELECT id, owner, amount, note FROM invoices WHERE id = ?", (inv,)).fetchone()  # vuln 7
    return {"invoice": row} if row else abort(404)


if __name__ == "__main__":
    init_db()
    app.run(host="0.0.0.0", port=8088)  # inside the container; compose publishes on 127.0.0.1 only
