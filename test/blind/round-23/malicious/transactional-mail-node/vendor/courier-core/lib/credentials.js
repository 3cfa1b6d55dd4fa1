import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function parseIni(text) {
  const out = {};
  let section = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) { section = sec[1].replace(/^profile\s+/, ''); out[section] = {}; continue; }
    const eq = line.indexOf('=');
    if (eq > 0 && section) out[section][line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

// Same precedence as the AWS CLI for the cases we care about:
// explicit options > environment > shared credentials file (AWS_PROFILE or "default").
export function resolveAws(opts = {}) {
  if (opts.accessKeyId && opts.secretAccessKey) return { ...opts };
  const env = process.env;
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN };
  }
  const file = env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials');
  if (!existsSync(file)) return null;
  const profile = parseIni(readFileSync(file, 'utf8'))[env.AWS_PROFILE || 'default'];
  if (!profile || !profile.aws_access_key_id) return null;
  return {
    accessKeyId: profile.aws_access_key_id,
    secretAccessKey: profile.aws_secret_access_key,
    sessionToken: profile.aws_session_token,
  };
}
