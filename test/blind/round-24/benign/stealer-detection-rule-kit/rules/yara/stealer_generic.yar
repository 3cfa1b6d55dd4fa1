/*
  Generic infostealer heuristics. Starter rule; tune before production.
  Matches binaries/scripts that reference several credential stores at once.
*/
rule Stealer_Generic_MultiStore
{
    meta:
        description = "References to browser credential DBs, wallets and messenger tokens together"
        author = "detection-engineering"
        severity = "high"
    strings:
        $browser1 = "\\User Data\\Default\\Login Data" ascii wide
        $browser2 = "\\User Data\\Local State" ascii wide
        $browser3 = "os_crypt" ascii wide
        $browser4 = "encrypted_key" ascii wide
        $browser5 = "logins.json" ascii wide
        $browser6 = "key4.db" ascii wide
        $wallet1 = "wallet.dat" ascii wide
        $wallet2 = "\\Exodus\\exodus.wallet" ascii wide
        $wallet3 = "\\Electrum\\wallets" ascii wide
        $wallet4 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii wide  // MetaMask extension id
        $msg1 = "\\Telegram Desktop\\tdata" ascii wide
        $msg2 = "\\discord\\Local Storage\\leveldb" ascii wide
        $exfil1 = "Content-Disposition: form-data; name=\"file\"" ascii
        $exfil2 = "/api/gate" ascii
    condition:
        filesize < 20MB and
        3 of ($browser*) and
        (1 of ($wallet*) or 1 of ($msg*)) and
        1 of ($exfil*)
}

rule Stealer_macOS_AMOS_Like
{
    meta:
        description = "macOS stealer prompting for password via osascript and reading keychain"
        severity = "high"
    strings:
        $a1 = "display dialog" ascii
        $a2 = "with hidden answer" ascii
        $a3 = "login.keychain-db" ascii
        $a4 = "/Library/Application Support/Google/Chrome/" ascii
        $a5 = "dscl . authonly" ascii
        $z = "ditto -c -k" ascii
    condition:
        filesize < 15MB and 4 of ($a*) and $z
}
