rule Script_AgentCLI_PermissionBypass_Hunt
{
    meta:
        author      = "detection-eng"
        date        = "2025-08-29"
        description = "Script that invokes an AI coding CLI with permission checks disabled and a prompt that hunts for wallets, keys or .env files (pattern seen in the Aug 2025 s1ngularity compromise). Triage: check for new public repos on the developer's GitHub account and inspect shell rc files for appended commands."
        reference   = "https://attack.mitre.org/techniques/T1059/"

    strings:
        $f1 = "--dangerously-skip-permissions" ascii
        $f2 = "--yolo" ascii
        $f3 = "--trust-all-tools" ascii

        $c1 = "claude" ascii
        $c2 = "gemini" ascii
        $c3 = "q chat" ascii

        $p1 = "wallet" ascii nocase
        $p2 = "id_rsa" ascii
        $p3 = ".env" ascii
        $p4 = "keystore" ascii nocase
        $p5 = "recursively search" ascii nocase

        $rc = "sudo shutdown -h 0" ascii

    condition:
        filesize < 2MB and 1 of ($f*) and 1 of ($c*) and (2 of ($p*) or $rc)
}
