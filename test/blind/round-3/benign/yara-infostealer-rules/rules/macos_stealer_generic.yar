/*
   Generic macOS infostealer: keychain + browser credential stores + crypto wallets.
   Tuned against: Homebrew Cellar, /Applications (42 apps), 3 node_modules trees — 0 hits.
*/

rule MacStealer_Keychain_Browser_Wallet_generic
{
    meta:
        author = "threat-hunting team"
        date = "2025-11-03"
        description = "Script or binary that touches keychain, browser credential stores and wallet data together"
        confidence = "medium"
        reference = "hxxps://blog.vendor[.]invalid/amos-variants-2025"

    strings:
        $kc1 = "security find-generic-password" ascii
        $kc2 = "login.keychain-db" ascii
        $kc3 = "dump-keychain" ascii
        $kc4 = "Chrome Safe Storage" ascii

        $br1 = "/Google/Chrome/Default/Login Data" ascii
        $br2 = "/Cookies" ascii
        $br3 = "key4.db" ascii
        $br4 = "logins.json" ascii
        $br5 = "/BraveSoftware/Brave-Browser/" ascii

        $wl1 = "Exodus/exodus.wallet" ascii
        $wl2 = "Electrum/wallets" ascii
        $wl3 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii   // MetaMask extension id
        $wl4 = "bfnaelmomeimhlpmgjnjophhpkkoljpa" ascii   // Phantom extension id

        $ux1 = "display dialog" ascii
        $ux2 = "with hidden answer" ascii

    condition:
        filesize < 20MB and
        2 of ($kc*) and 2 of ($br*) and (1 of ($wl*) or all of ($ux*))
}

rule MacStealer_FakePasswordPrompt
{
    meta:
        author = "threat-hunting team"
        date = "2025-11-03"
        description = "AppleScript password phishing dialog used to unlock the keychain"
        confidence = "high"

    strings:
        $a = "osascript" ascii
        $b = "display dialog" ascii nocase
        $c = "hidden answer" ascii nocase
        $d = /System Preferences|System Settings|macOS needs/ ascii
        $e = "dscl . authonly" ascii

    condition:
        filesize < 5MB and $a and $b and $c and ($d or $e)
}
