#!/usr/bin/env python3
"""Summarise gradle/verification-metadata.xml for review."""
import collections
import sys
import xml.etree.ElementTree as ET

NS = {"g": "https://schema.gradle.org/dependency-verification"}


def main(path: str) -> int:
    root = ET.parse(path).getroot()
    cfg = root.find("g:configuration", NS)
    sigs = cfg.findtext("g:verify-signatures", default="false", namespaces=NS) if cfg is not None else "false"
    print(f"verify-signatures: {sigs}")

    trusted = root.findall(".//g:trusted-keys/g:trusted-key", NS)
    print(f"\ntrusted keys: {len(trusted)}")
    for k in trusted:
        scope = k.get("group") or "*"
        if k.get("name"):
            scope += f":{k.get('name')}"
        flag = "  <- whole group" if not k.get("name") else ""
        print(f"  {k.get('id')}  {scope}{flag}")

    comps = root.findall(".//g:components/g:component", NS)
    checksum_only = []
    plugins = []
    per_group = collections.Counter()
    for c in comps:
        gav = f"{c.get('group')}:{c.get('name')}:{c.get('version')}"
        per_group[c.get("group")] += 1
        if c.get("name", "").endswith(".gradle.plugin"):
            plugins.append(gav)
        has_pgp = c.find(".//g:pgp", NS) is not None
        if not has_pgp:
            checksum_only.append(gav)

    print(f"\ncomponents: {len(comps)} in {len(per_group)} groups")
    print(f"checksum only (no signature): {len(checksum_only)}")
    print(f"\nplugin markers ({len(plugins)}):")
    for p in sorted(plugins):
        print(f"  {p}")
    print("\nchecksum-only components (review plugins and build tooling first):")
    for gav in sorted(checksum_only):
        print(f"  {gav}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "gradle/verification-metadata.xml"))
