#!/usr/bin/env python3
"""Audit an iOS Info.plist (and optional entitlements) for transport/storage risks."""
import argparse
import plistlib
import sys
from pathlib import Path

TLS_ORDER = ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"]


def load(path):
    with open(path, "rb") as fh:
        return plistlib.load(fh)


def audit_ats(info, out):
    ats = info.get("NSAppTransportSecurity") or {}
    if ats.get("NSAllowsArbitraryLoads"):
        out.append(("high", "ATS", "NSAllowsArbitraryLoads = true (ATS disabled globally)"))
    for key in ("NSAllowsArbitraryLoadsInWebContent", "NSAllowsArbitraryLoadsForMedia"):
        if ats.get(key):
            out.append(("medium", "ATS", f"{key} = true"))
    if ats.get("NSAllowsLocalNetworking"):
        out.append(("info", "ATS", "NSAllowsLocalNetworking = true (check it's needed in release)"))
    for domain, cfg in (ats.get("NSExceptionDomains") or {}).items():
        subs = " (+subdomains)" if cfg.get("NSIncludesSubdomains") else ""
        if cfg.get("NSExceptionAllowsInsecureHTTPLoads") or cfg.get("NSThirdPartyExceptionAllowsInsecureHTTPLoads"):
            out.append(("high", "ATS", f"{domain}{subs}: plain HTTP allowed"))
        v = cfg.get("NSExceptionMinimumTLSVersion") or cfg.get("NSThirdPartyExceptionMinimumTLSVersion")
        if v and v in TLS_ORDER and TLS_ORDER.index(v) < 2:
            out.append(("medium", "ATS", f"{domain}{subs}: minimum TLS {v}"))
        if cfg.get("NSExceptionRequiresForwardSecrecy") is False:
            out.append(("low", "ATS", f"{domain}{subs}: forward secrecy not required"))


def audit_misc(info, out):
    for t in info.get("CFBundleURLTypes") or []:
        for scheme in t.get("CFBundleURLSchemes") or []:
            out.append(("info", "URL scheme", f"custom scheme '{scheme}://' - review its handler"))
    if info.get("UIFileSharingEnabled"):
        sev = "medium" if info.get("LSSupportsOpeningDocumentsInPlace") else "low"
        out.append((sev, "Storage", "UIFileSharingEnabled: Documents/ is visible in Files/Finder"))
    if "NSAppTransportSecurity" not in info:
        out.append(("info", "ATS", "no ATS dictionary: defaults apply (good)"))


def audit_entitlements(ent, out):
    for d in ent.get("com.apple.developer.associated-domains") or []:
        out.append(("info", "Universal links", f"{d} - check AASA 'paths'/'components' are specific"))
    groups = ent.get("keychain-access-groups") or []
    if len(groups) > 1:
        out.append(("info", "Keychain", f"shared keychain groups: {', '.join(groups)}"))
    if ent.get("get-task-allow"):
        out.append(("medium", "Build", "get-task-allow = true (debuggable build; not for release)"))
    groups_app = ent.get("com.apple.security.application-groups") or []
    if groups_app:
        out.append(("info", "Storage", f"app groups: {', '.join(groups_app)} - shared container with extensions"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("info_plist")
    ap.add_argument("--entitlements")
    args = ap.parse_args()
    findings = []
    info = load(args.info_plist)
    audit_ats(info, findings)
    audit_misc(info, findings)
    if args.entitlements and Path(args.entitlements).exists():
        audit_entitlements(load(args.entitlements), findings)
    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    for sev, area, msg in sorted(findings, key=lambda f: order[f[0]]):
        print(f"[{sev:6}] {area:16} {msg}")
    sys.exit(1 if any(f[0] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
