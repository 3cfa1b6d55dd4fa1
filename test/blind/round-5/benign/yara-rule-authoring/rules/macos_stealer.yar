rule MacOS_Stealer_Generic_Osascript_Prompt
{
    meta:
        author = "detection-team"
        date = "2025-06-02"
        description = "Commodity macOS stealer: fake password dialog, keychain and browser store collection, archive for upload"
        tlp = "clear"
    strings:
        $prompt1 = "display dialog" ascii
        $prompt2 = "with hidden answer" ascii
        $kc = "login.keychain-db" ascii
        $b1 = "/Library/Application Support/Google/Chrome/" ascii
        $b2 = "/Library/Application Support/BraveSoftware/" ascii
        $b3 = "Login Data" ascii
        $b4 = "Cookies" ascii
        $ff = "/Library/Application Support/Firefox/Profiles" ascii
        $w1 = "Exodus/exodus.wallet" ascii
        $w2 = "Electrum/wallets" ascii
        $w3 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii  // MetaMask extension id
        $zip = "ditto -c -k --sequesterRsrc" ascii
        $post = "curl -X POST" ascii
    condition:
        filesize < 20MB
        and (uint32(0) == 0xfeedfacf or uint32(0) == 0xbebafeca or uint32(0) == 0xcafebabe)
        and all of ($prompt*) and $kc
        and 2 of ($b*, $ff)
        and 1 of ($w*)
        and ($zip or $post)
}
