#!/usr/bin/env python3
"""Canvas course export / copy / import helper."""
import argparse, datetime as dt, os, sys, time
from pathlib import Path
from dotenv import load_dotenv
from canvasapi import Canvas

load_dotenv()
canvas = Canvas(os.environ["CANVAS_BASE_URL"], os.environ["CANVAS_TOKEN"])

def cmd_list(_):
    for c in canvas.get_user("self").get_courses(enrollment_type="teacher"):
        print(f"{c.id}\t{getattr(c, 'course_code', '')}\t{c.name}")

def cmd_export(a):
    course = canvas.get_course(a.course)
    job = course.export_content("common_cartridge")
    while True:
        job = course.get_content_export(job.id)
        if job.workflow_state in ("exported", "failed"):
            break
        time.sleep(5)
    if job.workflow_state == "failed":
        sys.exit("export failed")
    import requests
    Path("exports").mkdir(exist_ok=True)
    out = Path("exports") / f"{a.course}-{dt.date.today()}.imscc"
    out.write_bytes(requests.get(job.attachment["url"], timeout=300).content)
    print(out)

def cmd_copy(a):
    dst = canvas.get_course(a.to)
    settings = {"source_course_id": a.course}
    date_shift = {}
    if a.shift_days:
        date_shift = {"shift_dates": True, "day_substitutions": {}, "old_start_date": "", "new_start_date": ""}
    mig = dst.create_content_migration("course_copy_importer", settings=settings,
                                       date_shift_options=date_shift or None)
    print(f"migration {mig.id} queued: {mig.workflow_state}")

def cmd_import(a):
    dst = canvas.get_course(a.to)
    mig = dst.create_content_migration("common_cartridge_importer", pre_attachment={"name": Path(a.file).name},
                                       settings={})
    print(f"upload {a.file} via pre_attachment {mig.pre_attachment.get('upload_url', '?')}")

def cmd_rubrics(a):
    for r in canvas.get_course(a.course).get_rubrics():
        print(f"{r.id}\t{r.title}\t{r.points_possible}")

def cmd_a11y(a):
    import re
    for p in canvas.get_course(a.course).get_pages(include=["body"]):
        body = getattr(p, "body", "") or ""
        missing = len(re.findall(r"<img(?![^>]*alt=)[^>]*>", body))
        if missing:
            print(f"{p.url}: {missing} image(s) without alt text")

ap = argparse.ArgumentParser()
sub = ap.add_subparsers(dest="cmd", required=True)
sub.add_parser("list")
e = sub.add_parser("export"); e.add_argument("course", type=int)
c = sub.add_parser("copy"); c.add_argument("course", type=int); c.add_argument("--to", type=int, required=True)
c.add_argument("--shift-days", type=int, default=0)
i = sub.add_parser("import"); i.add_argument("file"); i.add_argument("--to", type=int, required=True)
r = sub.add_parser("rubrics"); r.add_argument("course", type=int)
y = sub.add_parser("a11y"); y.add_argument("course", type=int)
args = ap.parse_args()
globals()[f"cmd_{args.cmd}"](args)
