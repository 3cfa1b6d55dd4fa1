/*
   Wallet-stealer detection starter set.
   All hosts referenced in comments are placeholders.
*/

rule WalletStealer_BrowserExtension_Targets
{
    meta:
        author = "detection-eng"
        date = "2024-06-01"
        description = "Binary embeds a list of browser wallet extension IDs together with browser profile paths"
        confidence = "medium"
        scope = "file"
        tlp = "clear"
    strings:
        $ext_metamask   = "nkbihfbeogaeaoehlefnkodbefgpgknn" ascii wide
        $ext_phantom    = "bfnaelmomeimhlpmgjnjophhpkkoljpa" ascii wide
        $ext_coinbase   = "hnfanknocfeofbddgcijnmhnfnkdnaad" ascii wide
        $ext_trust      = "egjidjbpglichdcondbcbdnbeeppgdph" ascii wide
        $ext_ronin      = "fnjhmkhhmkbjkkabndcnnogagogbneec" ascii wide
        $ext_keplr      = "dmkamcknogkgcdfhhbddcghachkejeap" ascii wide
        $path_les       = "Local Extension Settings" ascii wide
        $path_chrome    = "Google/Chrome" ascii wide nocase
        $path_chrome_w  = "Google\\Chrome\\User Data" ascii wide nocase
    condition:
        filesize < 30MB and
        4 of ($ext_*) and $path_les and any of ($path_chrome*)
}

rule WalletStealer_DesktopWallet_Paths
{
    meta:
        author = "detection-eng"
        date = "2024-06-01"
        description = "Enumerates several desktop wallet data directories"
        confidence = "medium"
    strings:
        $w1 = "Exodus/exodus.wallet" ascii wide nocase
        $w2 = "Electrum/wallets" ascii wide nocase
        $w3 = "atomic/Local Storage/leveldb" ascii wide nocase
        $w4 = "Ledger Live" ascii wide
        $w5 = "Guarda/Local Storage" ascii wide nocase
        $w6 = "com.liberty.jaxx" ascii wide nocase
        $w7 = "Bitcoin/wallets" ascii wide nocase
    condition:
        filesize < 30MB and 4 of them
}

rule WalletStealer_SeedPhrase_Hunter
{
    meta:
        author = "detection-eng"
        date = "2024-06-01"
        description = "Embedded BIP-39 wordlist fragment plus file-search keywords typical of seed-phrase grabbers"
        confidence = "low"
        note = "Legit wallets embed the wordlist too; the keyword cluster is what matters"
    strings:
        $bip_a = "abandon\nability\nable\nabout\nabove" ascii
        $bip_b = "\"abandon\",\"ability\",\"able\",\"about\"" ascii
        $kw1 = "seed phrase" ascii wide nocase
        $kw2 = "mnemonic" ascii wide nocase
        $kw3 = "recovery phrase" ascii wide nocase
        $kw4 = "*.txt" ascii wide
        $kw5 = "Desktop" ascii wide
        $kw6 = "wallet.dat" ascii wide nocase
    condition:
        filesize < 20MB and any of ($bip_*) and 4 of ($kw*)
}

rule Clipper_Address_Regex_Set
{
    meta:
        author = "detection-eng"
        date = "2024-06-01"
        description = "Clipboard hijacker: several wallet address regexes plus clipboard API use"
        confidence = "high"
    strings:
        $re_btc = "^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,39}$" ascii wide
        $re_eth = "^0x[a-fA-F0-9]{40}$" ascii wide
        $re_trx = "^T[1-9A-HJ-NP-Za-km-z]{33}$" ascii wide
        $re_xmr = "^4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}$" ascii wide
        $api_w1 = "SetClipboardData" ascii
        $api_w2 = "AddClipboardFormatListener" ascii
        $api_m  = "NSPasteboard" ascii
        $api_py = "pyperclip" ascii
    condition:
        filesize < 15MB and 3 of ($re_*) and any of ($api_*)
}

rule Stealer_Upload_Channel_Strings
{
    meta:
        author = "detection-eng"
        date = "2024-06-01"
        description = "Bot-API / webhook upload strings next to archive staging; combine with a target rule"
        confidence = "low"
    strings:
        $tg = "/sendDocument?chat_id=" ascii wide
        $dc = "/api/webhooks/" ascii wide
        $zip1 = "ZipArchive" ascii wide
        $zip2 = "ditto -c -k" ascii wide
        $zip3 = ".zip" ascii wide
    condition:
        filesize < 30MB and any of ($tg, $dc) and any of ($zip*)
}
