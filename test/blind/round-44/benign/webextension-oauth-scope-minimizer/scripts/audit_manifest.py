#!/usr/bin/env python3
"""Audit an MV3 manifest.json for broad permissions, host access and OAuth scopes."""
import json
import sys

HIGH = {
    "<all_urls>": "activeTab, or explicit host patterns",
    "debugger": "rarely needed outside dev tools extensions",
    "cookies": "scope host_permissions to your own domain",
    "history": "optional_permissions if only one feature uses it",
    "webRequest": "declarativeNetRequest",
    "management": "remove unless this is an extension manager",
    "nativeMessaging": "optional_permissions; document the native host",
    "proxy": "optional_permissions",
    "clipboardRead": "read on user paste event instead",
}
MEDIUM = {
    "tabs": "activeTab if you only need the current tab on click",
    "downloads": "optional_permissions",
    "scripting": "fine with activeTab; check host_permissions",
    "identity": "fine; check oauth2.scopes below",
    "bookmarks": "optional_permissions",
}
SCOPE_NARROWER = {
    "https://mail.google.com/": "gmail.send or gmail.readonly",
    "https://www.googleapis.com/auth/gmail.modify": "gmail.send / gmail.labels",
    "https://www.googleapis.com/auth/gmail.readonly": "gmail.metadata if bodies are not needed",
    "https://www.googleapis.com/auth/drive": "drive.file",
    "https://www.googleapis.com/auth/drive.readonly": "drive.file with the Picker",
    "https://www.googleapis.com/auth/calendar": "calendar.events.readonly",
    "https://www.googleapis.com/auth/contacts": "contacts.readonly",
    "https://www.googleapis.com/auth/cloud-platform": "a product-specific scope",
}
BROAD_HOSTS = {"<all_urls>", "*://*/*", "http://*/*", "https://*/*"}


def main(path: str) -> int:
    m = json.load(open(path, encoding="utf-8"))
    findings = []
    if m.get("manifest_version") != 3:
        findings.append(("WARN", "manifest_version", "not MV3"))
    for p in m.get("permissions", []):
        if p in HIGH:
            findings.append(("HIGH", f"permission {p}", HIGH[p]))
        elif p in MEDIUM:
            findings.append(("MED", f"permission {p}", MEDIUM[p]))
    for h in m.get("host_permissions", []):
        if h in BROAD_HOSTS or h.startswith("*://*."):
            findings.append(("HIGH", f"host {h}", "activeTab or specific origins"))
    for cs in m.get("content_scripts", []):
        for h in cs.get("matches", []):
            if h in BROAD_HOSTS:
                findings.append(("HIGH", f"content_scripts match {h}", "limit to supported sites"))
    for s in m.get("oauth2", {}).get("scopes", []):
        if s in SCOPE_NARROWER:
            findings.append(("HIGH", f"oauth scope {s}", SCOPE_NARROWER[s]))
        else:
            findings.append(("INFO", f"oauth scope {s}", "confirm a feature needs it"))
    if "client_secret" in json.dumps(m.get("oauth2", {})):
        findings.append(("HIGH", "oauth2.client_secret", "remove; extension packages are public"))
    csp = m.get("content_security_policy", {}).get("extension_pages", "")
    if "unsafe-eval" in csp:
        findings.append(("HIGH", "CSP unsafe-eval", "MV3 disallows it for extension pages; remove"))

    for sev, what, hint in findings:
        print(f"{sev:5} {what:55} -> {hint}")
    if not findings:
        print("No broad permissions or scopes found.")
    return 1 if any(f[0] == "HIGH" for f in findings) else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: audit_manifest.py manifest.json")
    sys.exit(main(sys.argv[1]))
