#!/usr/bin/env python3
"""Preview and perform a Dropbox Business member removal with file transfer to a named successor."""
import argparse
import csv
import datetime as dt
import getpass
import os
import sys
import time
from pathlib import Path

import dropbox
from dropbox import team


def client():
    tok = os.environ.get("DROPBOX_TEAM_TOKEN") or sys.exit("export DROPBOX_TEAM_TOKEN")
    return dropbox.DropboxTeam(tok)


def member(dbt, email):
    res = dbt.team_members_get_info_v2([team.UserSelectorArg.email(email)]).members_info[0]
    if res.is_id_not_found():
        sys.exit(f"{email} is not a member of this team")
    return res.get_member_info().profile


def operator(dbt):
    tok_info = dbt.team_token_get_authenticated_admin()
    return tok_info.admin_profile


def preview(dbt, leaver_email, to_email):
    leaver, succ = member(dbt, leaver_email), member(dbt, to_email)
    if leaver.team_member_id == succ.team_member_id:
        sys.exit("successor and leaver are the same account")
    for p, label in ((leaver, "Leaver"), (succ, "Successor")):
        print(f"{label:10} {p.email}  {p.name.display_name}  status={p.status._tag}  joined={p.joined_on}")
    if succ.status._tag != "active":
        sys.exit("successor must be an active member")

    as_leaver = dbt.as_user(leaver.team_member_id)
    usage = as_leaver.users_get_space_usage()
    files = 0
    res = as_leaver.files_list_folder("", recursive=True, limit=2000)
    while True:
        files += sum(isinstance(e, dropbox.files.FileMetadata) for e in res.entries)
        if not res.has_more or files > 200_000:
            break
        res = as_leaver.files_list_folder_continue(res.cursor)
    owned, external = [], []
    sf = as_leaver.sharing_list_folders(limit=1000)
    for f in sf.entries:
        if f.access_type._tag == "owner":
            owned.append(f.name)
            m = as_leaver.sharing_list_folder_members(f.shared_folder_id)
            ext = [u.user.email for u in m.users if getattr(u.user, "same_team", True) is False]
            if ext:
                external.append(f"shared folder '{f.name}' with {', '.join(ext)}")
    links = as_leaver.sharing_list_shared_links().links
    external += [f"link ({l.link_permissions.resolved_visibility._tag if l.link_permissions.resolved_visibility else '?'}): {l.path_lower}"
                 for l in links if l.link_permissions.resolved_visibility and
                 l.link_permissions.resolved_visibility._tag == "public"]
    devices = dbt.team_devices_list_member_devices(leaver.team_member_id)
    n_dev = len(devices.desktop_clients or []) + len(devices.mobile_clients or [])

    print(f"Space used {usage.used / 1e9:.1f} GB, files ≈{files:,}, owned shared folders {len(owned)}, linked devices {n_dev}")
    for o in owned[:30]:
        print(f"   owns: {o}")
    print(f"Shared outside the team: {len(external)}")
    for e in external[:50]:
        print(f"   ext: {e}")
    return leaver, succ


def cmd_preview(a):
    preview(client(), a.member, a.to)


def cmd_run(a):
    if a.confirm != f"{a.member}->{a.to}":
        sys.exit('--confirm must be exactly "<member>-><successor>"')
    dbt = client()
    leaver, succ = preview(dbt, a.member, a.to)
    admin = operator(dbt)
    sel = team.UserSelectorArg.team_member_id(leaver.team_member_id)
    if leaver.status._tag == "active":
        dbt.team_members_suspend(sel, wipe_data=a.wipe_devices)
        print("suspended")
    job = dbt.team_members_remove(
        sel, wipe_data=a.wipe_devices,
        transfer_dest_id=team.UserSelectorArg.team_member_id(succ.team_member_id),
        transfer_admin_id=team.UserSelectorArg.team_member_id(admin.team_member_id),
        keep_account=a.keep_account, retain_team_shares=False)
    status = "complete"
    if job.is_async_job_id():
        jid = job.get_async_job_id()
        while True:
            st = dbt.team_members_remove_job_status_get(jid)
            if not st.is_in_progress():
                status = st._tag
                break
            time.sleep(5)
    print(f"removal job: {status}; files are in {succ.email}'s root under a folder named after {leaver.name.display_name}")
    log = Path("offboarding-log.csv")
    new = not log.exists()
    with log.open("a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["date", "leaver", "successor", "wipe_devices", "keep_account", "status", "operator"])
        w.writerow([dt.datetime.utcnow().isoformat(), a.member, a.to, a.wipe_devices, a.keep_account, status,
                    admin.email or getpass.getuser()])


def cmd_recover(a):
    dbt = client()
    dbt.team_members_recover(team.UserSelectorArg.email(a.member))
    print(f"recovered {a.member} (transferred files remain with the successor)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("preview"); p.add_argument("--member", required=True); p.add_argument("--to", required=True)
    r = sub.add_parser("run"); r.add_argument("--member", required=True); r.add_argument("--to", required=True)
    r.add_argument("--confirm", required=True); r.add_argument("--wipe-devices", action="store_true")
    r.add_argument("--keep-account", action="store_true")
    v = sub.add_parser("recover"); v.add_argument("--member", required=True)
    a = ap.parse_args()
    {"preview": cmd_preview, "run": cmd_run, "recover": cmd_recover}[a.cmd](a)


if __name__ == "__main__":
    main()
