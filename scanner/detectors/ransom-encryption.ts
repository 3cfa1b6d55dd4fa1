/**
 * Ransomware's shape in one program: a key it makes itself, files encrypted with it, the key sent to a server,
 * and the originals deleted. Each step alone is ordinary (backups encrypt, clean-ups delete, clients post); a
 * program that sends away the only copy of the key to the files it deletes holds them for ransom.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/ransom-encryption/rule.yaml. */
export const version = 2;

/** A fresh key made by the program, bound to a name: `key = Fernet.generate_key()`, `const key = crypto.randomBytes(32)`, `KEY=$(openssl rand -hex 32)`. */
const KEY_MADE = /\b([A-Za-z_]\w*)\s*=\s*[^\n=]*?(?:\b(?:Fernet|AESGCM|ChaCha20Poly1305|AESCCM|AESSIV)\.generate_key\b|\bget_random_bytes\s*\(|\bsecrets\.token_(?:bytes|hex|urlsafe)\s*\(|\bos\.urandom\s*\(|\b(?:crypto\.)?randomBytes(?:Sync)?\s*\(|\bgenerateKey(?:Sync)?\s*\(|\bopenssl\s+rand\b|\bSecureRandom\.(?:hex|bytes|random_bytes)\b)/g;
/** Encryption with a symmetric key. */
const ENCRYPTS = /\b(?:Fernet\s*\(|AESGCM\s*\(|ChaCha20Poly1305\s*\(|AES\.new\s*\(|\.encrypt\b|createCipheriv\s*\(|subtle\.encrypt\s*\(|openssl\s+enc\b|gpg\s+(?:[^\n]*\s)?(?:-c|--symmetric)\b|Cipher\.getInstance\s*\(|OpenSSL::Cipher\b)/;
/** Deletion of files or folders. */
const DELETES = /\b(?:shutil\.rmtree|os\.remove|os\.unlink|send2trash|\.unlink\s*\(|(?:fs\.|fsp\.|promises\.)?(?:rmSync|unlinkSync|rmdirSync)\s*\(|fs\.(?:rm|unlink|rmdir)\s*\(|rimraf|FileUtils\.rm(?:_r|_rf|_f)?|File\.delete|Remove-Item)\b|(?:^|[\s;&|])rm\s+-[a-zA-Z]*r|\bshred\b|\bfind\b[^\n]*\s-delete\b/m;
/** A request to a server, in the languages the scanner parses and the ones it reads lexically. */
const SENDS = /\b(?:urlopen|urllib\.request\.Request|requests\.(?:post|put|patch)|httpx\.(?:post|put|patch)|fetch|axios\.(?:post|put|patch)|https?\.request|Net::HTTP(?:\.post|::Post)|HTTParty\.post|curl\s)/;
/** A request body or form built with a value (`json.dumps({... key ...})`, `JSON.stringify({key})`, `-d "key=$KEY"`). */
const BODY_WITH = (name: string) => new RegExp(`(?:json\\.dumps|JSON\\.stringify|to_json|urlencode|data\\s*=|json\\s*=|body\\s*[:=]|headers\\s*[:=]|-d\\s|--data|-F\\s|-H\\s|\\{[^}\\n]*["']?\\w*["']?\\s*(?:=>|:)\\s*)[^\\n]*\\b${name}\\b|\\b${name}\\b[^\\n]*\\}\\s*\\.to_json\\b`);
/** A server the file names itself (a URL at a host), not only one the user sets (`$VAULT_ADDR`): where the key goes is the author's. */
const NAMED_SERVER = /\bhttps?:\/\/(?!localhost\b|127\.|\[::1\])[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;

/** The ransom-encryption detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || file.language === 'markdown' || !ENCRYPTS.test(file.text) || !DELETES.test(file.text) || !SENDS.test(file.text) || !NAMED_SERVER.test(file.text)) continue;
    KEY_MADE.lastIndex = 0;
    for (const made of file.text.matchAll(KEY_MADE)) {
      const name = made[1]!;
      // The key (or what the function that makes it hands back) goes into what a request sends.
      if (!BODY_WITH(name).test(file.text)) continue;
      findings.push({ ruleId: 'ransom-encryption', file: file.path, line: file.text.slice(0, made.index).split('\n').length, evidence: made[0].trim().slice(0, 160) });
      break;
    }
  }
  return findings;
}
