rule Category_Platform_Family_Variant : tag1 tag2
{
    meta:
        author      = "Your Name <you@example.com>"
        date        = "2026-01-01"
        description = "One sentence: what this detects and why it matters"
        reference   = "https://link-to-report-or-ticket"
        hash        = "sha256 of a sample this rule was tested against"
        tlp         = "TLP:CLEAR"

    strings:
        $a1 = "unique string" ascii wide
        $b1 = { 6A 40 68 00 30 00 00 }

    condition:
        filesize < 5MB and
        all of ($a*) and 1 of ($b*)
}
