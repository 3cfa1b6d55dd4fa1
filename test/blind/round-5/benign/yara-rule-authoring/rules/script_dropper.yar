rule Script_Dropper_Curl_Pipe_Shell_With_Quarantine_Removal
{
    meta:
        author = "detection-team"
        description = "Shell script that downloads and pipes to an interpreter, and strips macOS quarantine"
    strings:
        $curl = /curl\s+-[a-zA-Z]*[sS][a-zA-Z]*\s+https?:\/\/[^\s|]{4,200}\s*\|\s*(ba|z)?sh/
        $b64 = /echo\s+[A-Za-z0-9+\/=]{60,}\s*\|\s*base64\s+(-d|--decode)\s*\|\s*(ba|z)?sh/
        $xattr = "xattr -d com.apple.quarantine" ascii
        $xattr2 = "xattr -c" ascii
        $chmod = "chmod +x" ascii
    condition:
        filesize < 200KB and ($curl or $b64) and 1 of ($xattr*) and $chmod
}

rule Script_Base64_To_Interpreter
{
    meta:
        author = "detection-team"
        description = "Inline base64 decoded straight into bash/python/node"
    strings:
        $a = /base64\s+(-d|-D|--decode)\s*\|\s*(bash|sh|zsh|python3?|node)\b/
        $b = /atob\([^)]{40,}\)\)?\s*;?\s*eval/
        $c = "exec(__import__('base64').b64decode(" ascii
    condition:
        filesize < 500KB and any of them
}
