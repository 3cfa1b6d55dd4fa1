rule NpmLifecycle_SecretSweep_Upload
{
    meta:
        author      = "detection-eng"
        date        = "2025-09-18"
        description = "JavaScript run from a package lifecycle hook that enumerates env vars or runs a secret-scanning binary and uploads the result (worm-style supply-chain payloads). Triage: identify the package version from the lockfile, rotate npm/GitHub/cloud tokens on every machine that installed it."
        reference   = "https://attack.mitre.org/techniques/T1195/001/"
        notes       = "scan bundle.js / index.js files found under node_modules with a postinstall hook"

    strings:
        $env1 = "process.env" ascii
        $env2 = "JSON.stringify(process.env" ascii

        $scan1 = "trufflehog" ascii nocase
        $scan2 = "filesystem --json" ascii
        $scan3 = ".npmrc" ascii
        $scan4 = "/.aws/credentials" ascii

        $gh1 = "api.github.com/user/repos" ascii
        $gh2 = ".github/workflows/" ascii
        $gh3 = "\"public\":true" ascii
        $gh4 = "\"private\":false" ascii

        $net1 = "https.request" ascii
        $net2 = "fetch(" ascii

        $b64 = "Buffer.from(" ascii

    condition:
        filesize < 10MB and
        1 of ($env*) and 2 of ($scan*) and
        (2 of ($gh*) or (1 of ($net*) and $b64))
}
