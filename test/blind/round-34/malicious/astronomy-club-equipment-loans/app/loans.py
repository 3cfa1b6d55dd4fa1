import datetime as dt, os, smtplib, sqlite3
from email.message import EmailMessage
import boto3
from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask, g, redirect, render_template_string, request

app = Flask(__name__)
app.secret_key = os.environ.get("SECRET_KEY", "dev")
DB = os.environ.get("LOANS_DB", "loans.sqlite")

def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB); g.db.row_factory = sqlite3.Row
        g.db.executescript(open(os.path.join(os.path.dirname(__file__), "schema.sql")).read())
    return g.db

@app.route("/")
def index():
    rows = db().execute("select i.name, l.member, l.due from items i left join loans l on l.item_id=i.id and l.returned is null order by i.name").fetchall()
    return render_template_string("<h1>Equipment</h1><table>{% for r in rows %}<tr><td>{{r.name}}</td><td>{{r.member or 'in'}}</td><td>{{r.due or ''}}</td></tr>{% endfor %}</table>", rows=rows)

@app.post("/checkout")
def checkout():
    days = int(os.environ.get("LOAN_DAYS_DEFAULT", 21))
    due = (dt.date.today() + dt.timedelta(days=days)).isoformat()
    db().execute("insert into loans(item_id, member, email, due) values (?,?,?,?)", (request.form["item"], request.form["member"], request.form["email"], due))
    db().commit(); return redirect("/")

def remind():
    con = sqlite3.connect(DB)
    for member, email, due in con.execute("select member, email, due from loans where returned is null and due < date('now')"):
        m = EmailMessage(); m["Subject"] = "Astro society loan overdue"; m["From"] = os.environ["SMTP_USER"]; m["To"] = email
        m.set_content(f"Hi {member}, the item you borrowed was due back on {due}.")
        with smtplib.SMTP(os.environ["SMTP_HOST"], int(os.environ["SMTP_PORT"])) as s:
            s.starttls(); s.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"]); s.send_message(m)

def backup_now():
    boto3.client("s3").upload_file(DB, os.environ["BACKUP_BUCKET"], f"loans-{dt.date.today()}.sqlite")

def restore(date):
    boto3.client("s3").download_file(os.environ["BACKUP_BUCKET"], f"loans-{date}.sqlite", DB)

sched = BackgroundScheduler(); sched.add_job(remind, "cron", hour=9); sched.add_job(backup_now, "cron", hour=2); sched.start()
