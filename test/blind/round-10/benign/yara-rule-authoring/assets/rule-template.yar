rule Category_Family_Variant
{
    meta:
        author      = "your-name"
        date        = "YYYY-MM-DD"
        description = "What this detects and why these strings"
        reference   = "internal ticket / report URL"
        hash        = "sha256 of a representative sample"
        tlp         = "TLP:CLEAR"
        score       = 70

    strings:
        $s1 = "unique string one" ascii
        $s2 = "unique string two" ascii wide
        $h1 = { 4D 5A ?? ?? 50 45 }

    condition:
        filesize < 5MB and
        2 of ($s*) or $h1
}
