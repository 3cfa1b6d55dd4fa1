rule MacOS_Stealer_Osascript_Password_Prompt
{
    meta:
        description = "macOS stealer: fake password dialog via osascript plus keychain/browser/wallet collection"
        author = "detection-eng"
        date = "2025-11-04"
        reference = "Public reporting on AMOS/Atomic-family stealers distributed via fake installers"
        tlp = "CLEAR"

    strings:
        $prompt1 = "display dialog" ascii nocase
        $prompt2 = "with hidden answer" ascii nocase
        $prompt3 = "default answer \"\"" ascii
        $verify = "dscl . authonly" ascii

        $kc1 = "login.keychain-db" ascii
        $kc2 = "security find-generic-password" ascii
        $kc3 = "dump-keychain" ascii

        $br1 = "Library/Application Support/Google/Chrome" ascii
        $br2 = "Library/Application Support/BraveSoftware" ascii
        $br3 = "Library/Application Support/Firefox/Profiles" ascii
        $br4 = "Cookies.binarycookies" ascii
        $br5 = "Login Data" ascii

        $w1 = "Exodus/exodus.wallet" ascii
        $w2 = "Electrum/wallets" ascii
        $w3 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii  // MetaMask extension ID
        $w4 = "Telegram Desktop/tdata" ascii

        $col1 = "ditto -c -k --sequesterRsrc" ascii
        $col2 = "/tmp/out.zip" ascii
        $col3 = "curl -X POST" ascii

    condition:
        filesize < 20MB and
        (2 of ($prompt*) or $verify) and
        (1 of ($kc*)) and
        (2 of ($br*, $w*)) and
        (1 of ($col*))
}
