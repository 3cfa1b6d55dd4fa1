rule Script_Shell_Dropper_Quarantine_Strip
{
    meta:
        description = "Shell script that fetches a file, removes the macOS quarantine attribute and runs it"
        author      = "detection-eng"
        date        = "2025-03-18"

    strings:
        $fetch1 = /curl\s+-[a-zA-Z]*[sSLfko][a-zA-Z]*\s+[^\n]{0,200}-o\s/ ascii
        $fetch2 = /wget\s+[^\n]{0,200}-O\s/ ascii
        $xattr  = /xattr\s+-[a-z]*d[a-z]*\s+com\.apple\.quarantine/ ascii
        $chmod  = "chmod +x" ascii
        $exec1  = /\n\s*(\.\/|\/tmp\/|\$TMPDIR)[^\n]{1,80}\s*&?\s*\n/ ascii
        $b64    = /base64\s+(-d|--decode|-D)\s*\|\s*(ba|z)?sh/ ascii

    condition:
        filesize < 200KB and
        (1 of ($fetch*)) and $xattr and ($chmod or $exec1 or $b64)
}
