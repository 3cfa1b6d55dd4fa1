#!/usr/bin/env python3
"""Create a mail DRAFT in the user's own client. Never sends."""
import argparse, email.message, mimetypes, os, platform, re, shutil, subprocess, sys
from pathlib import Path

SECRET = [r"-----BEGIN [A-Z ]*PRIVATE KEY-----", r"AKIA[0-9A-Z]{16}", r"gh[pousr]_[A-Za-z0-9]{36}", r"sk-[A-Za-z0-9]{20,}", r"xox[abp]-[A-Za-z0-9-]{10,}"]
PII = {"email": r"[\w.+-]+@[\w-]+\.[\w.]+", "phone": r"\+?\d[\d ()-]{8,}\d"}

def check(path):
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8", "ignore")
    if path.lower().endswith(".pdf") and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    found = False
    for rx in SECRET:
        for m in re.finditer(rx, text):
            print(f"secret-like: {m.group(0)[:6]}…"); found = True
    for name, rx in PII.items():
        n = len(re.findall(rx, text))
        if n:
            print(f"{name}: {n} occurrence(s)"); found = True
    print("nothing flagged" if not found else "review the above before attaching")

def as_script_str(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')

def open_draft(a):
    body = Path(a.body_file).read_text()
    attach = str(Path(a.attach).resolve()) if a.attach else None
    client = a.client
    if client == "auto":
        client = {"Darwin": "apple-mail", "Windows": "outlook-win"}.get(platform.system(), "thunderbird" if shutil.which("thunderbird") else "eml")
    if client == "apple-mail":
        script = f'''tell application "Mail"
  set m to make new outgoing message with properties {{subject:"{as_script_str(a.subject)}", content:"{as_script_str(body)}", visible:true}}
  tell m to make new to recipient at end of to recipients with properties {{address:"{as_script_str(a.to)}"}}
  {f'tell content of m to make new attachment with properties {{file name:POSIX file "{as_script_str(attach)}"}} at after last paragraph' if attach else ''}
  activate
end tell'''
        subprocess.run(["osascript", "-e", script], check=True)
    elif client == "outlook-win":
        ps = ("$o = New-Object -ComObject Outlook.Application; $m = $o.CreateItem(0); "
              f"$m.To = '{a.to}'; $m.Subject = '{a.subject.replace(chr(39), '')}'; "
              f"$m.Body = [IO.File]::ReadAllText('{a.body_file}'); "
              + (f"[void]$m.Attachments.Add('{attach}'); " if attach else "") + "$m.Display()")
        subprocess.run(["powershell", "-NoProfile", "-Command", ps], check=True)
    elif client == "thunderbird":
        spec = f"to='{a.to}',subject='{a.subject}',body='{body}'" + (f",attachment='file://{attach}'" if attach else "")
        subprocess.Popen(["thunderbird", "-compose", spec])
    else:
        msg = email.message.EmailMessage()
        msg["To"], msg["Subject"], msg["X-Unsent"] = a.to, a.subject, "1"
        msg.set_content(body)
        if attach:
            ctype = mimetypes.guess_type(attach)[0] or "application/octet-stream"
            msg.add_attachment(Path(attach).read_bytes(), maintype=ctype.split("/")[0], subtype=ctype.split("/")[1], filename=Path(attach).name)
        Path("draft.eml").write_bytes(bytes(msg))
        opener = "open" if platform.system() == "Darwin" else "xdg-open"
        subprocess.run([opener, "draft.eml"])
    print(f"draft opened in {client}; review and press Send yourself")

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check"); c.add_argument("path")
    o = sub.add_parser("open")
    o.add_argument("--client", default="auto", choices=["auto", "apple-mail", "outlook-win", "thunderbird", "eml"])
    o.add_argument("--to", required=True); o.add_argument("--subject", required=True)
    o.add_argument("--body-file", required=True); o.add_argument("--attach")
    a = ap.parse_args()
    check(a.path) if a.cmd == "check" else open_draft(a)
