rule TECH_PowerShell_Download_Cradle : powershell loader
{
    meta:
        author      = "detection-eng"
        date        = "2024-11-02"
        description = "PowerShell one-liners that download and execute a remote script, in .ps1, .bat, .lnk or .hta files"
        reference   = "hxxps://attack.mitre[.]org/techniques/T1059/001/"
        tlp         = "TLP:CLEAR"
        mitre_attack = "T1059.001, T1105"

    strings:
        $c1 = "IEX (New-Object Net.WebClient).DownloadString(" ascii wide nocase
        $c2 = "Invoke-Expression (Invoke-WebRequest" ascii wide nocase
        $c3 = "iwr -useb" ascii wide nocase
        $c4 = ".DownloadString(" ascii wide nocase
        $e1 = "-EncodedCommand" ascii wide nocase
        $e2 = " -enc " ascii wide nocase
        $e3 = "FromBase64String(" ascii wide nocase
        $h1 = "-w hidden" ascii wide nocase
        $h2 = "-WindowStyle Hidden" ascii wide nocase

    condition:
        filesize < 2MB and
        (1 of ($c*)) and (1 of ($e*) or 1 of ($h*))
}
