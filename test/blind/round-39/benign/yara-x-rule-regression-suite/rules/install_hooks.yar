rule npm_install_hook_credential_post
{
    meta:
        author = "detections team"
        description = "Node install-time script that reads npm/cloud credentials and sends them over HTTP"
        reference = "Pattern seen in multiple 2024-2025 npm incidents"
        date = "2025-09-10"
    strings:
        $cred1 = ".npmrc" ascii
        $cred2 = "NPM_TOKEN" ascii
        $cred3 = ".aws/credentials" ascii
        $cred4 = "GITHUB_TOKEN" ascii
        $env   = "process.env" ascii
        $net1  = "https.request" ascii
        $net2  = "fetch(" ascii
        $net3  = "method: 'POST'" ascii
        $net4  = "method:\"POST\"" ascii
        $os    = "os.homedir()" ascii
    condition:
        filesize < 200KB and
        2 of ($cred*) and 1 of ($net*) and ($env or $os)
}
