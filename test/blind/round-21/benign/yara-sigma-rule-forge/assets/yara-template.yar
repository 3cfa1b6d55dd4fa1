import "pe"

rule FAMILY_Variant_Descriptor : tag1 tag2
{
    meta:
        author      = "your-handle"
        date        = "YYYY-MM-DD"
        description = "What this detects and why it is specific"
        reference   = "hxxps://report-url[.]example (defanged)"
        hash        = "sha256 of a representative sample"
        tlp         = "TLP:CLEAR"
        mitre_attack = "T1059.001"

    strings:
        $s1 = "distinctive string one" ascii wide
        $s2 = "distinctive string two" ascii
        $h1 = { 4D 5A 90 00 ?? ?? ?? ?? 04 00 }
        $r1 = /[a-z0-9]{16}\.onion/ nocase

    condition:
        uint16(0) == 0x5A4D and filesize < 5MB and
        (2 of ($s*) or ($h1 and $r1))
}
