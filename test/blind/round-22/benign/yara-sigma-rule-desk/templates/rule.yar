rule FAMILY_Behaviour_Variant
{
    meta:
        author      = "YOUR NAME"
        date        = "YYYY-MM-DD"
        description = "What this matches and why"
        reference   = "URL or ticket"
        hash        = "sha256 of a sample you already hold"
        tlp         = "TLP:CLEAR"

    strings:
        $s1 = "specific string" ascii
        $s2 = "another" nocase

    condition:
        filesize < 2MB and all of them
}
