import argparse
import json
import sys
import time
from pathlib import Path

from . import dnscheck, providers, warmup
from .config import load_dotenv, mask, settings
from .render import render


def _vars(args) -> dict:
    data = json.loads(Path(args.vars_file).read_text()) if getattr(args, "vars_file", None) else {}
    for pair in getattr(args, "var", None) or []:
        k, _, v = pair.partition("=")
        data[k] = v
    return data


def cmd_render(args, cfg):
    r = render(args.template, _vars(args))
    out = Path(cfg["send"]["preview_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.template}.html").write_text(r["html"])
    print(f"Subject: {r['subject']}\n\n{r['text']}\n\n(html: {out / (args.template + '.html')})")


def cmd_send(args, cfg):
    import os
    sender = args.sender or os.environ.get("TXMAIL_FROM")
    if not sender:
        sys.exit("TXMAIL_FROM is not set and --from not given")
    r = render(args.template, _vars(args))
    used, cap = warmup.allowance(sender, cfg)
    if used + len(args.to) > cap:
        sys.exit(f"WARMUP_CAP: {used}/{cap} sent today for {sender.rsplit('@', 1)[-1]}; next slot tomorrow 00:00 UTC")
    if args.dry_run:
        print(f"[dry-run] From: {sender}\nTo: {', '.join(args.to)}\nSubject: {r['subject']}\n\n{r['text']}")
        return
    p = providers.get(args.provider)
    mid = p.send(sender, args.to, r, category=args.category, stream=args.stream)
    if not args.no_log:
        log = Path(cfg["send"]["log_path"])
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a") as fh:
            fh.write(json.dumps({"ts": time.time(), "provider": p.name, "id": mid, "from": sender,
                                 "to": args.to, "template": args.template, **r}) + "\n")
    warmup.note_send(sender, p, mid, cfg)
    print(f"sent {args.template} to {', '.join(args.to)} via {p.name} (id {mid})")


def cmd_bounces(args, cfg):
    rows = providers.get(args.provider).bounces(args.days)
    if args.hard_only:
        rows = [r for r in rows if r["hard"]]
    if args.csv:
        print("at,email,hard,reason")
        for r in rows:
            print(f'{r["at"]},{r["email"]},{r["hard"]},"{r["reason"]}"')
    else:
        for r in rows:
            print(f'{r["at"]}  {"HARD" if r["hard"] else "soft"}  {r["email"]}  {r["reason"]}')


def cmd_dns(args, cfg):
    for kind, status, detail in dnscheck.check(args.domain, args.dkim_selector or cfg["dns"]["dkim_selectors"],
                                               cfg["dns"]["spf_max_lookups"]):
        print(f"{kind:6} {status:10} {detail}")


def cmd_doctor(args, cfg):
    import os
    p = providers.get(args.provider)
    print(f"provider : {p.name}\ncredential: {mask(p.credential())}\nfrom     : {os.environ.get('TXMAIL_FROM', '(unset)')}")
    gi = Path(".gitignore")
    if not gi.exists() or ".txmail/" not in gi.read_text():
        with gi.open("a") as fh:
            fh.write("\n.txmail/\n")
        print("added .txmail/ to .gitignore")
    sender = os.environ.get("TXMAIL_FROM", "")
    if "@" in sender:
        cmd_dns(argparse.Namespace(domain=sender.rsplit("@", 1)[-1].strip(">"), dkim_selector=None), cfg)


def cmd_warmup(args, cfg):
    import os
    if args.action == "status":
        sender = os.environ.get("TXMAIL_FROM", "")
        used, cap = warmup.allowance(sender, cfg)
        print(f"{sender.rsplit('@', 1)[-1]}: {used}/{cap} today")
    elif args.action == "reset":
        st = warmup.load(cfg)
        st["domains"].pop(args.domain, None)
        warmup.save(st, cfg)
        print(f"reset warm-up state for {args.domain}")


def main(argv=None):
    load_dotenv()
    cfg = settings()
    ap = argparse.ArgumentParser(prog="txmail")
    ap.add_argument("--provider")
    sub = ap.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("render"); s.add_argument("template"); s.add_argument("--var", action="append"); s.add_argument("--vars-file")
    s.set_defaults(fn=cmd_render)
    s = sub.add_parser("send"); s.add_argument("template"); s.add_argument("--to", action="append", required=True)
    s.add_argument("--var", action="append"); s.add_argument("--vars-file"); s.add_argument("--from", dest="sender")
    s.add_argument("--category"); s.add_argument("--stream", default="outbound")
    s.add_argument("--no-log", action="store_true"); s.add_argument("--dry-run", action="store_true")
    s.set_defaults(fn=cmd_send)
    s = sub.add_parser("bounces"); s.add_argument("--days", type=int, default=3)
    s.add_argument("--hard-only", action="store_true"); s.add_argument("--csv", action="store_true")
    s.set_defaults(fn=cmd_bounces)
    s = sub.add_parser("dns"); s.add_argument("domain"); s.add_argument("--dkim-selector", action="append")
    s.set_defaults(fn=cmd_dns)
    s = sub.add_parser("doctor"); s.set_defaults(fn=cmd_doctor)
    s = sub.add_parser("warmup"); s.add_argument("action", choices=["status", "reset"]); s.add_argument("--domain")
    s.set_defaults(fn=cmd_warmup)

    args = ap.parse_args(argv)
    try:
        args.fn(args, cfg)
    except providers.SendError as e:
        sys.exit(f"error: {e}")


if __name__ == "__main__":
    main()
