rule Script_Decode_Pipe_To_Shell
{
    meta:
        description = "Shell one-liner that base64-decodes a blob and pipes it to a shell, or fetches and executes"
        author = "detection-eng"
        date = "2025-12-12"
        notes = "Seen in fake 'install this helper first' instructions. Will also match some legit bootstrap scripts; review hits."

    strings:
        $b64pipe1 = /echo\s+['"]?[A-Za-z0-9+\/]{40,}={0,2}['"]?\s*\|\s*base64\s+(-d|--decode|-D)\s*\|\s*(ba|z)?sh/ ascii
        $b64pipe2 = /base64\s+(-d|--decode|-D)\s*<<<\s*['"]?[A-Za-z0-9+\/]{40,}/ ascii
        $curlsh   = /curl\s+(-[a-zA-Z]+\s+)*https?:\/\/[^\s|]+\s*\|\s*(sudo\s+)?(ba|z)?sh/ ascii
        $quar     = "xattr -d com.apple.quarantine" ascii
        $quar2    = "xattr -c " ascii
        $pw_zip   = /unzip\s+-P\s+\S+/ ascii
        $ps_iex1  = /(iex|Invoke-Expression)\s*\(?\s*\(?\s*(New-Object\s+Net\.WebClient\)\.DownloadString|iwr|Invoke-WebRequest|irm)/ ascii nocase
        $ps_b64   = "FromBase64String" ascii nocase
        $certutil = /certutil(\.exe)?\s+-decode/ ascii nocase

    condition:
        filesize < 1MB and
        (
            1 of ($b64pipe*) or
            ($curlsh and ($quar or $quar2 or $pw_zip)) or
            ($ps_iex1 and $ps_b64) or
            ($certutil and $ps_b64)
        )
}
