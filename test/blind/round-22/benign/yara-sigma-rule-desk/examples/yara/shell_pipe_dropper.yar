rule SCRIPT_Download_Pipe_To_Shell
{
    meta:
        author      = "detection-desk"
        date        = "2025-01-10"
        description = "Shell or install scripts that fetch a remote script and pipe it straight into an interpreter"
        reference   = "MITRE ATT&CK T1059.004, T1105"
        tlp         = "TLP:CLEAR"

    strings:
        $dl1   = /curl\s+(-[a-zA-Z]+\s+)*https?:\/\/[^\s|]{4,200}\s*\|\s*(sudo\s+)?(ba|z|da)?sh/
        $dl2   = /wget\s+(-[a-zA-Z]+\s+)*-O-?\s*https?:\/\/[^\s|]{4,200}\s*\|\s*(sudo\s+)?(ba|z|da)?sh/
        $b64   = /base64\s+(-d|--decode)\s*\|\s*(ba|z)?sh/
        $tmpx  = /chmod\s+\+x\s+\/tmp\/[^\s]{1,40}\s*(&&|;)\s*\/tmp\//
        $nohup = "nohup" ascii

    condition:
        filesize < 512KB and
        (uint16(0) == 0x2123 or uint16(0) == 0x2023 or uint8(0) == 0x0A) and
        (1 of ($dl*) or $b64) and ($tmpx or $nohup or #dl1 + #dl2 > 1)
}
