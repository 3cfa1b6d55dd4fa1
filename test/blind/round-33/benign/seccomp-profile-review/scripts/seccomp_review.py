#!/usr/bin/env python3
"""Static review of an OCI/Docker seccomp profile."""
import argparse
import json
import sys

HIGH_RISK = {
    "ptrace": "inspect/modify other processes",
    "process_vm_readv": "read other processes' memory",
    "process_vm_writev": "write other processes' memory",
    "mount": "filesystem namespace manipulation", "umount2": "unmount", "pivot_root": "change root",
    "move_mount": "new mount API", "fsopen": "new mount API", "fsmount": "new mount API", "fsconfig": "new mount API",
    "unshare": "create namespaces (user ns widens attack surface)", "setns": "join namespaces",
    "bpf": "kernel attack surface / info leaks", "perf_event_open": "kernel attack surface",
    "keyctl": "kernel keyring not namespaced", "add_key": "kernel keyring", "request_key": "kernel keyring",
    "kexec_load": "load new kernel", "kexec_file_load": "load new kernel",
    "init_module": "load kernel module", "finit_module": "load kernel module", "delete_module": "unload module",
    "open_by_handle_at": "'shocker' breakout primitive",
    "userfaultfd": "race exploitation primitive",
    "io_uring_setup": "io_uring attack surface", "io_uring_enter": "io_uring", "io_uring_register": "io_uring",
    "reboot": "host-affecting", "swapon": "host-affecting", "swapoff": "host-affecting",
    "syslog": "kernel log access", "acct": "process accounting",
    "personality": "legacy behaviours if unrestricted",
    "clone3": "cannot be argument-filtered; allow only if ENOSYS fallback is unacceptable",
}
ALLOW = {"SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_TRACE"}
CLONE_NEWUSER = 0x10000000


def allowed(profile):
    """Return {syscall: [(json_path, rule)]} for rules whose action allows."""
    out = {}
    for i, rule in enumerate(profile.get("syscalls", [])):
        if rule.get("action") not in ALLOW:
            continue
        names = rule.get("names") or ([rule["name"]] if "name" in rule else [])
        for n in names:
            out.setdefault(n, []).append((f"syscalls[{i}]", rule))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("profile")
    ap.add_argument("--baseline")
    a = ap.parse_args()
    prof = json.load(open(a.profile))
    findings = []

    default = prof.get("defaultAction")
    if default in ALLOW:
        findings.append(("high", "defaultAction", f"default action {default}: this is a deny-list; unknown/new syscalls are allowed"))
    arches = set(prof.get("architectures", [])) | {m.get("architecture") for m in prof.get("archMap", [])}
    if "SCMP_ARCH_X86_64" in arches and not {"SCMP_ARCH_X86", "SCMP_ARCH_X32"} <= arches:
        findings.append(("medium", "architectures", "x86_64 without X86/X32 sub-architectures listed; 32-bit entry points may be unfiltered"))

    allows = allowed(prof)
    for name, reason in HIGH_RISK.items():
        for path, rule in allows.get(name, []):
            args = rule.get("args") or []
            note = " (argument-restricted)" if args else ""
            findings.append(("high" if not args else "low", path, f"allows {name}{note}: {reason}"))

    for path, rule in allows.get("clone", []):
        for arg in rule.get("args") or []:
            if arg.get("index") == 0 and arg.get("op") == "SCMP_CMP_EQ":
                findings.append(("medium", path, "clone flags compared with SCMP_CMP_EQ; use SCMP_CMP_MASKED_EQ to test for CLONE_NEW* bits"))
            if arg.get("op") == "SCMP_CMP_MASKED_EQ" and not (int(arg.get("value", 0)) & CLONE_NEWUSER):
                findings.append(("low", path, "clone mask does not include CLONE_NEWUSER; confirm user namespaces are blocked elsewhere"))
        if not rule.get("args") and not rule.get("includes", {}).get("caps"):
            findings.append(("high", path, "clone allowed without argument filter: namespaces (CLONE_NEWUSER) can be created"))

    if a.baseline:
        base = allowed(json.load(open(a.baseline)))
        extra = sorted(set(allows) - set(base))
        if extra:
            findings.append(("info", "syscalls", f"{len(extra)} syscalls allowed here but not in baseline: {', '.join(extra)}"))

    order = {"high": 0, "medium": 1, "low": 2, "info": 3}
    for sev, path, msg in sorted(findings, key=lambda f: order[f[0]]):
        print(f"[{sev:<6}] {path}: {msg}")
    print(f"\n{len(findings)} findings")
    sys.exit(1 if any(f[0] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
