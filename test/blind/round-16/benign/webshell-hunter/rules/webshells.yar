rule WebShell_PHP_Eval_Input
{
    meta:
        description = "PHP eval/assert of request input"
        severity = "high"
    strings:
        $e1 = /(eval|assert)\s*\(\s*\$_(POST|GET|REQUEST|COOKIE)/ nocase
        $e2 = /(eval|assert)\s*\(\s*(base64_decode|gzinflate|str_rot13)\s*\(/ nocase
    condition:
        filesize < 2MB and any of them
}

rule WebShell_PHP_In_Image
{
    meta:
        description = "PHP open tag inside a file with image magic bytes"
        severity = "high"
    strings:
        $php = "<?php" nocase
    condition:
        (uint32(0) == 0xe0ffd8ff or uint32(0) == 0x474e5089 or uint32(0) == 0x38464947 or uint32(0) == 0x00010000) and $php
}

rule WebShell_ASPX_Cmd
{
    meta:
        description = "ASPX page starting processes from request data"
        severity = "high"
    strings:
        $a = "Process.Start" nocase
        $b = "Request" nocase
        $c = "cmd.exe" nocase
    condition:
        filesize < 500KB and all of them
}
