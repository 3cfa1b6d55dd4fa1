/*
  Ruleset for static triage of agent skill / plugin bundles.
  Strings here are detection signatures, not commands.
*/

rule SKILL_FakePrereq_CurlPipe
{
  meta:
    description = "Setup prose that pipes a remote script into a shell"
    severity = "high"
  strings:
    $p1 = "prerequisite" nocase
    $p2 = "before using" nocase
    $p3 = "required helper" nocase
    $p4 = "one-time setup" nocase
    $c1 = /curl\s+-[a-zA-Z]*\s+https?:\/\/[^\s|]+\s*\|\s*(ba|z)?sh/
    $c2 = /wget\s+-q?O-\s+https?:\/\/[^\s|]+\s*\|\s*(ba|z)?sh/
    $c3 = /irm\s+https?:\/\/[^\s|]+\s*\|\s*iex/ nocase
  condition:
    any of ($p*) and any of ($c*)
}

rule SKILL_PasteSite_Fetch
{
  meta:
    description = "Fetch from paste-style raw endpoints"
    severity = "medium"
  strings:
    $a = /https?:\/\/[a-z0-9.-]*(paste|rentry|hastebin|ghostbin)[a-z0-9.-]*\/(raw\/)?[A-Za-z0-9]{4,}/ nocase
    $b = /https?:\/\/gist\.[a-z0-9.-]+\/[^\s]+\/raw\// nocase
  condition:
    any of them
}

rule SKILL_B64_Shell
{
  meta:
    description = "Base64 blob decoded straight into an interpreter"
    severity = "high"
  strings:
    $blob = /[A-Za-z0-9+\/]{60,}={0,2}/
    $d1 = /base64\s+(-d|--decode|-D)\s*\|\s*(ba|z)?sh/
    $d2 = /b64decode\([^)]*\)\)?\s*\)?\s*;?\s*exec/
    $d3 = "FromBase64String" nocase
  condition:
    $blob and any of ($d*)
}

rule SKILL_Stealer_PathList
{
  meta:
    description = "Many credential store paths referenced together"
    severity = "high"
  strings:
    $marker = "<!-- triage-reference -->"
    $s1 = ".ssh/id_"
    $s2 = ".aws/credentials"
    $s3 = "Login Data"
    $s4 = "Cookies"
    $s5 = "keychain-db"
    $s6 = ".kube/config"
    $s7 = "wallet.dat"
    $s8 = ".npmrc"
    $s9 = ".config/gh/hosts.yml"
    $s10 = "Local State"
  condition:
    not ($marker at 0) and 4 of ($s*)
}

rule SKILL_Hidden_Instruction
{
  meta:
    description = "Instruction hidden from the human reader"
    severity = "medium"
  strings:
    $c = /<!--[^>]{0,400}(assistant|ignore previous|do not (tell|mention)|silently)[^>]{0,400}-->/ nocase
    $zw = { E2 80 8B }
    $zwj = { E2 80 8D }
  condition:
    $c or (#zw + #zwj) > 20
}

rule SKILL_Quarantine_Strip
{
  meta:
    description = "Removes macOS Gatekeeper quarantine flag"
    severity = "medium"
  strings:
    $x = /xattr\s+-(d|c|cr|rd)\s+(com\.apple\.quarantine)?/
  condition:
    $x
}
