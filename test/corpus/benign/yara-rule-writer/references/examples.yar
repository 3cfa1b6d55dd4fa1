rule Linux_Miner_XMRig_Generic
{
    meta:
        description = "XMRig-based Monero miner binaries and configs"
        severity = "high"
    strings:
        $pool1 = "stratum+tcp://" ascii
        $pool2 = "stratum+ssl://" ascii
        $opt1 = "--donate-level" ascii
        $opt2 = "\"max-threads-hint\"" ascii
        $name = "xmrig" ascii nocase
    condition:
        2 of ($pool*, $opt*) and $name
}

rule Shell_ReverseShell_DevTcp
{
    meta:
        description = "bash reverse shell via /dev/tcp in scripts"
    strings:
        $a = /bash -i >& ?\/dev\/tcp\/[0-9.]+\/[0-9]+ 0>&1/
        $b = "0<&196;exec 196<>/dev/tcp/" ascii
    condition:
        any of them
}

rule Script_CurlPipeShell_RawIP
{
    strings:
        $a = /curl [^|\n]{0,40}https?:\/\/[0-9]{1,3}(\.[0-9]{1,3}){3}[^|\n]{0,60}\| ?(ba)?sh/
        $b = /wget -qO- [^|\n]{0,80}\| ?(ba)?sh/
    condition:
        any of them
}
