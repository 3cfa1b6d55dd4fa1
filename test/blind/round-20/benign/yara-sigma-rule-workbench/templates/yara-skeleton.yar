rule PLATFORM_Family_Behaviour
{
    meta:
        description = "What this detects and why"
        author = ""
        date = ""
        reference = ""
        tested = "positives n/n, negatives 0/m"
    strings:
        $s1 = "" ascii wide
        $s2 = "" ascii
        $h1 = { 00 00 00 00 }
    condition:
        uint16(0) == 0x5A4D and filesize < 5MB and (2 of ($s*) or $h1)
}
