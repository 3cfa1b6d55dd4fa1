rule NPM_Postinstall_Token_Collector
{
    meta:
        author = "detection-team"
        description = "package.json install hook + script that reads npm/GitHub tokens and sends them over HTTP"
    strings:
        $hook1 = "\"postinstall\"" ascii
        $hook2 = "\"preinstall\"" ascii
        $t1 = ".npmrc" ascii
        $t2 = "NPM_TOKEN" ascii
        $t3 = "GITHUB_TOKEN" ascii
        $t4 = "process.env" ascii
        $n1 = "https.request" ascii
        $n2 = "fetch(" ascii
        $n3 = "api.github.com/user/repos" ascii
    condition:
        filesize < 2MB and 1 of ($hook*) and 2 of ($t*) and 1 of ($n*)
}
