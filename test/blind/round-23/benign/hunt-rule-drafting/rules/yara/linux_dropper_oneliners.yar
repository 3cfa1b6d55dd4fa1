/*
  Shell scripts that fetch a second stage, pipe it to a shell and
  set up persistence. Built from public reports on cryptomining
  droppers targeting exposed Redis / Docker APIs.
*/

private rule is_shell_script
{
    strings:
        $sb1 = "#!/bin/sh"
        $sb2 = "#!/bin/bash"
        $sb3 = "#!/usr/bin/env bash"
    condition:
        for any of ($sb*) : ( @ < 16 )
}

rule linux_dropper_oneliners
{
    meta:
        author      = "hunt-rule-drafting skill"
        description = "Download-and-execute plus persistence in a small shell script"
        reference   = "MITRE ATT&CK T1105, T1059.004, T1053.003"
        date        = "2024-06-12"

    strings:
        $dl1 = /curl\s+-[a-zA-Z]*s[a-zA-Z]*\s+https?:\/\/[^\s|]{4,200}\s*\|\s*(ba)?sh/
        $dl2 = /wget\s+-q?O-\s+https?:\/\/[^\s|]{4,200}\s*\|\s*(ba)?sh/
        $p1  = "crontab -" ascii
        $p2  = ".bashrc" ascii
        $p3  = "systemctl enable" ascii
        $p4  = "/etc/rc.local" ascii
        $h1  = "chattr +i" ascii
        $h2  = "history -c" ascii
        $h3  = "/dev/null 2>&1 &" ascii

    condition:
        is_shell_script and filesize < 200KB
        and 1 of ($dl*) and 1 of ($p*) and 1 of ($h*)
}
