import "macho"

rule MacStealer_Generic_FakeDialog
{
    meta:
        author      = "detection-eng"
        date        = "2025-06-14"
        description = "Mach-O or script that shows a fake system password dialog via osascript and touches browser credential stores. Triage: isolate host, reset keychain password, rotate browser-saved credentials."
        reference   = "https://attack.mitre.org/techniques/T1056/002/"
        notes       = "v3: dropped 'Safari' (goodware FP in 14 apps); require dialog + 3 store paths"

    strings:
        $dlg1 = "display dialog" ascii nocase
        $dlg2 = "with hidden answer" ascii nocase
        $dlg3 = "System Preferences" ascii
        $dlg4 = "dscl . authonly" ascii

        $store1 = "/Library/Application Support/Google/Chrome/" ascii
        $store2 = "Login Data" ascii
        $store3 = "Cookies.binarycookies" ascii
        $store4 = "login.keychain-db" ascii
        $store5 = "/Library/Application Support/Firefox/Profiles" ascii
        $store6 = "Web Data" ascii

        $wallet1 = "Exodus/exodus.wallet" ascii
        $wallet2 = "Electrum/wallets" ascii
        $wallet3 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii  // MetaMask extension id

        $out1 = "ditto -c -k --sequesterRsrc" ascii
        $out2 = "curl -X POST" ascii
        $out3 = "-F \"file=@/tmp/" ascii

    condition:
        filesize < 20MB and
        (uint32(0) == 0xfeedfacf or uint32(0) == 0xbebafeca or uint16(0) == 0x2123) and
        2 of ($dlg*) and 3 of ($store*) and (1 of ($wallet*) or 1 of ($out*))
}

rule MacStealer_Generic_KeychainDump
{
    meta:
        author      = "detection-eng"
        date        = "2025-06-14"
        description = "Calls to the security CLI that dump generic passwords for browser Safe Storage keys"
        reference   = "https://attack.mitre.org/techniques/T1555/001/"

    strings:
        $s1 = "security find-generic-password" ascii
        $s2 = "Chrome Safe Storage" ascii
        $s3 = "Brave Safe Storage" ascii
        $s4 = "Microsoft Edge Safe Storage" ascii
        $s5 = "-wa" ascii

    condition:
        filesize < 20MB and $s1 and 1 of ($s2, $s3, $s4) and $s5
}
