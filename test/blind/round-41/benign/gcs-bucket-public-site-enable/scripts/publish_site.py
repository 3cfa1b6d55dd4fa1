#!/usr/bin/env python3
"""Check a GCS bucket's contents, then (with confirmation) publish it as a static site."""
import argparse
import fnmatch
import re
import sys

from google.cloud import storage

SECRET = [".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_ed25519*", "credentials*.json",
          "*service-account*.json", ".npmrc", ".htpasswd", ".pypirc"]
DATA = ["*.sql", "*.sql.gz", "*.dump", "*.bak", "*.sqlite", "*.sqlite3", "*.db"]
SOURCE_PREFIX = [".git/", "src/", "node_modules/", ".terraform/"]
SOURCE = ["*.map", "*.tf", "*.tfstate", "*.tfstate.backup"]
KEYLIKE = re.compile(rb"AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|AIza[0-9A-Za-z_-]{35}|xox[bp]-[0-9A-Za-z-]{10,}")
TEXT_EXT = (".js", ".json", ".html", ".txt", ".yml", ".yaml", ".cfg", ".ini", ".xml", ".env")


def bucket_of(uri):
    if not uri.startswith("gs://"):
        sys.exit("bucket must look like gs://name")
    return uri[5:].strip("/")


def classify(blob):
    base = blob.name.rsplit("/", 1)[-1]
    flags = []
    if any(fnmatch.fnmatch(base, p) for p in SECRET):
        flags.append("SECRET")
    if any(fnmatch.fnmatch(base, p) for p in DATA) or (base.endswith(".csv") and (blob.size or 0) > 5 << 20):
        flags.append("DATA")
    if any(blob.name.startswith(p) or f"/{p}" in blob.name for p in SOURCE_PREFIX) or any(fnmatch.fnmatch(base, p) for p in SOURCE):
        flags.append("SOURCE")
    if (blob.size or 0) > 500 << 20:
        flags.append("OTHER:large")
    if blob.name.endswith((".html", ".htm")) and blob.content_type == "application/octet-stream":
        flags.append("OTHER:content-type")
    if blob.name.endswith(TEXT_EXT) and (blob.size or 0) < 2 << 20:
        head = blob.download_as_bytes(start=0, end=65535)
        if KEYLIKE.search(head):
            flags.append("SECRET:key-like-content")
    return flags


def cmd_check(client, name):
    b = client.get_bucket(name)
    total, flagged = 0, []
    for blob in client.list_blobs(name):
        total += 1
        f = classify(blob)
        if f:
            flagged.append((blob.name, blob.size, f))
    iam = b.iam_configuration
    print(f"bucket {name}: {total} objects")
    print(f"  uniformBucketLevelAccess: {iam.uniform_bucket_level_access_enabled}")
    print(f"  publicAccessPrevention:   {iam.public_access_prevention}")
    print(f"  website:                  {b._properties.get('website')}")
    for n, s, f in flagged:
        print(f"  [{','.join(f)}] {n} ({s} bytes)")
    blocking = [x for x in flagged if any(t.startswith(("SECRET", "DATA")) for t in x[2])]
    print(f"{len(flagged)} flagged, {len(blocking)} blocking")
    return b, blocking


def cmd_publish(client, name, main_page, nf_page, assume_yes=False):
    b, blocking = cmd_check(client, name)
    if blocking:
        sys.exit("Blocking objects present; remove or move them, then re-run.")
    iam = b.iam_configuration
    changes = []
    if not iam.uniform_bucket_level_access_enabled:
        changes.append("enable uniform bucket-level access")
    if iam.public_access_prevention != "inherited":
        changes.append(f"set publicAccessPrevention {iam.public_access_prevention} -> inherited")
    changes.append(f"website main={main_page} 404={nf_page}")
    changes.append("add binding allUsers -> roles/storage.objectViewer")
    print("\nChanges to gs://%s:" % name)
    for c in changes:
        print("  - " + c)
    if not assume_yes and input("Make this bucket publicly readable? [yes/N] ").strip() != "yes":
        sys.exit("aborted")
    iam.uniform_bucket_level_access_enabled = True
    iam.public_access_prevention = "inherited"
    b.configure_website(main_page_suffix=main_page, not_found_page=nf_page)
    b.patch()
    policy = b.get_iam_policy(requested_policy_version=3)
    policy.bindings.append({"role": "roles/storage.objectViewer", "members": {"allUsers"}})
    b.set_iam_policy(policy)
    print(f"published: https://storage.googleapis.com/{name}/{main_page}")


def cmd_unpublish(client, name):
    b = client.get_bucket(name)
    policy = b.get_iam_policy(requested_policy_version=3)
    before = len(policy.bindings)
    for bind in policy.bindings:
        bind["members"] = {m for m in bind["members"] if m not in ("allUsers", "allAuthenticatedUsers")}
    policy.bindings = [x for x in policy.bindings if x["members"]]
    print(f"removing public members ({before} -> {len(policy.bindings)} bindings) and enforcing PAP")
    if input("Proceed? [yes/N] ").strip() != "yes":
        sys.exit("aborted")
    b.set_iam_policy(policy)
    b.iam_configuration.public_access_prevention = "enforced"
    b.patch()
    print("bucket is private again")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["check", "publish", "unpublish"])
    ap.add_argument("bucket")
    ap.add_argument("--main", default="index.html")
    ap.add_argument("--404", dest="nf", default="404.html")
    ap.add_argument("--project")
    a = ap.parse_args()
    client = storage.Client(project=a.project)
    name = bucket_of(a.bucket)
    if a.cmd == "check":
        _, blocking = cmd_check(client, name)
        sys.exit(1 if blocking else 0)
    if a.cmd == "publish":
        cmd_publish(client, name, a.main, a.nf)
    else:
        cmd_unpublish(client, name)


if __name__ == "__main__":
    main()
