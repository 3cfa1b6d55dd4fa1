rule Generic_Browser_Wallet_Harvester
{
    meta:
        description = "Binary or script that enumerates several browser credential stores AND wallet locations"
        author = "detection-eng"
        date = "2025-11-04"
        notes = "Tuned against 40k goodware files: 0 hits. Password managers hit $br* but not $w* + $arch*."

    strings:
        $br1 = "\\Google\\Chrome\\User Data\\" ascii wide nocase
        $br2 = "\\Microsoft\\Edge\\User Data\\" ascii wide nocase
        $br3 = "\\BraveSoftware\\Brave-Browser\\User Data\\" ascii wide nocase
        $br4 = "\\Mozilla\\Firefox\\Profiles\\" ascii wide nocase
        $br5 = "Local State" ascii wide
        $br6 = "logins.json" ascii wide
        $br7 = "key4.db" ascii wide

        $w1 = "wallet.dat" ascii wide nocase
        $w2 = "\\Exodus\\exodus.wallet" ascii wide nocase
        $w3 = "\\Ethereum\\keystore" ascii wide nocase
        $w4 = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii wide
        $w5 = "bfnaelmomeimhlpmgjnjophhpkkoljpa" ascii wide  // Phantom extension ID
        $w6 = "seed phrase" ascii wide nocase

        $arch1 = "System.IO.Compression.ZipFile" ascii wide
        $arch2 = "Compress-Archive" ascii wide nocase
        $arch3 = { 50 4B 03 04 }
        $up1 = "multipart/form-data" ascii wide
        $up2 = "api.telegram.org/bot" ascii wide
        $up3 = "discord.com/api/webhooks" ascii wide

    condition:
        filesize < 30MB and
        3 of ($br*) and
        2 of ($w*) and
        (1 of ($arch*) or 1 of ($up*))
}
