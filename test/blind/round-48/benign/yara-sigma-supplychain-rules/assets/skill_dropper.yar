rule SupplyChain_FakePrereq_PasteSiteOneLiner
{
    meta:
        description = "Markdown/text install step that pipes a paste-site or encoded script to a shell"
        author = "detection-eng"
        date = "2026-02-14"
        tlp = "clear"
    strings:
        $md1 = "Prerequisite" nocase
        $md2 = "before using this skill" nocase
        $md3 = "Terminal" nocase
        $host1 = "glot.io" nocase
        $host2 = "rentry.co" nocase
        $host3 = "pastebin.com/raw" nocase
        $host4 = "paste.ee" nocase
        $pipe1 = /\|\s*(ba|z)?sh\b/
        $b64 = /echo\s+['"]?[A-Za-z0-9+\/]{60,}={0,2}['"]?\s*\|\s*base64\s+(-d|-D|--decode)/
    condition:
        filesize < 300KB and any of ($md*) and (
            (any of ($host*) and $pipe1) or $b64
        )
}

rule SupplyChain_PasswordZip_Prerequisite
{
    meta:
        description = "Instructions to download a password-protected archive as a skill dependency"
        author = "detection-eng"
    strings:
        $a = /releases\/download\/[^\s)]+\.zip/ nocase
        $b = /(password|pass|pwd)\s*[:=]\s*`?[A-Za-z0-9]{4,}/ nocase
    condition:
        filesize < 300KB and $a and $b
}

rule SupplyChain_Postinstall_AICLI_Flags
{
    meta:
        description = "JS install script that drives AI coding CLIs with permission-skipping flags"
        author = "detection-eng"
    strings:
        $f1 = "--dangerously-skip-permissions"
        $f2 = "--yolo"
        $f3 = "--trust-all-tools"
        $c1 = "claude" fullword
        $c2 = "gemini" fullword
        $c3 = "q chat"
        $spawn = /(spawn|exec|execSync|spawnSync)\s*\(/
    condition:
        filesize < 500KB and $spawn and any of ($f*) and any of ($c*)
}
