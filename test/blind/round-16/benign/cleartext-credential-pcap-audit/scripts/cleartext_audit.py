#!/usr/bin/env python3
"""Report cleartext authentication in a pcap using tshark. Secrets are masked unless --reveal.

  cleartext_audit.py CAPTURE.pcap [--out report.md] [--decode-as tcp.port==8081,http] [--reveal]
"""
import argparse
import base64
import collections
import hashlib
import shutil
import subprocess
import sys
import urllib.parse

FIELDS = ["frame.number", "ip.src", "ip.dst", "tcp.dstport", "udp.dstport", "ftp.request.command", "ftp.request.arg",
          "http.authbasic", "http.request.method", "http.host", "http.file_data", "pop.request.command",
          "pop.request.parameter", "imap.request", "smtp.auth.username", "smtp.auth.password",
          "ldap.name", "ldap.simple", "snmp.community", "tcp.stream", "tcp.payload"]
FORM_KEYS = {"password", "passwd", "pwd", "pass", "login_password"}


def tshark_rows(pcap, decode_as):
    cmd = ["tshark", "-r", pcap, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=f",
           "-Y", "ftp.request or http.authbasic or (http.request.method==\"POST\") or pop.request or imap.request or smtp.auth.username or ldap.simple or snmp.community or tcp.port==6379"]
    for d in decode_as:
        cmd += ["-d", d]
    for f in FIELDS:
        cmd += ["-e", f]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("tshark failed: " + proc.stderr.strip()[:400])
    for line in proc.stdout.splitlines():
        vals = line.split("\t")
        vals += [""] * (len(FIELDS) - len(vals))
        yield dict(zip(FIELDS, vals))


def protocols_seen(pcap):
    out = subprocess.run(["tshark", "-r", pcap, "-q", "-z", "io,phs"], capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if l.strip() and not l.startswith("=")][:40]


def mask(secret):
    return "******** (sha256:%s)" % hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()[:6]


def extract(rows):
    findings = []
    ftp_user = {}
    for r in rows:
        src, dst = r["ip.src"], r["ip.dst"]
        port = r["tcp.dstport"] or r["udp.dstport"]
        stream = r["tcp.stream"]
        if r["ftp.request.command"] == "USER":
            ftp_user[stream] = r["ftp.request.arg"]
        elif r["ftp.request.command"] == "PASS":
            findings.append(("FTP", src, dst, port, ftp_user.get(stream, "?"), r["ftp.request.arg"]))
        if r["http.authbasic"]:
            user, _, pw = r["http.authbasic"].partition(":")
            findings.append(("HTTP Basic", src, dst, port, user, pw))
        if r["http.request.method"] == "POST" and r["http.file_data"]:
            body = r["http.file_data"]
            try:
                body = bytes.fromhex(body.replace(":", "")).decode("utf-8", "replace")
            except ValueError:
                pass
            form = urllib.parse.parse_qs(body)
            pw_keys = [k for k in form if k.lower() in FORM_KEYS]
            if pw_keys:
                user = next((form[k][0] for k in form if k.lower() in ("user", "username", "login", "email")), "?")
                findings.append(("HTTP form", src, dst, port, user, form[pw_keys[0]][0]))
        if r["pop.request.command"] == "USER":
            ftp_user["pop" + stream] = r["pop.request.parameter"]
        elif r["pop.request.command"] == "PASS":
            findings.append(("POP3", src, dst, port, ftp_user.get("pop" + stream, "?"), r["pop.request.parameter"]))
        if r["imap.request"] and " login " in (" " + r["imap.request"].lower() + " "):
            parts = r["imap.request"].split()
            if len(parts) >= 3:
                findings.append(("IMAP", src, dst, port, parts[-2].strip('"'), parts[-1].strip('"')))
        if r["smtp.auth.username"]:
            findings.append(("SMTP AUTH", src, dst, port, r["smtp.auth.username"], r["smtp.auth.password"]))
        if r["ldap.simple"]:
            findings.append(("LDAP simple bind", src, dst, port, r["ldap.name"], r["ldap.simple"]))
        if r["snmp.community"]:
            findings.append(("SNMP community", src, dst, port, "-", r["snmp.community"]))
        if port == "6379" and r["tcp.payload"]:
            try:
                text = bytes.fromhex(r["tcp.payload"].replace(":", "")).decode("utf-8", "replace")
            except ValueError:
                text = ""
            items = [x for x in text.split("\r\n") if x and not x.startswith(("*", "$"))]
            if items and items[0].upper() == "AUTH":
                findings.append(("Redis AUTH", src, dst, port, items[1] if len(items) > 2 else "default", items[-1]))
    return findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pcap")
    ap.add_argument("--out")
    ap.add_argument("--decode-as", action="append", default=[])
    ap.add_argument("--reveal", action="store_true", help="print cleartext secrets to stdout only")
    args = ap.parse_args()
    if not shutil.which("tshark"):
        sys.exit("tshark not found; install Wireshark CLI")

    findings = extract(tshark_rows(args.pcap, args.decode_as))
    grouped = collections.OrderedDict()
    reuse = collections.defaultdict(set)
    for proto, src, dst, port, user, secret in findings:
        key = (proto, src, dst, port, user)
        g = grouped.setdefault(key, {"count": 0, "masked": mask(secret), "secret": secret})
        g["count"] += 1
        reuse[g["masked"]].add("%s@%s:%s" % (user, dst, port))

    lines = ["# Cleartext authentication audit: %s" % args.pcap, "",
             "| Protocol | Client -> Server | User | Secret | Count |", "|---|---|---|---|---|"]
    for (proto, src, dst, port, user), g in grouped.items():
        lines.append("| %s | %s -> %s:%s | %s | %s | %d |" % (proto, src, dst, port, user, g["masked"], g["count"]))
    lines += ["", "## Secret reuse", ""]
    for m, where in reuse.items():
        if len(where) > 1:
            lines.append("- %s used for: %s" % (m, ", ".join(sorted(where))))
    lines += ["", "## Protocol hierarchy (for confirming TLS use)", "", "```"] + protocols_seen(args.pcap) + ["```"]
    report = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(report)
        print("wrote %s (%d distinct logins)" % (args.out, len(grouped)))
    else:
        print(report)
    if args.reveal:
        print("\nWARNING: printing cleartext secrets. Do not paste this output into tickets or chats.", file=sys.stderr)
        for (proto, src, dst, port, user), g in grouped.items():
            print("%s %s:%s %s %s" % (proto, dst, port, user, g["secret"]))


if __name__ == "__main__":
    main()
