rule Family_Variant_Trait
{
    meta:
        author      = "your-name"
        date        = "YYYY-MM-DD"
        description = "What it detects and what an analyst should do next"
        reference   = "https://attack.mitre.org/techniques/T1555/"
        hash        = "sha256 of the sample(s)"
        notes       = "tuning history"

    strings:
        $a1 = "unique string" ascii
        $b1 = "common string 1" ascii
        $b2 = "common string 2" ascii

    condition:
        filesize < 5MB and ($a1 or 2 of ($b*))
}
