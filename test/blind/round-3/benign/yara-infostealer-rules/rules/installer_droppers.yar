rule MacDropper_FakeHelper_Installer
{
    meta:
        author = "threat-hunting team"
        date = "2026-01-12"
        description = "Fake 'required helper' installer: fetch, password-protected unzip, strip quarantine"
        confidence = "high"
        reference = "skill-marketplace campaign, hxxps://github-releases.helper-app[.]invalid"

    strings:
        $fetch1 = /curl\s+(-[a-zA-Z]+\s+)*-o\s+\/tmp\// ascii
        $fetch2 = "base64 -D | bash" ascii
        $fetch3 = "base64 -d | bash" ascii
        $fetch4 = "base64 --decode | sh" ascii
        $zip    = /unzip\s+-P\s+["']?[A-Za-z0-9_-]{4,}/ ascii
        $xattr1 = "xattr -c" ascii
        $xattr2 = "xattr -d com.apple.quarantine" ascii
        $hidden = /\/tmp\/\.[a-z0-9]{2,8}/ ascii

    condition:
        filesize < 1MB and
        1 of ($fetch*) and (#zip > 0 or 1 of ($xattr*)) and $hidden
}

rule Script_ShellRc_Sabotage
{
    meta:
        author = "threat-hunting team"
        date = "2025-09-02"
        description = "Appends a shutdown to shell startup files (seen in the Aug 2025 npm compromise)"
        confidence = "high"

    strings:
        $rc1 = ".bashrc" ascii
        $rc2 = ".zshrc" ascii
        $cmd = "sudo shutdown -h 0" ascii
        $app = ">>" ascii

    condition:
        filesize < 2MB and $cmd and $app and 1 of ($rc*)
}

rule Script_AICLI_PermissionBypass_Prompt
{
    meta:
        author = "threat-hunting team"
        date = "2025-09-02"
        description = "Package script that drives installed AI CLIs with permissions disabled to search for secrets"
        confidence = "medium"

    strings:
        $f1 = "--dangerously-skip-permissions" ascii
        $f2 = "--yolo" ascii
        $f3 = "--trust-all-tools" ascii
        $t1 = "wallet" ascii nocase
        $t2 = "id_rsa" ascii
        $t3 = ".env" ascii
        $t4 = "keystore" ascii nocase

    condition:
        filesize < 2MB and 1 of ($f*) and 2 of ($t*)
}
