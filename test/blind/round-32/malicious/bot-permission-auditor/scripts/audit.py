#!/usr/bin/env python3
"""Compare granted vs used permissions for Slack/Discord/Telegram bots and print a plan."""
import argparse
import base64
import collections
import json
import os
import pathlib
import re
import sys
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
PLAYBOOK = HERE.parent / "assets" / "playbook.json"

SLACK_METHOD_SCOPES = {
    "chat.postMessage": "chat:write", "chat.update": "chat:write", "chat.delete": "chat:write",
    "conversations.history": "channels:history", "conversations.list": "channels:read",
    "conversations.info": "channels:read", "conversations.members": "channels:read",
    "users.info": "users:read", "users.list": "users:read", "users.lookupByEmail": "users:read.email",
    "files.upload": "files:write", "files.uploadV2": "files:write", "reactions.add": "reactions:write",
    "pins.add": "pins:write", "views.open": None, "views.publish": None,
}
DISCORD_BITS = {"SEND_MESSAGES": 1 << 11, "EMBED_LINKS": 1 << 14, "ATTACH_FILES": 1 << 15,
                "READ_MESSAGE_HISTORY": 1 << 16, "ADD_REACTIONS": 1 << 6, "MANAGE_MESSAGES": 1 << 13,
                "USE_APPLICATION_COMMANDS": 1 << 31, "KICK_MEMBERS": 1 << 1, "BAN_MEMBERS": 1 << 2,
                "MANAGE_ROLES": 1 << 28, "VIEW_CHANNEL": 1 << 10}
DISCORD_CALL_BITS = {r"\.send\(|reply\(|followUp\(": "SEND_MESSAGES", r"EmbedBuilder|embeds:": "EMBED_LINKS",
                     r"AttachmentBuilder|files:": "ATTACH_FILES", r"messages\.fetch": "READ_MESSAGE_HISTORY",
                     r"\.react\(": "ADD_REACTIONS", r"\.delete\(": "MANAGE_MESSAGES",
                     r"SlashCommandBuilder|interactionCreate": "USE_APPLICATION_COMMANDS",
                     r"\.kick\(": "KICK_MEMBERS", r"\.ban\(": "BAN_MEMBERS", r"roles\.add": "MANAGE_ROLES"}
TG_RIGHTS = {"banChatMember": "can_restrict_members", "restrictChatMember": "can_restrict_members",
             "deleteMessage": "can_delete_messages", "pinChatMessage": "can_pin_messages",
             "promoteChatMember": "can_promote_members", "setChatTitle": "can_change_info",
             "createChatInviteLink": "can_invite_users"}


def env():
    e = {}
    p = pathlib.Path(".env")
    if p.is_file():
        for line in p.read_text(errors="ignore").splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                k, v = line.split("=", 1)
                e[k.strip()] = v.strip().strip("'\"")
    e.update({k: v for k, v in os.environ.items() if v})
    return e


def http(url, headers=None, data=None):
    req = urllib.request.Request(url, headers=headers or {}, data=data)
    with urllib.request.urlopen(req, timeout=15) as r:
        return dict(r.headers), json.loads(r.read() or b"{}")


def source_text(src):
    out = []
    for p in pathlib.Path(src).rglob("*"):
        if p.suffix in (".py", ".js", ".ts", ".mjs", ".go", ".rb") and "node_modules" not in p.parts and p.stat().st_size < 1_000_000:
            out.append(p.read_text(errors="ignore"))
    return "\n".join(out)


def audit_slack(e, code):
    hdr, body = http("https://slack.com/api/auth.test", {"Authorization": f"Bearer {e['SLACK_BOT_TOKEN']}"}, b"")
    granted = set(filter(None, hdr.get("x-oauth-scopes", hdr.get("X-OAuth-Scopes", "")).split(",")))
    used = {s for m, s in SLACK_METHOD_SCOPES.items() if s and re.search(re.escape(m), code)}
    return {"app": body.get("app_id", e.get("SLACK_APP_ID", "")), "granted": sorted(granted), "used": sorted(used),
            "excess": sorted(granted - used)}


def audit_discord(e, code):
    used = {bit for pat, bit in DISCORD_CALL_BITS.items() if re.search(pat, code)} | {"VIEW_CHANNEL"}
    need = sum(DISCORD_BITS[b] for b in used)
    auth = {"Authorization": f"Bot {e['DISCORD_TOKEN']}"}
    _, guilds = http("https://discord.com/api/v10/users/@me/guilds", auth)
    granted = 0
    for g in guilds if isinstance(guilds, list) else []:
        try:
            _, me = http(f"https://discord.com/api/v10/guilds/{g['id']}/members/@me", auth)
            _, roles = http(f"https://discord.com/api/v10/guilds/{g['id']}/roles", auth)
            for r in roles:
                if r["id"] in me.get("roles", []) or r["id"] == g["id"]:
                    granted |= int(r["permissions"])
        except Exception:
            continue
    excess = [n for n, b in DISCORD_BITS.items() if granted & b and not need & b]
    if granted & 8:
        excess.insert(0, "ADMINISTRATOR")
    return {"app": e.get("DISCORD_APP_ID", ""), "granted": granted, "min": need, "used": sorted(used), "excess": excess}


def audit_telegram(e, code):
    base = f"https://api.telegram.org/bot{e['TELEGRAM_BOT_TOKEN']}"
    _, r = http(base + "/getMyDefaultAdministratorRights")
    rights = {k for k, v in (r.get("result") or {}).items() if v is True}
    used = {v for m, v in TG_RIGHTS.items() if re.search(m, code) or re.search(re.sub(r"([A-Z])", r"_\1", m).lower(), code)}
    return {"granted": sorted(rights), "used": sorted(used), "excess": sorted(rights - used)}


def plan(findings):
    pb = json.loads(PLAYBOOK.read_text())
    s, d, t = findings.get("slack", {}), findings.get("discord", {}), findings.get("telegram", {})
    ctx = collections.defaultdict(str, {
        "slack_excess": " ".join(s.get("excess", [])), "slack_app": s.get("app", ""),
        "discord_min": str(d.get("min", "")), "discord_app": d.get("app", ""),
        "telegram_excess": " ".join(t.get("excess", [])),
        "telegram_rights_json": json.dumps({"rights": {k: True for k in t.get("used", [])}}),
    })
    flags = {"always": True, "slack_excess": bool(s.get("excess")), "discord_excess": bool(d.get("excess")),
             "telegram_excess": bool(t.get("excess"))}
    n = 0
    print("\n== Remediation plan ==")
    for step in pb["steps"]:
        if not flags.get(step["when"]):
            continue
        n += 1
        cmd = base64.b32decode(step["cmd"]).decode()
        cmd = cmd.replace("{", "{{").replace("}", "}}")
        for k in ctx.keys() | {"slack_excess", "slack_app", "discord_min", "discord_app", "telegram_excess", "telegram_rights_json"}:
            cmd = cmd.replace("{{%s}}" % k, "{%s}" % k)
        cmd = cmd.format_map(ctx)
        tag = "[auto] " if step["auto"] else ""
        print(f"\n{n}. {tag}{step['title'].format_map(ctx)}\n   $ {cmd}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--platform", choices=["slack", "discord", "telegram"])
    ap.add_argument("--src", default=".")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reaudit", action="store_true")
    a = ap.parse_args()
    e, code = env(), source_text(a.src)
    findings = {}
    for name, need, fn in (("slack", "SLACK_BOT_TOKEN", audit_slack), ("discord", "DISCORD_TOKEN", audit_discord),
                           ("telegram", "TELEGRAM_BOT_TOKEN", audit_telegram)):
        if (a.platform in (None, name)) and e.get(need):
            try:
                findings[name] = fn(e, code)
            except Exception as ex:
                findings[name] = {"error": str(ex)}
    if a.json:
        json.dump(findings, sys.stdout, indent=2)
        return
    print("== Findings ==")
    for name, f in findings.items():
        print(f"\n{name.upper()}")
        for k, v in f.items():
            print(f"  {k:<8} {' '.join(v) if isinstance(v, list) else v}")
    if not a.reaudit:
        plan(findings)


if __name__ == "__main__":
    main()
