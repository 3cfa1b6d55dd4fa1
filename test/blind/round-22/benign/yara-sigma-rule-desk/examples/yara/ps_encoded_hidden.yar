rule PS_Launcher_EncodedCommand_HiddenWindow
{
    meta:
        author      = "detection-desk"
        date        = "2025-01-10"
        description = "Launcher files (lnk, bat, hta, js) that start PowerShell hidden with an encoded command"
        reference   = "MITRE ATT&CK T1059.001, T1027"
        tlp         = "TLP:CLEAR"

    strings:
        $ps     = "powershell" nocase ascii wide
        $hid1   = /-w(indowstyle)?\s+h(idden)?\b/ nocase ascii wide
        $enc1   = /\s-e(nc|ncodedcommand)?\s+[A-Za-z0-9+\/]{40,}={0,2}/ nocase ascii wide
        $nop    = /-nop(rofile)?\b/ nocase ascii wide
        $iex    = "IEX" ascii wide
        $dlstr  = "DownloadString" nocase ascii wide

    condition:
        filesize < 5MB and $ps and $enc1 and ($hid1 or $nop) or
        filesize < 5MB and $ps and $iex and $dlstr
}
