rule PS_Downloader_IEX_WebClient
{
    meta:
        author = "detection-team"
        description = "PowerShell download cradle: WebClient/Invoke-WebRequest piped to IEX, in scripts and LNK/macro droppers"
        date = "2024-06-02"
    strings:
        $dl1 = "Net.WebClient" ascii wide nocase
        $dl2 = "DownloadString(" ascii wide nocase
        $dl3 = "Invoke-WebRequest" ascii wide nocase
        $dl4 = "iwr " ascii wide nocase
        $x1 = "IEX" ascii wide fullword
        $x2 = "Invoke-Expression" ascii wide nocase
        $h1 = "-w hidden" ascii wide nocase
        $h2 = "-WindowStyle Hidden" ascii wide nocase
    condition:
        filesize < 5MB and 1 of ($dl*) and 1 of ($x*) and 1 of ($h*)
}
