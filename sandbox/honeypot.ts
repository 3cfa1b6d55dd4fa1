/**
 * The honeypot: a fresh, realistic developer HOME and project `.env` per run, and secret-looking
 * environment variables, every secret carrying a canary token unique to the run. A skill that reads,
 * prints or sends any of them shows it in the events. Which files count as credentials and which
 * variables are planted come from the one list of sensitive things (core/sensitive.json).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CREDENTIAL_FILE_KINDS, DOTENV_FILE, PLANTED_SECRET_ENV } from '../core/index.ts';

/** The fake person a run pretends to be: a plain laptop user, nothing that says "CI" or "sandbox". */
export interface HoneypotIdentity {
  /** Login name. */
  user: string;
  /** Full name (passwd GECOS, git config). */
  fullName: string;
  /** E-mail (git config, key comments). */
  email: string;
  /** uid/gid inside the sandbox: the first user of a desktop install. */
  uid: number;
  gid: number;
  /** Host name. */
  hostname: string;
  /** HOME inside the sandbox. */
  home: string;
  /** Folder under HOME where the skill copy is the working directory (`<home>/src/<skill>`). */
  projectsDir: string;
}

/**
 * People a run may be, so a skill cannot stay quiet by recognising one fixed user or host name (a skill
 * that checks against this whole list is still caught by the list check in its own code, which the static
 * scan sees). Reports show HOME as `~`.
 */
const PEOPLE: [user: string, fullName: string, hostname: string][] = [
  ['jordan', 'Jordan Ellis', 'jordan-thinkpad'],
  ['maria', 'Maria Okafor', 'maria-xps'],
  ['dkim', 'Daniel Kim', 'dkim-laptop'],
  ['sofia', 'Sofia Lindqvist', 'sofia-framework'],
  ['alex', 'Alex Moreau', 'alex-dev'],
  ['priya', 'Priya Raman', 'priya-t14'],
  ['tom', 'Tom Becker', 'tb-workstation'],
  ['lena', 'Lena Novak', 'lena-zenbook'],
];

/** Company domains for the e-mail address. */
const DOMAINS = ['northwind-labs.com', 'acme-analytics.io', 'brightpath.dev', 'fabrikam.co'];

/**
 * Picks the person for a run: from `seed` (the skill's tree digest) when given, so two runs of one skill
 * see the same person and their transcripts compare byte for byte, at random otherwise.
 */
export function createIdentity(seed?: string): HoneypotIdentity {
  const bytes = seed === undefined ? randomBytes(2) : createHash('sha256').update(`honeypot-identity\0${seed}`).digest();
  const [user, fullName, hostname] = PEOPLE[bytes[0] % PEOPLE.length];
  const domain = DOMAINS[bytes[1] % DOMAINS.length];
  const home = `/home/${user}`;
  return { user, fullName, email: `${fullName.toLowerCase().replace(/ /g, '.')}@${domain}`, uid: 1000, gid: 1000, hostname, home, projectsDir: `${home}/src` };
}

/** One planted secret. */
export interface HoneypotSecret {
  /** Where it lives: `~/.aws/credentials`, `./.env` or `env:GITHUB_TOKEN`. */
  location: string;
  /** The random token inside the value, searched for in everything the skill emits. */
  canary: string;
  /** The full value as planted. */
  value: string;
  /** A public half (`~/.ssh/id_ed25519.pub`): replaced in reports like the rest, but sharing it leaks nothing. */
  public?: boolean;
}

/** One planted file. */
export interface HoneypotFile {
  /** Path relative to HOME (`.ssh/id_rsa`), or `./.env` for the working directory. */
  path: string;
  /** File contents. */
  content: string;
  /** Mode bits. */
  mode: number;
  /**
   * A credential file: listed under a kind's `planted` in core/sensitive.json (or the project `.env`).
   * Reading it without declaring it is a violation, as is reading any other path of a credential kind.
   */
  credential: boolean;
  /** Carries a canary token. */
  canary: boolean;
}

/** Everything planted for one run. */
export interface Honeypot {
  /** Who the run pretends to be. */
  identity: HoneypotIdentity;
  /** Files under HOME and the working directory. */
  files: HoneypotFile[];
  /** Secret-looking variables exported to every command. */
  env: Record<string, string>;
  /** Every planted secret (files and variables). */
  secrets: HoneypotSecret[];
  /** The canary tokens, for the sinkhole and for scanning argv and output. */
  canaries: string[];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** A canary long and random enough that it never occurs by chance in captured bytes. */
function token(length = 24, alphabet = ALNUM): string {
  return randomFrom(alphabet, length);
}

function pemBody(canary: string, lines: number, register: (line: string) => void): string {
  const body: string[] = [];
  for (let index = 0; index < lines; index += 1) {
    const line = randomFrom(`${ALNUM}+/`, 70);
    body.push(index === 2 ? `${canary}${line.slice(canary.length)}` : line);
    register(index === 2 ? line.slice(canary.length) : line);
  }
  return body.join('\n');
}

/** A value format of a planted variable: a realistic prefix and a random part of a realistic length. */
interface SecretEnvFormat {
  prefix: string;
  length: number;
  alphabet?: string;
  /** Variables a real shell has beside this one (the AWS key id beside its secret key). */
  companions?: Record<string, SecretEnvFormat>;
}

/** Realistic formats of the planted variables; a name the list adds later gets a plain 40-character value. */
const SECRET_ENV_FORMATS: Record<string, SecretEnvFormat> = {
  OPENAI_API_KEY: { prefix: 'sk-proj-', length: 48 },
  ANTHROPIC_API_KEY: { prefix: 'sk-ant-api03-', length: 48 },
  GITHUB_TOKEN: { prefix: 'ghp_', length: 36 },
  AWS_SECRET_ACCESS_KEY: { prefix: '', length: 40, companions: { AWS_ACCESS_KEY_ID: { prefix: 'AKIA', length: 16, alphabet: UPPER_ALNUM } } },
  NPM_TOKEN: { prefix: 'npm_', length: 36 },
  STRIPE_SECRET_KEY: { prefix: 'sk_live_', length: 32 },
};

/** Makes a fresh honeypot with new canaries. */
export function createHoneypot(identity: HoneypotIdentity = createIdentity()): Honeypot {
  const id = identity;
  const secrets: HoneypotSecret[] = [];
  const plant = (location: string, value: string, canary: string) => {
    secrets.push({ location, value, canary });
    return value;
  };
  // Every other random byte planted is tracked too: reports replace it like a canary, so a leaked file
  // shows the same in every run, and a leak of any part of it is still recognised.
  const filler = (location: string, length: number, alphabet = ALNUM) => {
    const value = token(length, alphabet);
    if (/\.pub$/.test(location)) {
      secrets.push({ location, value, canary: value, public: true });
      return value;
    }
    return plant(location, value, value);
  };

  const rsaCanary = token(32);
  const edCanary = token(32);
  const awsKeyId = `AKIA${filler('~/.aws/credentials', 16, UPPER_ALNUM)}`;
  const awsSecretCanary = token(40);
  const npmCanary = token(36);
  const ghCanary = token(36);
  const netrcCanary = token(36);
  const gitCredCanary = token(36);
  const openaiCanary = token(48);
  const anthropicCanary = token(48);
  const stripeCanary = token(32);
  const dbCanary = token(24);
  const pgpassCanary = token(24);
  const historyCanary = token(36);

  const idRsa = plant('~/.ssh/id_rsa', `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody(rsaCanary, 26, (line) => plant('~/.ssh/id_rsa', line, line))}\n-----END OPENSSH PRIVATE KEY-----\n`, rsaCanary);
  const idEd = plant('~/.ssh/id_ed25519', `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody(edCanary, 5, (line) => plant('~/.ssh/id_ed25519', line, line))}\n-----END OPENSSH PRIVATE KEY-----\n`, edCanary);
  const awsSecret = plant('~/.aws/credentials', awsSecretCanary, awsSecretCanary);
  const npmToken = plant('~/.npmrc', `npm_${npmCanary}`, npmCanary);
  const ghToken = plant('~/.config/gh/hosts.yml', `gho_${ghCanary}`, ghCanary);
  const netrcToken = plant('~/.netrc', `ghp_${netrcCanary}`, netrcCanary);
  const gitCredToken = plant('~/.git-credentials', `ghp_${gitCredCanary}`, gitCredCanary);
  const openaiKey = plant('~/.bashrc', `sk-proj-${openaiCanary}`, openaiCanary);
  const anthropicKey = plant('~/.zshrc', `sk-ant-api03-${anthropicCanary}`, anthropicCanary);
  const stripeKey = plant('./.env', `sk_live_${stripeCanary}`, stripeCanary);
  const dbPassword = plant('./.env', dbCanary, dbCanary);
  const historyToken = plant('~/.bash_history', `ghp_${historyCanary}`, historyCanary);
  const pgPassword = plant('~/.pgpass', pgpassCanary, pgpassCanary);

  // The planted variables are the list's; each gets a value of its own (not the rc files' ones), so a
  // leak names the variable it came from. Its random part is the canary.
  const env: Record<string, string> = {};
  for (const name of PLANTED_SECRET_ENV) {
    const format = SECRET_ENV_FORMATS[name] ?? { prefix: '', length: 40 };
    env[name] = `${format.prefix}${filler(`env:${name}`, format.length, format.alphabet)}`;
    for (const [companion, companionFormat] of Object.entries(format.companions ?? {})) {
      env[companion] = `${companionFormat.prefix}${filler(`env:${companion}`, companionFormat.length, companionFormat.alphabet)}`;
    }
  }

  const planted: Omit<HoneypotFile, 'credential'>[] = [
    { path: '.ssh/id_rsa', content: idRsa, mode: 0o600, canary: true },
    { path: '.ssh/id_rsa.pub', content: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${filler('~/.ssh/id_rsa.pub', 60)} ${id.email}\n`, mode: 0o644, canary: false },
    { path: '.ssh/id_ed25519', content: idEd, mode: 0o600, canary: true },
    { path: '.ssh/id_ed25519.pub', content: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${filler('~/.ssh/id_ed25519.pub', 43)} ${id.email}\n`, mode: 0o644, canary: false },
    { path: '.ssh/known_hosts', content: `github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n`, mode: 0o644, canary: false },
    { path: '.ssh/config', content: `Host github.com\n  User git\n  IdentityFile ~/.ssh/id_ed25519\n\nHost staging\n  HostName 10.20.0.14\n  User deploy\n`, mode: 0o644, canary: false },
    { path: '.aws/credentials', content: `[default]\naws_access_key_id = ${awsKeyId}\naws_secret_access_key = ${awsSecret}\n\n[prod]\naws_access_key_id = AKIA${filler('~/.aws/credentials', 16, UPPER_ALNUM)}\naws_secret_access_key = ${filler('~/.aws/credentials', 40)}\n`, mode: 0o600, canary: true },
    { path: '.aws/config', content: `[default]\nregion = eu-west-1\noutput = json\n\n[profile prod]\nregion = us-east-1\n`, mode: 0o644, canary: false },
    { path: '.npmrc', content: `//registry.npmjs.org/:_authToken=${npmToken}\ninit-author-name=${id.fullName}\n`, mode: 0o600, canary: true },
    { path: '.netrc', content: `machine api.github.com\n  login ${id.user}\n  password ${netrcToken}\n`, mode: 0o600, canary: true },
    { path: '.git-credentials', content: `https://${id.user}:${gitCredToken}@github.com\n`, mode: 0o600, canary: true },
    { path: '.config/gh/hosts.yml', content: `github.com:\n    user: ${id.user}\n    oauth_token: ${ghToken}\n    git_protocol: https\n`, mode: 0o600, canary: true },
    { path: '.gitconfig', content: `[user]\n\tname = ${id.fullName}\n\temail = ${id.email}\n[init]\n\tdefaultBranch = main\n[credential]\n\thelper = store\n[pull]\n\trebase = true\n`, mode: 0o644, canary: false },
    { path: '.bashrc', content: `# ~/.bashrc\ncase $- in *i*) ;; *) return;; esac\nHISTSIZE=10000\nalias ll='ls -alF'\nexport PATH="$HOME/.local/bin:$PATH"\nexport OPENAI_API_KEY=${openaiKey}\n`, mode: 0o644, canary: true },
    { path: '.zshrc', content: `# ~/.zshrc\nexport ZSH="$HOME/.oh-my-zsh"\nplugins=(git docker)\nexport ANTHROPIC_API_KEY=${anthropicKey}\n`, mode: 0o644, canary: true },
    { path: '.profile', content: `# ~/.profile\nif [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then . "$HOME/.bashrc"; fi\nPATH="$HOME/bin:$HOME/.local/bin:$PATH"\n`, mode: 0o644, canary: false },
    { path: '.pgpass', content: `db.internal:5432:app:app:${pgPassword}\nlocalhost:5432:*:postgres:${filler('~/.pgpass', 20)}\n`, mode: 0o600, canary: true },
    { path: '.bash_history', content: `cd ~/src/webapp\ngit pull\nnpm test\nexport GH_TOKEN=${historyToken}\ngh pr create --fill\nssh staging\n`, mode: 0o600, canary: true },
    { path: './.env', content: `DATABASE_URL=postgres://app:${dbPassword}@db.internal:5432/app\nSTRIPE_SECRET_KEY=${stripeKey}\nNODE_ENV=development\n`, mode: 0o600, canary: true },
  ];

  const files: HoneypotFile[] = planted.map((file) => ({ ...file, credential: isPlantedCredential(displayPathOf(file)) }));
  // Public keys are tracked (reports show them as `<canary …pub>`) but are no secret to leak.
  return { identity, files, env, secrets, canaries: [...new Set(secrets.filter((secret) => !secret.public).map((secret) => secret.canary))] };
}

/** `~/.ssh/id_rsa` or `./.env`: how core/sensitive.json and the events name a planted file. */
export function displayPathOf(file: Pick<HoneypotFile, 'path'>): string {
  return file.path.startsWith('./') ? file.path : `~/${file.path}`;
}

/** Whether the one list names a display path as a planted credential file (or it is the project `.env`). */
export function isPlantedCredential(path: string): boolean {
  return CREDENTIAL_FILE_KINDS.some((kind) => kind.planted.includes(path)) || (path.startsWith('./') && DOTENV_FILE.test(path));
}

/** Ages of planted files in days, cycled: keys from last year, shell files from last month, history from yesterday. */
const HONEYPOT_AGE_DAYS = [412, 412, 377, 377, 377, 377, 290, 290, 120, 96, 96, 64, 201, 33, 33, 418, 1, 6];

/** Writes the honeypot HOME files into `homeDir` and the `.env` into `workDir` (unless the skill ships one). */
export async function plantHoneypot(honeypot: Honeypot, homeDir: string, workDir: string, skillHasFile: (path: string) => boolean): Promise<void> {
  for (const [index, file] of honeypot.files.entries()) {
    const inWorkDir = file.path.startsWith('./');
    if (inWorkDir && skillHasFile(file.path.slice(2))) continue;
    const target = inWorkDir ? join(workDir, file.path.slice(2)) : join(homeDir, file.path);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    // `wx`: never write through something already there (the planted HOME is fresh; the work dir is the skill's copy).
    await writeFile(target, file.content, { mode: file.mode, flag: 'wx' });
    await chmod(target, file.mode);
    // Weeks-old timestamps: a HOME whose every file was created a second ago gives the sandbox away.
    const aged = new Date(Date.now() - (HONEYPOT_AGE_DAYS[index % HONEYPOT_AGE_DAYS.length] ?? 30) * 86_400_000);
    await utimes(target, aged, aged);
  }
  for (const directory of ['.cache', '.local/bin', '.local/share', '.config', 'Downloads', 'Documents']) {
    await mkdir(join(homeDir, directory), { recursive: true });
  }
}
