/**
 * A login key the skill brings: an SSH public key or certificate authority written in one of its own
 * files (split across fields or not: `type: ssh-ed25519` and `key: AAAAC3Nza…` in YAML), in a skill whose
 * code or instructions write to a login trust file. The key and the write may sit in different files
 * (data, a rule table, a fixer), so they are read skill-wide. Host keys pinned in `known_hosts` are not
 * login keys.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/shipped-login-key/rule.yaml. */
export const version = 1;

/** The base64 of an SSH public key: its first bytes spell the key type (`ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-…`, security keys). */
const KEY_BLOB = /(?<![A-Za-z0-9+/])AAAA(?:C3NzaC1lZDI1NTE5|B3NzaC1yc2E|E2VjZHNhLXNoYTIt|GnNrLXNzaC1lZDI1NTE5|InNrLWVjZHNhLXNoYTIt)[A-Za-z0-9+/]{30,}={0,3}(?![A-Za-z0-9+/])/g;
/** A line of `known_hosts` (a host pattern, then the key) or one that names it: a pinned host key, not a login key. */
const HOST_KEY_LINE = /known_hosts|^\s*[\w.*?,[\]:-]+\s+(?:ssh-|ecdsa-|sk-)[\w@.-]+\s+AAAA|@cert-authority\s+[\w.*?,[\]:-]+\s/;
/** A write to a login trust file, or a trust line: `>> ~/.ssh/authorized_keys`, `File.join(dir, "authorized_keys")`, `TrustedUserCAKeys`, `cert-authority`. */
const TRUST_FILE = /authorized_keys|TrustedUserCAKeys|AuthorizedPrincipalsFile|AuthorizedKeysFile|(?<!@)\bcert-authority\b/;

/** Documents: read by people, not used by the skill's code. */
const DOCUMENT = /\.(?:rst|adoc|html?)$|(?:^|\/)(?:README|CHANGELOG|LICENSE)[^/]*$/i;
/** Test fixtures and samples: inputs for the skill's own checks. */
const FIXTURE = /(?:^|\/)(?:tests?|fixtures?|testdata|__tests__|spec|samples?|examples?)\/|\.(?:sample|example)(?:\.\w+)?$/i;
/** A data record that names the host a key belongs to (`host: github.com`, `"hostname": …`, `known_hosts`). */
const HOST_RECORD = /\b(?:host(?:name)?s?|server|known_hosts|fingerprint)["']?\s*[:=]/i;

/** The shipped-login-key detector. */
export function detect(context: ScanContext): RawFinding[] {
  // Documentation shows keys as examples, and test fixtures hold them as inputs: the key, and the trust file
  // it is written to, must be in files the skill uses (code, data, configuration).
  const used = context.files.filter((file) => file.fileClass === 'text' && file.language !== 'markdown' && !DOCUMENT.test(file.path) && !FIXTURE.test(file.path));
  if (!used.some((file) => TRUST_FILE.test(file.text))) return [];
  for (const file of used) {
    const lines = file.text.split('\n');
    for (const [index, line] of lines.entries()) {
      KEY_BLOB.lastIndex = 0;
      const key = KEY_BLOB.exec(line);
      // A key in a record that names a host (`host: github.com` beside `key: AAAA…`) is that host's key.
      const record = lines.slice(Math.max(0, index - 3), index + 4).join('\n');
      if (!key || HOST_KEY_LINE.test(line) || HOST_RECORD.test(record)) continue;
      return [{ ruleId: 'shipped-login-key', file: file.path, line: index + 1, evidence: line.trim().replace(key[0], `${key[0].slice(0, 24)}…`).slice(0, 120) }];
    }
  }
  return [];
}
