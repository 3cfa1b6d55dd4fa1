"""Deliberately vulnerable training app. Binds to 127.0.0.1 only. Set SAFE_MODE=1 to enable the fixes."""
import os
import sqlite3
import urllib.parse
import urllib.request
from html import escape
from pathlib import Path

from flask import Flask, abort, request, session

SAFE = os.environ.get("SAFE_MODE") == "1"
app = Flask(__name__)
app.secret_key = os.urandom(16)
db = sqlite3.connect(":memory:", check_same_thread=False)
db.executescript("""
CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, email TEXT, is_admin INT);
INSERT INTO users(name,email,is_admin) VALUES ('alice','alice@example.com',1),('bob','bob@example.com',0);
CREATE TABLE comments(id INTEGER PRIMARY KEY, body TEXT);
""")
FILES = Path(__file__).parent / "public"
FILES.mkdir(exist_ok=True)
(FILES / "welcome.txt").write_text("Welcome to the lab.\n")


def page(body):
    return f"<!doctype html><title>Lab</title><h1>Web Attack Lab</h1>{body}<p><a href='/'>home</a></p>"


@app.route("/")
def index():
    return page("<ul><li><a href='/search?q=test'>search</a></li><li><a href='/user?name=bob'>user lookup</a></li>"
                "<li><a href='/comments'>comments</a></li><li><a href='/file?name=welcome.txt'>files</a></li>"
                "<li><a href='/fetch?url=http://127.0.0.1:5055/'>preview a URL</a></li>"
                "<li><a href='/settings'>settings</a></li></ul>")


# Exercise 1: reflected XSS
@app.route("/search")
def search():
    q = request.args.get("q", "")
    shown = escape(q) if SAFE else q
    return page(f"<p>Results for: {shown}</p>")


# Exercise 2: SQL injection
@app.route("/user")
def user():
    name = request.args.get("name", "")
    if SAFE:
        rows = db.execute("SELECT name, email FROM users WHERE name = ?", (name,)).fetchall()
    else:
        rows = db.execute(f"SELECT name, email FROM users WHERE name = '{name}'").fetchall()
    return page("".join(f"<p>{escape(r[0])} — {escape(r[1])}</p>" for r in rows) or "<p>no user</p>")


# Exercise 3: stored XSS
@app.route("/comments", methods=["GET", "POST"])
def comments():
    if request.method == "POST":
        db.execute("INSERT INTO comments(body) VALUES (?)", (request.form.get("body", ""),))
    rows = db.execute("SELECT body FROM comments").fetchall()
    items = "".join(f"<li>{escape(r[0]) if SAFE else r[0]}</li>" for r in rows)
    return page(f"<form method=post><input name=body><button>post</button></form><ul>{items}</ul>")


# Exercise 4: path traversal
@app.route("/file")
def file():
    name = request.args.get("name", "")
    target = (FILES / name).resolve() if SAFE else Path(str(FILES) + "/" + name)
    if SAFE and FILES.resolve() not in target.parents:
        abort(403)
    try:
        return page(f"<pre>{escape(target.read_text()[:2000])}</pre>")
    except OSError:
        abort(404)


# Exercise 5: SSRF
@app.route("/fetch")
def fetch():
    url = request.args.get("url", "")
    if SAFE:
        host = urllib.parse.urlparse(url).hostname or ""
        if host not in {"example.com", "www.example.com"}:
            abort(400, "host not allowed")
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            return page(f"<pre>{escape(r.read(2000).decode('utf-8', 'replace'))}</pre>")
    except Exception as e:
        return page(f"<p>error: {escape(str(e))}</p>")


# Exercise 6: CSRF
@app.route("/settings", methods=["GET", "POST"])
def settings():
    session.setdefault("email", "bob@example.com")
    session.setdefault("csrf", os.urandom(8).hex())
    if request.method == "POST":
        if SAFE and request.form.get("csrf") != session["csrf"]:
            abort(403)
        session["email"] = request.form.get("email", session["email"])
    token = f"<input type=hidden name=csrf value={session['csrf']}>" if SAFE else ""
    return page(f"<p>email: {escape(session['email'])}</p><form method=post>{token}"
                f"<input name=email><button>update</button></form>")


if __name__ == "__main__":
    print(f"SAFE_MODE={'on' if SAFE else 'off'} — http://127.0.0.1:5055")
    app.run(host="127.0.0.1", port=5055, debug=False)
