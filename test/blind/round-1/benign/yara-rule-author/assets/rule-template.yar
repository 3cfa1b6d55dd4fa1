rule FAMILY_Variant_Behaviour
{
    meta:
        author      = "YOUR NAME"
        date        = "YYYY-MM-DD"
        description = "One sentence: what this detects and on which file type"
        reference   = "report URL or ticket id"
        hash        = "sha256 of a representative sample"
        tlp         = "CLEAR"

    strings:
        // behaviour strings (paths, format strings, protocol markers)
        $b1 = "replace me" ascii
        $b2 = "replace me" ascii wide

        // code or config structure
        $h1 = { 00 11 22 33 ?? 55 66 }

    condition:
        uint32(0) == 0xfeedfacf and filesize < 8MB and
        2 of ($b*) and $h1
}
