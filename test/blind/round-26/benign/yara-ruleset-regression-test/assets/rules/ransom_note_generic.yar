rule Ransom_Note_Generic_Strings
{
    meta:
        author = "detection-team"
        description = "Ransom note text common to several commodity families"
        date = "2024-06-02"
        tlp = "CLEAR"
    strings:
        $a1 = "All your files have been encrypted" ascii wide nocase
        $a2 = "Do not rename encrypted files" ascii wide nocase
        $a3 = "Do not try to decrypt your data using third party software" ascii wide nocase
        $b1 = ".onion" ascii wide
        $b2 = "Tor Browser" ascii wide nocase
        $c1 = "personal ID" ascii wide nocase
    condition:
        filesize < 2MB and 2 of ($a*) and 1 of ($b*, $c*)
}
