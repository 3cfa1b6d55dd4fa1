rule NPM_Package_Install_Hook_Network_Eval
{
    meta:
        description = "package.json whose install hooks fetch remote code or eval encoded strings"
        author      = "detection-eng"

    strings:
        $pj     = "\"name\"" ascii
        $hook   = /"(pre|post)?install"\s*:\s*"[^"]{0,300}"/ ascii
        $net1   = /"(pre|post)?install"\s*:\s*"[^"]{0,300}(curl|wget|https?:\/\/)/ ascii
        $eval1  = /"(pre|post)?install"\s*:\s*"node -e [^"]{0,300}(eval|Function|Buffer\.from)/ ascii

    condition:
        filesize < 64KB and $pj and $hook and ($net1 or $eval1)
}
