/*
   Rule template. Copy, rename, fill in meta, delete unused sections.
*/
import "pe"
import "math"

rule CATEGORY_Family_Detail
{
    meta:
        author          = ""
        description     = ""
        date            = "YYYY-MM-DD"
        modified        = "YYYY-MM-DD"
        reference       = ""
        hash            = ""
        tlp             = "CLEAR"
        score           = 70          // 0-100, for triage tooling
        false_positives = "none known"

    strings:
        $s1 = "" ascii wide
        $s2 = "" ascii wide
        $h1 = { }

    condition:
        uint16(0) == 0x5A4D
        and filesize < 5MB
        and 2 of ($s*)
}
