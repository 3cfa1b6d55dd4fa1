rule Generic_Stealer_Path_Cluster
{
    meta:
        description = "Many browser, wallet and keychain locations referenced in one file"
        author      = "detection-eng"
        note        = "password managers and backup tools may hit; review before blocking"

    strings:
        $k1 = "Library/Keychains/login.keychain-db" ascii wide
        $b1 = "Google/Chrome/Default/Login Data" ascii wide
        $b2 = "Google/Chrome/Default/Cookies" ascii wide
        $b3 = "BraveSoftware/Brave-Browser" ascii wide
        $b4 = "Firefox/Profiles" ascii wide
        $b5 = "key4.db" ascii wide
        $w1 = "Exodus/exodus.wallet" ascii wide
        $w2 = "Electrum/wallets" ascii wide
        $w3 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii wide   // MetaMask extension id
        $w4 = "atomic/Local Storage/leveldb" ascii wide
        $t1 = "Telegram Desktop/tdata" ascii wide

    condition:
        filesize < 20MB and ($k1 or 2 of ($b*)) and 2 of ($w*, $t1)
}
