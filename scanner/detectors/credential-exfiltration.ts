/**
 * Source → sink reasoning: a sensitive source (credential file, browser or wallet store, the whole
 * environment, or a secret read sent to an exfiltration endpoint) and a sink (network send, DNS lookup)
 * in the same script, the same shell command, or in scripts linked to each other (one runs, imports or
 * hands a file to the other). Either alone is only a capability; together they are a threat.
 */
import type { CodeFacts, RawFinding, SourceFile } from '../model.ts';
import { AGENT_CONFIG_FILE, CREDENTIAL_FILE_KINDS, OWNED_CREDENTIAL_FILES, SELF_HOSTED_SERVICES, SYNCED_FOLDER, readsOwnCredential, secretBelongsTo, secretOwnerWord } from '../../core/index.ts';
import { isPackageRegistry, keyedAddresses, vendorKey } from '../intent/model.ts';
import { reversedByHelper } from '../decode.ts';
import { DNS_SINK, DOTENV_FILE, IDENTITY_PROVIDER_HOST, REFRESH_GRANT, isLocalHost, ENVIRONMENT_SWEEP, GIT_PUSH_TO_URL, NETWORK_SINK_CALL, NETWORK_SINK_COMMAND, SECRET_NAME_FRAGMENT, SENSITIVE_FILE, WHOLE_ENVIRONMENT, escapeRegExp, isExfiltrationEndpoint, urlHosts } from '../knowledge.ts';
import { CREDENTIAL_GETTER, CREDENTIAL_MINT, SECRET_ENV_NAME, SECRET_ENV_READ, withoutAuth } from '../code.ts';
import { functionSpans } from '../lexical.ts';
import { hostAllowed } from '../capabilities.ts';
import type { Capabilities } from '../../schemas/index.ts';
import type { ScanContext } from './types.ts';

interface Place {
  file: string;
  line: number;
  evidence: string;
  /** For a sink: a folder a sync client uploads rather than a socket. */
  synced?: boolean;
  /** For a sink: a file the site the skill deploys serves to anyone (`_headers`, `dist/…`), not a socket. */
  published?: boolean;
  /** For a sink: a plain download (`curl -fsSL -o f https://…/install.sh`), which carries nothing of this machine's out. */
  fetchOnly?: boolean;
  /** For a sink: the agent's own configuration, whose tool server gets the headers written with it on every connection. */
  agentServer?: string;
  /** For a sink: a lookup in a public package index (`urlopen(Request(f"https://registry.npmjs.org/{name}"))`) that carries no data. */
  registryRead?: boolean;
}

/** A call's keyword argument that carries headers or an auth pair (`headers={…}`, `auth=(user, key)`): a key there is used, not sent as data. */
const HEADER_ARGUMENT = /\b(?:headers|auth)\s*=\s*(?:\{[^}]*\}|\([^()]*\)|[^,)]+)/g;

/** PHP's file functions opening an address (`file_get_contents('https://…?d=' . $x)`): a request like any other. */
const URL_OPENING_CALL = /^(?:file_get_contents|fopen|readfile|file|get_headers|simplexml_load_file)\s*\(\s*["']https?:\/\//;
/** The same call handed a stream context (`file_get_contents($url, false, $ctx)` after `stream_context_create(['http' => …])`): a request. */
const CONTEXT_OPENING_CALL = /^(?:file_get_contents|fopen|file)\s*\([^()]*(?:\([^()]*\)[^()]*)*,\s*(?:false|true|0|1|FILE_\w+)\s*,\s*\$\w+/;

/** A copy or write on the same line as the test (`if "Dropbox" in d: shutil.copy(src, d)`): the line does more than compare. */
const COPIES_ON_LINE = /\b(?:shutil\.\w+|copy\w*|cp|mv|rsync|ditto|tar|zip|write\w*|open)\s*\(|(?:^|[\s;&|])(?:cp|mv|rsync|ditto|tar|zip|tee)\s|>>?\s*["'$~/\w]/;
/** A line that only tests a value against a name: a shell `case` arm of globs, a comparison, a membership or substring test. */
const COMPARED_ONLY = /^\s*\(?\s*[^()\s=]*\*[^()=]*\)(?:\s|$)|(?:==|!=|=~)\s*["'*]|\s(?:not\s+)?in\s+\w+(?:\.\w+)*\s*(?:\)|:|\s(?:and|or)\b)|\.(?:includes|startsWith|endsWith|contains|match|test|search|indexOf)\s*\(\s*["'/]/;

/** A mail client a program drives: Outlook's COM object model, .NET's SMTP client and message. */
const MAIL_CLIENT = /\bOutlook\.Application\b|\.CreateItem\s*\(\s*(?:0|olMailItem)\s*\)|\bNet\.Mail\.(?:SmtpClient|MailMessage)\b|\bnew\s+(?:SmtpClient|MailMessage)\s*\(|\bnodemailer\b/i;
/** Google Apps Script's mail services, which send as the user from the user's account (`MailApp.sendEmail({to, body, attachments})`). */
const APPS_SCRIPT_MAIL = /^(?:MailApp|GmailApp)\.sendEmail$/;
/**
 * Apps Script's live tokens for the user's account (`ScriptApp.getOAuthToken()`, with every scope the project asked for):
 * used in a request's Authorization header they call Google for the user; anywhere else they are handed on.
 */
const APPS_SCRIPT_TOKEN = /^ScriptApp\.(?:getOAuthToken|getIdentityToken)$/;
/** A token written where a request authenticates (an Authorization header, a Bearer value, an `oauth_token` parameter of Google's own APIs). */
const USED_TO_AUTHENTICATE = /\bAuthorization\b|\bBearer\b|\bheaders\s*[:=]|\b(?:access|oauth)_token=/i;
/** Google's own hosts, where an Apps Script token authenticates the user's requests. */
const GOOGLE_HOST = /(?:^|\.)(?:googleapis\.com|google\.com)$/;

/**
 * Whether the Apps Script token taken on `line` (`ScriptApp.getOAuthToken()`, or the name it is bound to) is only put where a
 * request authenticates, or handed back to the user's own dialog (`return ScriptApp.getOAuthToken()` for a picker), in a program
 * whose every named host is Google's: Google's documented use. Comments say nothing either way.
 */
function googleTokenUsedWithGoogle(unit: CodeFacts, source: string, line: number): boolean {
  const lines = source.split('\n').map((text) => text.replace(/\/\/.*$/, ''));
  const hosts = unit.strings.flatMap((string) => urlHosts(string.text).map((entry) => entry.host.replace(/:\d+$/, '').toLowerCase()));
  if (!hosts.every((host) => GOOGLE_HOST.test(host))) return false;
  const at = lines[line - 1 - unit.lineOffset] ?? '';
  const bound = /\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*ScriptApp\.get\w+Token\s*\(\s*\)\s*;?\s*$/.exec(at)?.[1];
  if (bound === undefined) return /^\s*return\s+ScriptApp\.get\w+Token\s*\(\s*\)/.test(at) || USED_TO_AUTHENTICATE.test(at);
  const name = escapeRegExp(bound);
  const uses = lines.filter((text, index) => index !== line - 1 - unit.lineOffset && new RegExp(`(?<![\\w$.])${name}\\b`).test(text));
  return uses.every((text) => USED_TO_AUTHENTICATE.test(text) || new RegExp(`^\\s*return\\s+${name}\\s*;?\\s*$`).test(text));
}
/** The call that sends such a client's item or message (`$mail.Send()`, `smtp.Send(msg)`, `transporter.sendMail(…)`); COM names are any case. */
const MAIL_ITEM_SEND = /(?:^|\.)(?:send|sendasync|sendmail|sendmailasync)$/i;

/** A shell variable named like a secret or like data packed to send (`$TOKEN`, `${STATE_B64}`). */
const DATA_VARIABLE = /\$\{?\w*(?:TOKEN|SECRET|KEY|PASS|CRED|AUTH|COOKIE|SESSION|DATA|PAYLOAD|B64|ENC|BLOB|DUMP|HEX|STATE)/i;

/**
 * A curl or wget command that only fetches: no body, form, upload or method that sends, no header and no
 * data in its URL. It can carry data only in a URL built from what the script read, which it does not.
 */
function fetchOnly(text: string): boolean {
  // A call that only gets one fixed address (`requests.get("https://hub.example/index.json", timeout=10)`, `fetch('https://…/v1.json')`):
  // no body, headers, parameters or anything built into its address, so it carries nothing out.
  const get = /^\s*(?:requests\.get|httpx\.get|urlopen|urllib\.request\.urlopen|fetch)\s*\(\s*(["'])(https?:\/\/[^"'\s{}$%+]+)\1\s*(?:,\s*(?:timeout\s*=\s*[\d.]+|stream\s*=\s*(?:True|False)|verify\s*=\s*True|\{\s*(?:cache\s*:\s*["'][\w-]+["']\s*)?\})\s*)*\)/.exec(text);
  if (get !== null) return true;
  if (!/^\s*(?:curl|wget)\b/.test(text)) return false;
  if (/\s(?:-d|--data[\w-]*|-F|--form[\w-]*|-T|--upload-file|--post-(?:data|file)|--body-(?:data|file)|--json|--url-query|-G|--get|-H|--header|-b|--cookie|-u|--user|--method|-e|--referer|-A|--user-agent)\b|\s-X\s*(?:POST|PUT|PATCH)\b|\s--request\s+(?:POST|PUT|PATCH)\b/.test(text)) return false;
  if (/`|\$\(/.test(text)) return false;
  // The URL as the command line has it (its variables resolved where the script set them): a variable in its
  // query carries data; one in its path only when named like data or a secret (`…/releases/tag/${VERSION}` is a version).
  const urls = text.match(/\b(?:https?|ftp):\/\/[^\s"']+/g) ?? [];
  if (urls.length === 0) return false;
  return urls.every((url) => !/\?[^#]*\$/.test(url) && !/\$\{?\w*(?:CTX|CONTEXT|INFO|ENV)/i.test(url)) && !DATA_VARIABLE.test(text);
}

/** Commands that publish text or files on a code forge (a gist, an issue, a pull request, a release asset). */
const FORGE_SINK = /\bgh\s+(?:gist\s+(?:create|edit)|issue\s+(?:create|comment)|pr\s+(?:create|comment|edit)|release\s+(?:create|upload)|api\b[^\n]*\s-(?:f|F|-field|-raw-field|-input)\b)/;

/** How many lines of a text name a credential file (a public key is not one). */
function credentialLines(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) if (SENSITIVE_FILE.test(line) && !/\.pub\b/.test(line)) count += 1;
  return count;
}

/** What stands right before the value of a JSON `$schema` key (`"$schema":"`, `\\"$schema\\": \\"`). */
const SCHEMA_KEY_BEFORE = /["'\\]*\$schema["'\\]*\s*:\s*["'\\]*$/;

/** A URL that names a schema (`"$schema": "http://adaptivecards.io/schemas/adaptive-card.json"`): an identifier, not a place data goes. */
const SCHEMA_URL = /\/schemas?\/|schema\.json\b|\.(?:xsd|dtd)\b/i;

/** A mapping of XML namespace prefixes (`NS = {"w": "http://…"}`, `nsmap={…}`, `namespaces = {…}`). */
const NAMESPACE_MAP = /\b(?:ns\w*|NS\w*|namespaces?|NAMESPACES?|nsmap|NSMAP)\s*[:=]\s*\{([^{}]{0,2000})\}/g;

/**
 * URLs a program uses as XML names, not as places: in an `xmlns` attribute or a relationship's `Type`, in Clark notation
 * (`{http://…}body`), in a mapping of namespace prefixes, or held by a constant used in one of those.
 */
function namespaceUrls(source: string): Set<string> {
  const out = new Set<string>();
  if (!/\bxmlns\b|\{https?:\/\/|\bnamespaces?\b|\bnsmap\b|\bNS\w*\s*=/i.test(source)) return out;
  for (const match of source.matchAll(/\b(?:xmlns(?::[\w.-]+)?|Type|[\w:]*schemaLocation)\s*=\s*\\?["'](https?:\/\/[^"'\\\s]+)/g)) out.add(match[1]!);
  for (const match of source.matchAll(/\{(https?:\/\/[^{}\s"']+)\}/g)) out.add(match[1]!);
  const mapped = [...source.matchAll(NAMESPACE_MAP)].map((match) => match[1]!);
  for (const inner of mapped) for (const url of inner.match(/https?:\/\/[^"'\s,}]+/g) ?? []) out.add(url);
  for (const match of source.matchAll(/^\s*(?:(?:const|let|var)\s+)?([A-Za-z_]\w*)\s*=\s*["'](https?:\/\/[^"'\s]+)["']/gm)) {
    const name = escapeRegExp(match[1]!);
    const used = new RegExp(`\\bxmlns(?::[\\w.-]+)?\\s*=\\s*\\\\?["']\\$?\\{${name}\\}|\\{\\{\\{${name}\\}\\}\\}|["']\\{["']\\s*\\+\\s*${name}\\s*\\+\\s*["']\\}`);
    if (used.test(source) || mapped.some((inner) => new RegExp(`:\\s*${name}\\b`).test(inner))) out.add(match[2]!);
  }
  return out;
}

/** Whether a bare name (`.ssh`, `.git-credentials`) is a credential file or folder of the home folder, by the shared list (core/sensitive.json). */
function bareCredentialName(name: string): boolean {
  if (!/^\.[\w.-]+(?:\/[\w.-]+)*\/?$/.test(name)) return false;
  const home = `~/${name.replace(/\/$/, '')}`;
  return SENSITIVE_FILE.test(home) || CREDENTIAL_FILE_KINDS.some((kind) => kind.paths.some((path) => path === home || path.startsWith(`${home}/`)));
}

/** Names of network modules and sending functions, as a dynamic lookup spells them. */
const DYNAMIC_NETWORK_NAME = /^(?:urllib\.request|urllib2|http\.client|requests|httpx|aiohttp|socket|urlopen|Request|post|create_connection|sendall|HTTPSConnection|HTTPConnection|node:https?|https?|net|fetch|Net::HTTP|net\/https?|Net::HTTP::Post|HTTParty|Faraday|TCPSocket)$/;

/** A push of an artifact to a registry, as a command or as the arguments of a call (`helm(["push", …])`, `cap("docker", "push", ref)`, `subprocess.run(["helm", "push", …])`). */
const REGISTRY_PUSH_CODE = /\b(?:helm|docker|podman|buildah|nerdctl|oras|crane)\b["'`]?[ \t]*(?:,\s*|\(\s*\[?\s*|\s+)["'`]?(?:image["'`]?\s*,?\s*["'`]?)?(?:push|cm-push|attach|append)["'`]?(?:\s|,|\)|$)/;

/** Code that packs a blob into what it publishes: it encodes or compresses data (and, with {@link ARTIFACT_METADATA}, sets an annotation or a label of the artifact). */
const ENCODES_BLOB = /\b(?:b64encode|EncodeToString|strict_encode64|encode64|ToBase64String|btoa|gzipSync|deflateSync|GzipWriter|GZipStream|NewWriterLevel)\b|\bgzip\.compress\b|toString\(\s*["']base64["']\s*\)|\bbase64\s+-w\s*0\b/;
/** An archive a program builds: Python's tarfile and zipfile, Node's archiver, JSZip and adm-zip, Go's archive writers, .NET's, Ruby's, PowerShell's. */
const ARCHIVE_WRITER = /\btarfile\b|\bzipfile\b|\bZipFile\s*\(|\bshutil\.make_archive\b|\barchiver\s*\(|\bnew\s+(?:JSZip|AdmZip)\b|\b(?:tar|zip)\.NewWriter\b|\bZipFile\.Open\b|\bZipArchive\b|\bCompress-Archive\b|\bArchive::(?:Tar|Zip)\b|\bZip::File\b|\bGem::Package::TarWriter\b/;
/** The calls that open an archive to write, as {@link archiveNames} finds the names bound to them. */
const ARCHIVE_OPENER = String.raw`tarfile\.open|zipfile\.ZipFile|ZipFile|archiver|JSZip|AdmZip|zip\.NewWriter|tar\.NewWriter|ZipFile\.Open|ZipArchive|Zip::File\.open`;
/** `with zipfile.ZipFile(buf, "w") as z`, `Zip::File.open(path) do |zip|`. */
const ARCHIVE_BOUND_BY_BLOCK = new RegExp(String.raw`\b(?:${ARCHIVE_OPENER}|\w+\.open|Gem::Package::TarWriter\.new)\s*\([^\n]*?\)\s*(?:as\s+([A-Za-z_]\w*)|do\s*\|\s*([A-Za-z_]\w*)\s*\|)`, 'g');
/** `tar = tarfile.open(…)`, `zw := zip.NewWriter(f)`, `const zip = new JSZip()`. */
const ARCHIVE_BOUND_BY_ASSIGNMENT = new RegExp(String.raw`\b([A-Za-z_$][\w$]*)\s*:?=\s*(?:new\s+)?(?:${ARCHIVE_OPENER}|\w+\.open\s*\([^)\n]*["']w)\b`, 'g');
/** A call that puts a file into such an archive (not bytes the program wrote, like `writestr`). */
const ARCHIVE_ADD = /(?:^|\.)(?:add|addfile|write|append|addLocalFile|addFile|CreateEntryFromFile|add_file|add_file_simple|Create)$|(?:^|\.)(?:archive|zip|tar|arc|bundle|pack|zf|tf|z|zw|tw)\w*\.(?:glob|directory|file)$|^(?:shutil\.make_archive)$/;
/** A call whose first argument is a name or an expression, not a fixed file name. */
const ADDS_BY_NAME = /^[^(]*\(\s*(?!["'`])[A-Za-z_$(]/;
/** Names bound to an archive being written (`with zipfile.ZipFile(buf, "w") as z`, `tar = tarfile.open(…)`, `zw := zip.NewWriter(f)`). */
function archiveNames(source: string): Set<string> {
  const out = new Set<string>();
  for (const match of source.matchAll(ARCHIVE_BOUND_BY_BLOCK)) out.add(match[1] ?? match[2]!);
  for (const match of source.matchAll(ARCHIVE_BOUND_BY_ASSIGNMENT)) out.add(match[1]!);
  return out;
}

/** A list named for what to leave out. */
const EXCLUSION_LIST = /ignore|exclude|skip|deny|block|omit|except|never|forbid/i;

/** The name of the nearest list opened on or above a line of a source's lines (`IGNORE = [`, `const EXCLUDE = [`), or ''. */
function listNameAbove(lines: readonly string[], line: number): string {
  for (let index = Math.min(line, lines.length) - 1, seen = 0; index >= 0 && seen < 20; index -= 1, seen += 1) {
    const opened = /\b([A-Za-z_$][\w$]*)\s*(?::[^=\n]{0,40})?=\s*(?:\[|\(|\{|frozenset\(|set\(|new\s+Set\(\s*\[)/.exec(lines[index]!);
    if (opened) return opened[1]!;
  }
  return '';
}
/** What may name a list just before its opening bracket: `KEYS = `, `const KEYS: string[] = Object.freeze(`, `NAMES = frozenset(`, `keys := []string`, `String[] KEYS = List.of(`. */
const LIST_NAME = /\b([A-Za-z_$][\w$]*)\s*(?::[^=\n]{0,40})?=\s*(?:Object\.freeze\(\s*|frozenset\(\s*|set\(\s*|new\s+Set\(\s*|\[\]string|new\s+String\[\]\s*|(?:List|Set)\.of|Arrays\.asList|tuple)?(?:%[wi])?$/;

/**
 * Lists of two or more secret-looking variable names written in place (`("A", "B")`, `["A", "B"]`, Ruby's `%w[A B]`):
 * where the list opens and closes, and the name it is given if any. Found from the names outward, so a file with no
 * such name costs one pass.
 */
function secretNameLists(source: string): { open: number; end: number; name: string | undefined; names: string[] }[] {
  const opens = new Set<number>();
  for (const match of source.matchAll(/%[wi][\[(]/g)) opens.add(match.index + 2);
  for (const match of source.matchAll(/["'`]([A-Z][A-Z0-9_]{2,})["'`]/g)) {
    if (!SECRET_ENV_NAME.test(match[1]!)) continue;
    let depth = 0;
    for (let i = match.index - 1; i >= Math.max(0, match.index - 800); i--) {
      const char = source[i];
      if (char === ')' || char === ']' || char === '}') depth++;
      else if (char === '(' || char === '[' || char === '{') {
        if (depth === 0) { opens.add(i); break; }
        depth--;
      }
    }
  }
  const lists: { open: number; end: number; name: string | undefined; names: string[] }[] = [];
  for (const open of opens) {
    let depth = 0;
    let end = -1;
    for (let i = open; i < Math.min(source.length, open + 1600); i++) {
      const char = source[i];
      if (char === '(' || char === '[' || char === '{') depth++;
      else if ((char === ')' || char === ']' || char === '}') && --depth === 0) { end = i + 1; break; }
    }
    if (end < 0) continue;
    const inner = source.slice(open + 1, end - 1);
    const words = source.slice(open - 2, open).match(/%[wi]/) ? inner.split(/\s+/) : [...inner.matchAll(/["'`]([A-Z][A-Z0-9_]{2,})["'`]/g)].map((match) => match[1]!);
    const names = [...new Set(words.filter((word) => /^[A-Z][A-Z0-9_]{2,}$/.test(word) && SECRET_ENV_NAME.test(word)))];
    if (names.length >= 2) lists.push({ open: source[open - 2] === '%' ? open - 2 : open, end, name: LIST_NAME.exec(source.slice(Math.max(0, open - 80), open))?.[1], names });
  }
  return lists;
}

/** An environment variable read by a name held in `variable`, in any language: not a read only compared (`os.environ.get(k) is not None`) or tested for presence. */
function environmentRead(variable: string): string {
  return String.raw`(?:(?:os\.)?(?:environ(?:\.get)?\s*[\[(]\s*|getenv\s*\(\s*)|process\.env\s*\[\s*|ENV(?:\.fetch)?\s*[\[(]\s*|System\.getenv\s*\(\s*|os\.Getenv\s*\(\s*|Deno\.env\.get\s*\(\s*)${variable}\b(?![\])]?\s*(?:is\b|==|!=|\bin\b|\?))`;
}

/** The variable that walks a list named `list` (or written just before `at` in place): `for k in L`, `for (const k of L)`, `for (String k : L)`, `for _, k := range L`, `L.each { |k|`, `L.map((k) =>`, `L.forEach(function (k)`. */
function iterations(source: string, list: string | undefined, at: number, end: number): { variable: string; index: number }[] {
  const walkers = String.raw`\s*\.\s*(?:each|each_with_object\([^)]*\)|map|flat_map|collect|select|filter|forEach|flatMap|reduce)\s*(?:\{\s*\|\s*(?:\w+\s*,\s*)?([A-Za-z_]\w*)|do\s*\|\s*(?:\w+\s*,\s*)?([A-Za-z_]\w*)|\(\s*(?:async\s*)?\(?\s*([A-Za-z_$][\w$]*)|\(\s*function\s*\(\s*([A-Za-z_$][\w$]*))`;
  const found: { variable: string; index: number }[] = [];
  const add = (match: RegExpExecArray | RegExpMatchArray, offset = 0) => {
    const variable = match.slice(1).find((group) => group !== undefined);
    if (variable) found.push({ variable, index: (match.index ?? 0) + offset });
  };
  // The list written in place and walked at once (`for k in ("A", "B"):`, `%w[A B].each { |k|`).
  const before = /\bfor\s*\(?\s*(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s+(?:in|of)\s*$|\bfor\s+\w+\s*,\s*([A-Za-z_]\w*)\s*:=\s*range\s*\[\]string\s*$/.exec(source.slice(Math.max(0, at - 60), at));
  if (before) add(before, Math.max(0, at - 60));
  const after = new RegExp(`^${walkers}`).exec(source.slice(end, end + 120));
  if (after) add(after, end);
  if (list) {
    const name = escapeRegExp(list);
    const loops = String.raw`\bfor\s*\(?\s*(?:const\s+|let\s+|var\s+|(?:final\s+)?String\s+)?([A-Za-z_$][\w$]*)\s+(?:in|of|:)\s+${name}\b|\bfor\s+\w+\s*,\s*([A-Za-z_]\w*)\s*:=\s*range\s+${name}\b`;
    for (const match of source.slice(end).matchAll(new RegExp(String.raw`${loops}|\b${name}\b(?:${walkers})`, 'g'))) add(match, end);
  }
  return found;
}

/**
 * Secret variables read by name from a list (`for k in ("AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN"): data[k] = os.environ[k]`,
 * `Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))`, `{k: os.environ[k] for k in NAMES}`, `%w[A B].each { |k| h[k] = ENV[k] }`)
 * into a collection that becomes data (serialised, put in telemetry attributes, returned): values gathered wholesale, as a
 * thief gathers them. A collection handed to a client library (`boto3.Session(**args)`) is the keys used; a flag of whether
 * each is set holds no value; a value wrapped in a call (`mask(os.environ[k])`) is not the value.
 */
function secretsReadFromList(source: string): { index: number; names: string[] }[] {
  if (!/environ|getenv|process\.env|\bENV\b|Getenv|Deno\.env/.test(source)) return [];
  const found: { index: number; names: string[] }[] = [];
  for (const { open, end, name, names } of secretNameLists(source)) {
    for (const { variable, index } of iterations(source, name, open, end)) {
      const lineStart = source.lastIndexOf('\n', index) + 1;
      const region = source.slice(lineStart, index + 400);
      const read = environmentRead(escapeRegExp(variable));
      // Kept by a statement of the loop's body (`data[k] = os.environ[k]`), or as a value of the mapping the
      // statement builds (`context = Object.fromEntries(… [k, process.env[k]])`, `ctx = {k: os.environ[k] for k in …}`).
      // Or through a name the value is given first (Go's `if v := os.Getenv(k); v != "" { s.Fields[k] = v }`).
      const held = new RegExp(String.raw`\b([A-Za-z_]\w*)\s*:?=\s*${read}`).exec(region)?.[1];
      const container = keptInto(region, read) ?? (held === undefined ? undefined : keptInto(region, String.raw`${escapeRegExp(held)}\b(?!\s*[:!=]=)`)) ?? new RegExp(String.raw`(?:^|[\s;{(])(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)[^\n;]{0,300}?(?:[,:]|=>)\s*${read}`, 'm').exec(region)?.[1];
      // A mapping handed back whole (`return {name: os.environ.get(name, "") for name in NAMES}`) is data the caller gets.
      const returned = new RegExp(String.raw`\breturn\s+[^\n;]{0,300}?(?:[,:]|=>)\s*${read}`).test(region);
      if (!returned && (container === undefined || !becomesData(source, container))) continue;
      // A key of a service whose address the program also reads from the environment (`MASTODON_TOKEN` beside
      // `MASTODON_INSTANCE`, `GITEA_TOKEN` beside `GITEA_URL`, in the same list or read on its own) is for the user's own
      // instance of it, wherever that is.
      const inList = (at: number) => at > open && at < end;
      // Only for a service users run themselves (core/sensitive.json `selfHosted`), and only an address setting the program reads.
      const settings = new Set([...source.matchAll(/["'`]([A-Z][A-Z0-9_]*(?:INSTANCE|URL|HOST|SERVER|BASE|ENDPOINT|DOMAIN|ORIGIN))["'`]/g)].filter((match) => inList(match.index) || environmentReadOf(source, match[1]!)).map((match) => secretOwnerWord(match[1]!)).filter((word): word is string => word !== undefined && SELF_HOSTED_SERVICES.has(word)));
      const gathered = names.filter((variable) => !settings.has(secretOwnerWord(variable) ?? ''));
      if (gathered.length === 0) continue;
      found.push({ index, names: gathered });
      break;
    }
  }
  return found;
}

/** Whether a program reads the environment variable `name` itself (`os.environ["MASTODON_INSTANCE"]`, `getenv("GITEA_URL")`, `process.env.HASS_URL`). */
function environmentReadOf(source: string, name: string): boolean {
  return new RegExp(`(?:environ(?:\\.get)?\\s*[[(]\\s*|getenv\\(\\s*|process\\.env\\[\\s*)["']${name}["']|process\\.env\\.${name}\\b|\\bENV\\[\\s*["']${name}["']`).test(source);
}

/**
 * The collection a loop body keeps an environment value in (`attrs[f"x.{k}"] = os.environ[k]`, `out.append(os.environ.get(k))`,
 * `fp.env[k] = process.env[k]`): not a value only compared (`os.environ.get(k) is not None`) or shown masked.
 */
function keptInto(body: string, read: string): string | undefined {
  return new RegExp(String.raw`(?:^|[\s;{])([A-Za-z_$][\w$]*)(?:\.[\w$]+)*(?:\[(?:[^\[\]\n]|\[[^\]\n]*\])+\])?\s*(?:=|\.(?:append|push|add|update|extend|setdefault|set|store|put)\s*\(\s*[(\[]?)\s*(?:\{[^}\n]*?[:,]\s*|[^,()\n=]*,\s*)?${read}`, 'm').exec(body)?.[1];
}

/** Whether a collection becomes data the program sends or hands back: serialised, put in telemetry attributes, headers or a body, handed to a sending call, or returned. */
function becomesData(source: string, container: string): boolean {
  const name = escapeRegExp(container);
  return new RegExp(String.raw`(?:json\.dumps|JSON\.stringify|JSON\.generate|json\.Marshal|toJson|writeValueAsString|urlencode|Resource\.create|set_attributes?|setAttributes?|attributes\s*[=:]|headers\s*[=:]|body\s*[=:]|data\s*[=:]|json\s*[=:]|\breturn)\s*\(?[^\n]{0,80}\b${name}\b|\b${name}\.(?:to_json|to_yaml|to_query)\b|\b${name}\b[^\n]{0,80}\}\s*\.to_json\b|\b(?:post|put|patch|post_form)\s*\([^\n]{0,160}\b${name}\b`).test(source);
}

/** OpenTelemetry's OTLP exporters: what the program puts in its spans, resources and metrics is sent to their endpoint. */
const OTLP_EXPORTER = String.raw`OTLP(?:Span|Metric|Log|Trace)?Exporter`;
/** An exporter called as a function (Python's `OTLPSpanExporter(endpoint=…)`). */
const TELEMETRY_EXPORTER = new RegExp(String.raw`(?:^|\.)${OTLP_EXPORTER}$`);
/** An exporter constructed with `new` (`new OTLPTraceExporter({ url })`), which is no call the parser lists. */
const TELEMETRY_EXPORTER_NEW = new RegExp(String.raw`\bnew\s+${OTLP_EXPORTER}\s*\(`);
/** Calls that read a file's bytes or text. */
const FILE_CONTENT_READ = /(?:^|\.)(?:readFileSync|readFile|read_bytes|read_text|binread|ReadAllBytes|ReadAllText|ReadFile)$|^(?:open|File\.read|File\.open|IO\.read|os\.ReadFile|ioutil\.ReadFile|fs::read(?:_to_string)?|Get-Content)$/;
/** Code that sets metadata of an artifact it publishes: an image label, an OCI or chart annotation. */
const ARTIFACT_METADATA = /--label\b|--(?:manifest-)?annotations?\b|\bannotations?\s*:|\bcommonAnnotations\b|\bmetadata\.annotations\b/;

/** A file a deployed static site serves: its headers or redirects file, or a file under its publish folder. */
const PUBLISHED_OUTPUT = /["'`](?:_headers|_redirects|_routes\.json)["'`]|["'`](?:\.\/)?(?:public|dist|_site|out|static)\/[\w.\/-]*["'`]|\b(?:path\.join|path\.resolve|os\.path\.join|File\.join|Path|filepath\.Join)\s*\(\s*(?:[\w.]+\s*,\s*)?["'`](?:\.\/)?(?:public|dist|_site|out|static)["'`]/;

/** Calls and commands that write or copy files. */
const FILE_WRITE = /(?:^|\.)(?:write_text|write_bytes|write)$|^(?:open|shutil\.(?:copy\w*|move)|copyfile|fs\.(?:writeFileSync|writeFile|copyFileSync|copyFile|appendFileSync)|writeFileSync|writeFile|copyFileSync|File\.(?:write|open)|FileUtils\.cp\w*|IO\.write|Set-Content|Out-File|Add-Content|Copy-Item|os\.WriteFile|ioutil\.WriteFile|cp|rsync|tar|zip|ditto|json\.dump|tarfile\.open|zipfile\.ZipFile)$/;

/** The user's screen, clipboard or keystrokes captured (`screencapture -x`, `import -window root`, `ImageGrab.grab()`, `pbpaste`, `Get-Clipboard`, `cb.get_text()` of Rust's arboard, Go's `clipboard.ReadAll()`, a key hook). */
const CAPTURE = /\b(?:pbpaste|wl-paste|Get-Clipboard|xclip\b[^\n]{0,200}\s-o(?:ut)?\b|xsel\b[^\n]{0,200}\s(?:-o|--output)\b|pyperclip\.paste|clipboard\.read(?:Text)?|clipboardy\.read(?:Sync)?|clipboard\.ReadAll|clipboard_get|GetClipboardData|(?:clipboard|cb|clip|board|pasteboard)\.(?:get_text|get_contents|getText|string)|GetText|screencapture\b(?![^\n]{0,200}\s-i\b)|scrot|gnome-screenshot|import\s+-window\s+root|ImageGrab\.grab|pyautogui\.screenshot|mss|CopyFromScreen|pynput|keyboard\.on_press|GetAsyncKeyState)\b/;
/**
 * An Office document's relationship to an outside address that is fetched when the file opens: an attached template, a linked
 * picture, object, frame or sub-document (`Type="…/attachedTemplate" Target="https://…" TargetMode="External"`). A hyperlink is
 * only followed when clicked.
 */
const DOCUMENT_CALLS_HOME = /\bType\s*=\s*\\?["'][^"'\n]*\/(?:attachedTemplate|oleObject|image|frame|subDocument|externalLinkPath)\\?["'][^\n]*\bTargetMode\s*=\s*\\?["']External\b/;

/** The head of an endless loop or a timer: capture inside it watches the user, not one screenshot they asked for. */
const ENDLESS = /\bwhile\s+(?:true|True|1|:)\b|\bwhile\s*\(\s*(?:true|1|\$true)\s*\)|\bsetInterval\s*\(|\bschedule\.every\b|\bfor\s*\(\s*;\s*;\s*\)|\bloop\s+do\b|\bloop\s*\{|\bfor\s*\{/;

/** Whether line `line` of `text` sits in an endless loop or timer whose head is at most fifteen lines above it. */
function inEndlessLoop(text: string, line: number): boolean {
  const lines = text.split('\n');
  for (let at = line - 1; at >= Math.max(0, line - 16); at -= 1) {
    if (ENDLESS.test(lines[at] ?? '')) return true;
    // A shell loop closed above the capture no longer holds it.
    if (at < line - 1 && /^\s*done\b/.test(lines[at] ?? '')) return false;
  }
  return false;
}

/** A loop that waits between turns (`while not stop.is_set(): …; stop.wait(30)`, `while running: … time.sleep(5)`): it polls, over and over. */
const PAUSE = /\b(?:time\.sleep|sleep|\.wait|Start-Sleep|setTimeout|Thread\.sleep|time\.Sleep|asyncio\.sleep)\s*\(|^\s*sleep\s+\d/;

/** Whether line `line` (1-based) sits in a loop whose body pauses between turns, its head at most fifteen lines above. */
function inPollingLoop(lines: readonly string[], line: number): boolean {
  for (let at = line - 1; at >= Math.max(0, line - 16); at -= 1) {
    if (!/^\s*(?:while\b|for\s*\(|loop\b)/.test(lines[at] ?? '')) continue;
    const indent = /^\s*/.exec(lines[at]!)![0].length;
    for (let next = at + 1; next < Math.min(lines.length, at + 20); next += 1) {
      const text = lines[next]!;
      if (text.trim() !== '' && /^\s*/.exec(text)![0].length <= indent && !/^\s*[})\]]/.test(text)) break;
      if (PAUSE.test(text)) return true;
    }
  }
  return false;
}

/**
 * Whether the capture at `line` repeats: it sits in an endless or polling loop, or in a function (a method) that such a
 * loop calls (`def _grab(self): … mss.mss()` run by `while not self.stop.is_set(): self._grab(); self.stop.wait(30)`).
 */
function capturedRepeatedly(text: string, line: number): boolean {
  if (inEndlessLoop(text, line)) return true;
  const lines = text.split('\n');
  if (inPollingLoop(lines, line)) return true;
  for (let at = line - 1; at >= Math.max(0, line - 60); at -= 1) {
    const name = /^\s*(?:async\s+)?(?:def|function)\s+([A-Za-z_$][\w$]*)|^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*\{\s*$|^\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>)/.exec(lines[at] ?? '');
    const called = name?.slice(1).find((group) => group !== undefined);
    if (called === undefined) continue;
    const call = new RegExp(String.raw`\b${called}\s*\(`);
    return lines.some((other, index) => index !== at && call.test(other) && (inEndlessLoop(text, index + 1) || inPollingLoop(lines, index + 1)));
  }
  return false;
}

interface UnitFlow {
  unit: CodeFacts;
  /** Hosts of the defaults of the action inputs the unit reads (`process.env.INPUT_ENDPOINT` with `inputs: endpoint: default: https://…`). */
  inputHosts?: string[];
  /** The user's screen, clipboard or keystrokes captured over and over. */
  captures: Place[];
  strongSources: Place[];
  softSources: Place[];
  /** A new credential minted for the user's account (a cloud key, a package registry token), followed to a line that sends. */
  minted: Place[];
  sinks: Place[];
  exfilEndpoints: Place[];
  /** Names of files, modules and temp paths this unit mentions, for linking units. */
  mentions: Set<string>;
  /** Per shell command line: whether source and sink meet in it. */
  sameCommand: { source: Place; sink: Place }[];
  /** An artifact pushed to a registry, and whether this unit packs data into what it builds (encodes a blob, sets a label or annotation). */
  pushes: Place[];
  packs: boolean;
  /** A `git push` to something other than origin or upstream, whose destination the unit may take from a data file. */
  foreignPush?: Place;
}

/** Output kept in a file: a redirection of standard output to anything but /dev/null, or a copy through tee. */
const PRINTED_INTO_FILE = /(?<![0-9&])>>?\s*(?!\s*\/dev\/null\b|&)\S|\|\s*(?:sudo\s+)?tee\b/;

/** Commands that only manage a key file, never read it out. */
const KEY_MANAGEMENT = /^(?:chmod|chown|ssh|ssh-keygen|ssh-add|ssh-copy-id|ls|test|\[|\[\[|mkdir|touch|stat|git|gpg-agent|eval|ssh-agent)$/;
const KEY_AS_IDENTITY = /(?:-i\s+|-f\s+|IdentityFile\s+|key_filename\s*=\s*|--key(?:-file)?[=\s]+|GIT_SSH_COMMAND)["']?$/;

function trim(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** A browser extension's own reach into the user's sessions: every cookie, the history, saved passwords. */
const EXTENSION_SESSION_API = /^(?:chrome|browser)\.(?:cookies\.getAll(?:CookieStores)?|history\.search|history\.getVisits|passwordsPrivate\.\w+)$/;

/** Whether an `openssl` command works on local files only (`x509`, `req`, `genrsa`): only `s_client`, `s_time` and `ocsp` connect. */
function localOpenssl(name: string, text: string): boolean {
  return name === 'openssl' && !/\bopenssl\s+(?:s_client|s_time|ocsp|cmp)\b|\s-(?:connect|server|url)\b/.test(text);
}

/**
 * A browser's credential store or a key or token cache named on its own (`find … -name 'Login Data'`,
 * `os.path.join(profile, "Login Data")`, `Join-Path $azDir "msal_token_cache.json"`, `"id_ed25519"`):
 * these file names mean nothing else. (`Cookies` alone is too common a word.)
 */
const BROWSER_STORE_NAME = /(?:^|[\s'"=/\\(,])(?:Login Data|Web Data|Local State|logins\.json|key[34]\.db|cookies\.sqlite|Local Extension Settings|msal_token_cache(?:\.\w+)?|accessTokens\.json|service_principal_entries\.json|id_(?:rsa|ed25519|ecdsa|dsa))(?=$|[\s'"/\\),*])/;

function sourceIn(text: string, commandName: string | undefined): boolean {
  const match = SENSITIVE_FILE.exec(text) ?? BROWSER_STORE_NAME.exec(text);
  if (!match) return false;
  // A command list is read command by command: `mkdir -p /commandhistory && touch /commandhistory/.bash_history && chown …`
  // (a Dockerfile's `RUN` line) makes an empty history file, it reads none.
  const parts = commandName === undefined ? [] : text.split(/&&|\|\||;/);
  if (parts.length > 1) return parts.some((part) => sourceIn(part, part.trim().replace(/^(?:RUN|sudo)\s+/, '').split(/\s+/)[0] ?? ''));
  if (commandName !== undefined && METADATA_ONLY.test(commandName)) return false;
  if (commandName !== undefined && KEY_MANAGEMENT.test(commandName)) return false;
  // `-f` before the file is a key handed to ssh-keygen or ssh; to a copy (`cp -f ~/.netrc kit/`) it only means force.
  if (commandName !== undefined && /^(?:cat|base64|gzip|tar|zip)$/.test(commandName)) return true;
  // A copy reads its sources, not its destination (`cp config/npmrc.template .npmrc` writes the user's file, it reads none).
  if (commandName !== undefined && /^(?:cp|mv|install|rsync)$/.test(commandName)) {
    const words = text.split(/[|;&]/)[0]!.replace(/\s\d?>.*$/, '').trim().split(/\s+/);
    return SENSITIVE_FILE.test(words.slice(1, -1).filter((word) => !word.startsWith('-')).join(' '));
  }
  return !KEY_AS_IDENTITY.test(text.slice(Math.max(0, match.index - 30), match.index).replace(/(?:~|\$HOME|\$\{HOME\})\/?$/, ''));
}

/** Commands that make, link or re-permission a file, or test for it, without reading what it holds. */
const METADATA_ONLY = /^(?:touch|mkdir|chmod|chown|chgrp|ln|rmdir|stat|test|\[)$/;

/** Text a command prints to the terminal (`echo " - local ~/.cargo/credentials.toml via cargo login"`), not piped or written on: a message naming a file, not a read. */
const PRINTED_TEXT = /\b(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*(?:"[^"$`\n]*"|'[^'\n]*')(?=\s*(?:$|;|&&|\|\||\)|#|\n|>&2|1>&2))/g;

function withoutPrintedText(text: string): string {
  return text.replace(PRINTED_TEXT, 'echo');
}

/** A line of code that sends: an HTTP call or request, a socket write, a sending command. */
const SENDS_LINE = /\b(?:https?\.(?:Post|PostForm|Get|NewRequest)|NewRequest\w*|\.Do\s*\(|\.(?:Post|PostForm)\s*\(|smtp\.SendMail\s*\(|Net::HTTP|URI\.open|HTTParty|Faraday|curl_exec|wp_(?:safe_)?remote_(?:post|get|request|head)\s*\(|\bRequests::(?:post|put|patch|get|request)\s*\(|file_get_contents\s*\(\s*["']https?|fetch\s*\(|reqwest|ureq|Invoke-(?:WebRequest|RestMethod)|WebClient|HttpClient|curl|wget|Dial\w*\s*\()/;
/** A name bound on a line (`key, err := …`, `key = …`, `let key = …`, `$key = …`). */
const BINDS = /^\s*(?:(?:let|var|const|my|local)\s+)?\$?(?!if\b|for\b|while\b|return\b)([A-Za-z_]\w*)(?:\s*,\s*\$?[A-Za-z_]\w*)*\s*:?=(?!=)/;

/** A function defined in code read lexically (`func relay(`, `def post(`, `function send(`, `sub put {`, `fn push(`). */
const DEFINES = /^\s*(?:func(?:\s*\([^)]*\))?|def|function|sub|fn|proc)\s+([A-Za-z_]\w*)/;

/** A line of code with its string literals emptied: what is left is names, calls and brackets. */
function withoutStrings(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g, '""');
}

/**
 * Lines joined into statements: a line whose brackets stay open takes the next ones (a map literal, a call over lines), and
 * so does a line that `continues` matches (PowerShell's trailing backtick, a shell's backslash).
 */
function statementsOf(lines: readonly string[], continues?: RegExp): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let open = 0;
  let carried = false;
  for (const [index, text] of lines.entries()) {
    const code = withoutStrings(text);
    if ((open > 0 || carried) && out.length > 0 && open < 40) out[out.length - 1].text += `\n${text}`;
    else out.push({ line: index + 1, text });
    open = Math.max(0, open + (code.match(/[([{]/g)?.length ?? 0) - (code.match(/[)\]}]/g)?.length ?? 0));
    carried = continues !== undefined && continues.test(text);
    // A function's own body is not one statement.
    if (DEFINES.test(text)) open = 0;
  }
  return out;
}

/**
 * Whether what the mint on line `line` returns reaches a statement that sends: through the name it is bound
 * to, a file it writes (a literal path, or a variable named for a file or path), and names bound from those,
 * statement by statement; a function of the program whose body sends counts as sending. A program that mints a
 * key, stores it and only posts a notice somewhere does not send the key.
 */
function mintReachesSend(source: string, line: number): boolean {
  const lines = source.split('\n');
  const statements = statementsOf(lines);
  const senders = new Set<string>();
  statements.forEach((statement, index) => {
    const name = DEFINES.exec(statement.text)?.[1];
    if (name && statements.slice(index + 1, index + 40).findIndex((next) => DEFINES.test(next.text)) !== 0 && statements.slice(index + 1, index + 40).some((next, offset, rest) => SENDS_LINE.test(next.text) && !rest.slice(0, offset).some((before) => DEFINES.test(before.text)))) senders.add(name);
  });
  const sends = (text: string) => SENDS_LINE.test(text) || [...senders].some((name) => new RegExp(`\\b${name}\\s*\\(`).test(text));
  const start = statements.findIndex((statement) => statement.line <= line && line < statement.line + statement.text.split('\n').length);
  if (start < 0) return false;
  const first = statements[start].text;
  const carriers = new Set<string>();
  const bound = BINDS.exec(first)?.[1];
  if (bound && bound !== '_' && bound !== 'if') carriers.add(bound);
  for (const path of first.match(/["'](?:\/|~\/|\.\/)[\w./-]{1,120}["']/g) ?? []) carriers.add(path.slice(1, -1));
  for (const name of first.match(/\b[A-Za-z_]\w*(?:File|Path|file|path|_out|Out|Dest|dest)\b/g) ?? []) carriers.add(name);
  if (sends(first) && carriers.size === 0) return true;
  for (const statement of statements.slice(start + 1, start + 200)) {
    const code = withoutStrings(statement.text);
    // A name counts in code, not inside a string (`"CI access key rotated"` does not carry `key`); a file path counts anywhere.
    const carried = [...carriers].some((name) => (/^[A-Za-z_]\w*$/.test(name) ? new RegExp(`\\b${name}\\b`).test(code) : statement.text.includes(name)));
    if (!carried) continue;
    if (sends(statement.text)) return true;
    const next = BINDS.exec(statement.text)?.[1];
    if (next && next !== '_') carriers.add(next);
  }
  return false;
}

/** `git push` run by a program (`execFileSync("git", ["push", …])`, `subprocess.run(["git", "push", …])`). */
/** A push written as one command line inside a string (`"git push --quiet {url} HEAD:…"`). */
const GIT_PUSH_LINE = /^[\w.]*\(\s*[fbr]?["'`]git\s+push\b/;
const GIT_PUSH_CALL = /["'`]git["'`]\s*,\s*\[?\s*(?:["'`]-[^"'`]*["'`]\s*,\s*)*["'`]push["'`]/;
/** A ref that is neither a branch nor a tag (`refs/changeset-snapshots/…`): nothing the user's tools show. */
const HIDDEN_REF = /["'`]refs\/(?!heads\/|tags\/|remotes\/)[\w.-]+/;
/** A repository URL written in the program. */
const REPOSITORY_URL = /["'`](?:https?:\/\/[^\s"'`]+\.git|git@[\w.-]+:[^\s"'`]+|ssh:\/\/[^\s"'`]+)["'`]/;

/** The container engine's socket or API on this machine. */
const CONTAINER_ENGINE = /\/(?:var\/)?run\/(?:docker|podman\/podman|containerd\/containerd)\.sock\b|\bdocker\.sock\b|\bDOCKER_HOST\b|\bdocker\.from_env\s*\(|\bnew\s+Docker\s*\(|\blocalhost:2375\b/;
/** A container's environment read from its description (`info.Config.Env`, `attrs["Config"]["Env"]`, `{{.Config.Env}}`). */
const CONTAINER_ENVIRONMENT = /\bConfig\??\.Env\b|\[\s*["']Config["']\s*\]\s*\[\s*["']Env["']\s*\]|\{\{\s*(?:json\s+)?\.Config\.Env\s*\}\}/;

/**
 * Every environment variable copied into data by its names: `{k: os.environ[k] for k in keys}` over names taken from the
 * environment itself, a loop filling a mapping (`for k in os.environ: out[k] = os.environ[k]`), or JavaScript's walk over
 * `process.env`'s keys (`for (const k in process.env) out[k] = process.env[k]`, `Object.keys(process.env).map((k) => [k, process.env[k]])`).
 * Group 2 (Python's comprehension) is what the names are taken from.
 */
const ENVIRONMENT_BY_NAME = /\{\s*(\w+)\s*:\s*(?:(?:os\.)?environ\[\s*\1\s*\]|os\.getenv\(\s*\1\s*\)|(?:os\.)?environ\.get\(\s*\1\s*\))\s*for\s+\1\s+in\s+([\w.()]+)[^}\n]{0,160}\}|\bfor\s+(\w+)\s+in\s+(?:sorted\(\s*|list\(\s*)?(?:os\.)?environ(?:\.keys\(\))?\s*\)?\s*:[^\n]*\n?[^\n]*?\w+\[\s*\3\s*\]\s*=\s*(?:os\.)?environ\[\s*\3\s*\]|\bfor\s*\(\s*(?:const|let|var)\s+(\w+)\s+(?:in\s+process\.env|of\s+Object\.keys\(\s*process\.env\s*\))\s*\)\s*\{?[^\n]*?\[\s*\4\s*\]\s*=\s*process\.env\[\s*\4\s*\]|\bObject\.keys\(\s*process\.env\s*\)\s*\.(?:map|reduce|forEach)\(\s*\(?\s*(?:\w+\s*,\s*)?(\w+)\s*\)?\s*=>[^\n]{0,80}?process\.env\[\s*\5\s*\]/;

/** Names taken from the environment (`keys = sorted(k for k in os.environ if …)`, `names = list(os.environ)`), for {@link ENVIRONMENT_BY_NAME}. */
function namesOfEnvironment(iterable: string, source: string): boolean {
  if (/^(?:sorted\(|list\(|set\(|tuple\()?(?:os\.)?environ(?:\.keys\(\))?\)?$/.test(iterable)) return true;
  if (!/^\w+$/.test(iterable)) return false;
  const bound = new RegExp(`^\\s*${iterable}\\s*=\\s*([^\\n]+)`, 'm').exec(source)?.[1] ?? '';
  return /\bfor\s+\w+\s+in\s+(?:os\.)?environ\b(?!\s*\.get)|\b(?:sorted|list|set|tuple)\(\s*(?:os\.)?environ\s*(?:\.keys\(\)\s*)?\)|\benviron\.keys\(\)|\bfilter\([^\n]*,\s*(?:os\.)?environ(?:\.keys\(\))?\s*\)/.test(bound);
}

/**
 * Whether a copy of the environment (`copied`, as written in `statement`) is bound to a name that is only handed to a child
 * process (`env = {…}` then `subprocess.run(…, env=env)`): the child's environment, not data sent.
 */
function onlyChildEnvironment(copied: string, statement: string, source: string, target?: string): boolean {
  // A loop names the mapping it fills (`target`); a copy, the name it is bound to.
  const name = target ?? new RegExp(`\\b([A-Za-z_]\\w*)\\s*=\\s*${escapeRegExp(copied.slice(0, 24))}`).exec(statement)?.[1];
  if (name === undefined) return false;
  // Edits of the copy (`env["CI"] = "1"`, `env.pop("X")`) are not uses of what it holds.
  const edited = source.replace(new RegExp(`(?<![\\w.])${name}\\s*(?:\\[[^\\]\\n]*\\]\\s*=(?!=)|\\.[A-Za-z_]\\w*\\s*=(?!=)|\\.(?:update|pop|setdefault|clear)\\s*\\()|\\bdel\\s+${name}\\[|\\bdelete\\s+${name}[.[]`, 'g'), ' ');
  const valueUses = [...edited.matchAll(new RegExp(`(?<![\\w.])${name}\\b(?!\\s*=(?!=))`, 'g'))].length;
  // Handed to a child as its environment: `env=child`, `{ env: child }`, or `{ env }` when the copy is called `env`.
  const childUses = [...source.matchAll(new RegExp(`\\benv\\s*[=:]\\s*${name}\\b${name === 'env' ? '|\\b(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|execa|execaSync)\\s*\\([^;)]*?\\{[^{}]*?\\benv\\s*(?=[,}])' : ''}`, 'g'))].length;
  return valueUses > 0 && valueUses === childUses;
}

/** A comprehension or mapping that copies every environment variable into data, keeping all but those a negated test drops (loops: environmentLoopCopy). */
const COPIES_WHOLE_ENVIRONMENT = /\{\s*\w+\s*:\s*[^{}\n]{0,80}\bfor\s+\w+\s*,\s*\w+\s+in\s+(?:os\.)?environ\.items\(\)\s*(?:if\s+not\b[^}\n]{0,120})?\}|\b(?:dict|list|sorted)\(\s*(?:os\.)?environ\.items\(\)\s*\)|\bObject\.fromEntries\(\s*Object\.entries\(\s*process\.env\s*\)\s*(?:\.filter\(\s*\(?\[?\s*\w+[^)]{0,40}\)?\s*=>\s*!\s*[^)]{0,120}\)\s*)?\)|\bObject\.entries\(\s*process\.env\s*\)\s*\.map\(/;

/** The head of a loop over every environment variable, with its variables: JavaScript's `for … of/in` and `forEach`, Python's `for … in`. */
const ENVIRONMENT_LOOP = /\bfor\s*\(\s*(?:const|let|var)\s+(?:\[\s*(\w+)\s*,\s*(\w+)\s*\]|(\w+))\s+(?:of|in)\s+(?:Object\.(?:entries|keys)\(\s*)?process\.env\b|\bObject\.(?:entries|keys)\(\s*process\.env\s*\)(?:\s*\.filter\((?:[^()\n]|\([^()\n]*\))*\))?\s*\.forEach\(\s*(?:\(\s*)?(?:\[\s*(\w+)\s*,\s*(\w+)\s*\]|(\w+))|\bfor\s+(\w+)(?:\s*,\s*(\w+))?\s+in\s+(?:os\.)?environ(?:\.items\(\)|\.keys\(\))?\s*:/g;
/** A test that keeps only some names (`if (k.startsWith('APP_'))`, `if key.startswith("APP_"):`, `if k in ALLOWED:` without `continue`): not every variable. */
const KEEPS_ONLY_SOME = /\bif\s*\(\s*(?!!)[^)\n]*\b(?:startsWith|startswith|test|includes|match|has)\s*\(|\bif\s+(?!not\b)\w+\s*\.\s*startswith\s*\(|\bif\s+(?!not\b)\w+\s+in\s+\w+\s*:(?![^\n]*\bcontinue\b)(?!\s*\n\s*continue\b)/;

/**
 * A loop over the environment that puts each variable into a record (`r[k] = v`, `r[k] = process.env[k]`), past any test
 * that only drops some names (`if (!NOISE.test(k))`, `if key in NOISE: continue`): the whole environment, with the record's name.
 */
function environmentLoopCopy(source: string): { index: number; text: string; target: string } | undefined {
  for (const loop of source.matchAll(ENVIRONMENT_LOOP)) {
    const key = loop[1] ?? loop[3] ?? loop[4] ?? loop[6] ?? loop[7];
    const value = loop[2] ?? loop[5] ?? loop[8];
    if (key === undefined) continue;
    const body = source.slice(loop.index, loop.index + loop[0].length + 400).split('\n').slice(0, 6).join('\n');
    const read = `(?:process\\.env|os\\.environ)\\s*\\[\\s*${key}\\s*\\]${value === undefined ? '' : `|${value}\\b`}`;
    const assigned = new RegExp(`([A-Za-z_]\\w*)(?:\\.[A-Za-z_]\\w*)*\\s*\\[[^\\]\\n]{0,60}\\b${key}\\b[^\\]\\n]{0,60}\\]\\s*=\\s*(?:${read})`).exec(body);
    if (!assigned || KEEPS_ONLY_SOME.test(body.slice(0, assigned.index))) continue;
    return { index: loop.index, text: body.slice(0, assigned.index + assigned[0].length).replace(/\s+/g, ' ').trim(), target: assigned[1]! };
  }
  return undefined;
}

/** A mapping entry whose value is a copy of the whole environment (`"env": dict(os.environ)`, `'vars': os.environ.copy()`, `report["context"] = {**os.environ}`). */
const ENVIRONMENT_AS_VALUE = /(?:["'][\w-]+["']\s*:|\[\s*["'][\w-]+["']\s*\]\s*=(?!=))\s*(?:dict\(\s*os\.environ\s*\)|os\.environ\.copy\(\s*\)|\{\s*\*\*os\.environ\s*\})/;

/** A part of a variable name that says it holds a secret or a connection with its password (`_CONN_`, `FERNET`, `DSN`). */
const SECRET_NAME_PART = /^(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIALS?|AUTH|FERNET|CONN|DSN)$/i;

/** Where a tool server's connection headers are given in a program (`headers: {`, `"headers" => {`, `headers=dict(`, `headers: auth`). */
const HEADERS_AT = /["']?(?:headers|http_headers)["']?\s*(?::|=>?)\s*(?:(\{)|(dict\s*\()|([A-Za-z_$][\w$]*)\b(?!\s*[.(\[]))/g;

/** The text of the brackets that open at `open` (`{…}` or `(…)`), nested ones and all (at most 2,000 characters). */
function bracketed(source: string, open: number): string {
  const opener = source[open]!;
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let index = open; index < source.length && index < open + 2000; index += 1) {
    if (source[index] === opener) depth += 1;
    else if (source[index] === closer && (depth -= 1) === 0) return source.slice(open, index + 1);
  }
  return source.slice(open, open + 2000);
}

/** The headers a match of HEADERS_AT gives: the literal written there, or the one bound to the name it uses (`const auth = {…}`). */
function headersBlock(source: string, match: RegExpMatchArray): string | undefined {
  const at = match.index! + match[0].length;
  if (match[1] !== undefined || match[2] !== undefined) return bracketed(source, source.lastIndexOf(match[1] !== undefined ? '{' : '(', at));
  const bound = new RegExp(`\\b${escapeRegExp(match[3]!)}\\s*(?::[^=\\n]{0,60})?=\\s*(?:(\\{)|dict\\s*(\\())`).exec(source);
  return bound === null ? undefined : bracketed(source, bound.index + bound[0].length - 1);
}

/** A tool server's address written beside its headers (`url: "https://…"`, `"serverUrl": "…"`), within a few lines. */
const SERVER_URL = /\\?["']?(?:url|serverUrl|server_url|uri|endpoint|httpUrl)\\?["']?\s*(?::|=>?)\s*(?:[frb]?\\?["'`](https?:\/\/[^"'`\s\\]+)|([A-Za-z_$][\w$]*)\b(?!\s*[.(\[]))/g;

/** How many lines around the headers their server's address may be written. */
const SERVER_SPAN = 8;

/**
 * A tool server written into the agent's own configuration by a program (`cfg.mcpServers["vault"] = { url: "https://…",
 * headers: { Authorization: `Bearer ${token}` } }`, then the file saved to `~/.claude.json`): the agent connects there with
 * those headers in every later session, so a secret in them is sent to that server each time. Each block of headers goes with
 * the address written beside it; one whose address the program does not write (the user's own, read from the environment) is
 * the user's. Not when every secret is that server's own service's (a GitHub token for GitHub's server).
 */
function agentServerHeaders(unit: CodeFacts, source: string): { source: Place; sink: Place } | undefined {
  // VS Code's `mcp.json` keeps them under `servers`.
  const servers = /\bmcp_?servers\b|\bmcpServers\b/i.test(source) || (/(?:\.|["'])servers\b/.test(source) && unit.strings.some((string) => /(?:^|[/\\])mcp\.json$/.test(string.text)));
  if (!servers) return undefined;
  const config = unit.strings.find((string) => AGENT_CONFIG_FILE.test(string.text));
  // The write of the configuration itself (not its backup copy), else any write of the program.
  const write = unit.writes.find((entry) => AGENT_CONFIG_FILE.test(entry.path) && !/copy/i.test(entry.text)) ?? unit.calls.find((call) => FILE_WRITE.test(call.callee) && !/^(?:open|tar|zip|cp|rsync|ditto)$|copy/i.test(call.callee));
  if (config === undefined || write === undefined) return undefined;
  const lines = source.split('\n');
  for (const match of source.matchAll(HEADERS_AT)) {
    const block = headersBlock(source, match);
    if (block === undefined) continue;
    const line = source.slice(0, match.index).split('\n').length;
    // The address nearest the headers, the lines above first (the object's own `url:`), as the program builds it (a template's
    // pieces filled in); a constant it names is its address.
    const nearby = [...Array.from({ length: SERVER_SPAN + 1 }, (_, back) => line - back), ...Array.from({ length: SERVER_SPAN }, (_, ahead) => line + 1 + ahead)].filter((at) => at >= 1 && at <= lines.length);
    const address = nearby.flatMap((at) => [...lines[at - 1]!.matchAll(SERVER_URL)].map((url) => unit.strings.find((string) => string.line === unit.lineOffset + at && /^https?:\/\//.test(string.text))?.text ?? url[1] ?? constantAddress(source, url[2]!)).filter((url) => url !== ''))[0];
    const hosts = address === undefined ? [] : urlHosts(address).map((entry) => entry.host.replace(/:\d+$/, '')).filter((host) => !isLocalHost(host));
    if (hosts.length === 0) continue;
    // Secrets by the variable they are read from (`process.env.ANTHROPIC_API_KEY`, a name bound to `GITHUB_TOKEN`), or a login printed (`gh auth token`).
    const variables = [...new Set([...(block.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? []).filter((name) => SECRET_ENV_NAME.test(name)), ...[...unit.secretNames].filter(([name]) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(block)).map(([, variable]) => variable)])];
    const logins = CREDENTIAL_GETTER.test(block) || [...unit.credentialNames].some((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(block));
    if (variables.length === 0 && !logins) continue;
    if (!logins && hosts.every((host) => variables.every((variable) => secretBelongsTo(variable, host)))) continue;
    const what = [...variables, ...(logins ? ['a stored login'] : [])].join(', ');
    return {
      source: place(unit.file, unit.lineOffset + line, `${what} in the headers of the tool server at ${hosts.join(', ')}`),
      sink: { ...place(unit.file, write.line, write.text.split('\n')[0]!), agentServer: hosts.join(', ') },
    };
  }
  return undefined;
}

function place(file: string, line: number, evidence: string): Place {
  return { file, line, evidence: trim(evidence) };
}

/** Code that reads the values of all a form's fields: each input's `.value` over a query of inputs, a form's elements, FormData of it. */
const FORM_VALUES = /querySelectorAll\(\s*['"`][^'"`]*\b(?:input|select|textarea)\b[^)]*\)[^;]{0,200}?\.value\b|\.elements\b[^;]{0,120}?\.value\b|new\s+FormData\s*\(\s*(?!\))/;
/** Whether browser code sends to an absolute outside address: a send call or an image source given one, written out or through a constant. */
function sendsToOutsideAddress(source: string): boolean {
  for (const call of source.matchAll(/\b(?:fetch|navigator\.sendBeacon|sendBeacon|axios(?:\.\w+)?|\$\.(?:post|ajax|get)|\.open)\s*\(\s*(?:["'`]\w+["'`]\s*,\s*)?(["'`][^"'`\n]*["'`]|[A-Za-z_$][\w$.]*)|\.src\s*=\s*(["'`][^"'`\n]*["'`]|[A-Za-z_$][\w$.]*)/g)) {
    const target = (call[1] ?? call[2])!;
    const address = /^["'`]/.test(target) ? target : (new RegExp(`\\b${target.split('.').pop()!.replace(/\$/g, '\\$')}\\s*[:=]\\s*(["'\x60][^"'\x60\\n]*["'\x60])`).exec(source)?.[1] ?? '');
    if (urlHosts(address).some((entry) => !isLocalHost(entry.host))) return true;
  }
  return false;
}

/** A page field for a card or a password (`autocomplete="cc-number"`, `id="card-number"`, `name="cvc"`, `type="password"`). */
const PAYMENT_OR_PASSWORD_FIELD = /autocomplete\s*=\s*["']?cc-|\b(?:id|name)\s*=\s*["']?(?:cc[-_]?(?:num|number|exp|csc|cvv)|card[-_]?(?:number|num|cvc|cvv|code)|cardnumber|cvc|cvv|cvv2|security[-_]?code)\b|\btype\s*=\s*["']?password\b/i;

function analyse(unit: CodeFacts, isMarkdownBlock: boolean, source = '', formPages?: string): UnitFlow {
  const flow: UnitFlow = { unit, captures: [], strongSources: [], softSources: [], minted: [], sinks: [], exfilEndpoints: [], mentions: new Set(), sameCommand: [], pushes: [], packs: false };
  const place = (line: number, evidence: string): Place => ({ file: unit.file, line, evidence: trim(evidence) });
  const namespaces = namespaceUrls(source);
  // Fragments written apart on one line (`['.', 'aws', '/', 'cred', 'entials']`, `name('fe', 'tch')`): read joined too.
  const byLine = new Map<number, string[]>();
  for (const string of unit.strings) byLine.set(string.line, [...(byLine.get(string.line) ?? []), string.text]);
  // Path parts handed to a join (`path.join(os.homedir(), '.config', 'stripe', 'config.toml')`, `filepath.Join(home, ".config", …)`) read as the path.
  const joined = [...byLine].filter(([, parts]) => parts.length >= 2).flatMap(([line, parts]) => [{ text: parts.join(''), line }, ...(parts.every((part) => /^[\w.~-]+$/.test(part)) ? [{ text: parts.join('/'), line }] : [])]);
  unit = { ...unit, strings: [...unit.strings, ...joined] };
  // A credential file handed to the program that owns it (`twine upload --config-file ~/.pypirc`, `kubectl --kubeconfig …`) is used, not read out.
  const handedToOwner = (text: string) => {
    const name = (SENSITIVE_FILE.exec(text)?.[0] ?? '').replace(/^.*\//, '');
    return name.length >= 4 && unit.commands.some((command) => readsOwnCredential(command.name, text) && command.text.includes(name));
  };
  // A list of what to leave out (`EXCLUDE = ["~/.ssh/id_*", "~/.aws/credentials"]`, `IGNORE = [".env", "**/*.pem"]`) names files the program does not take.
  let sourceLines: string[] | undefined;
  const leftOut = (line: number) => EXCLUSION_LIST.test(listNameAbove((sourceLines ??= source.split('\n')), line - unit.lineOffset));
  for (const string of unit.strings) {
    // Shell words are judged per command (a key passed with `-i` is used, not read out).
    if (!isMarkdownBlock && unit.language !== 'shell' && sourceIn(string.text, undefined) && !handedToOwner(string.text) && !leftOut(string.line)) flow.strongSources.push(place(string.line, string.text));
    if (!isMarkdownBlock && DOTENV_FILE.test(string.text)) flow.softSources.push(place(string.line, string.text));
    for (const { url, host, index } of urlHosts(string.text)) if (isExfiltrationEndpoint(url, host) && !SCHEMA_URL.test(string.text) && !namespaces.has(/^[^\s"'`<>{}]+/.exec(string.text.slice(index))![0])) flow.exfilEndpoints.push(place(string.line, url));
    for (const word of string.text.match(/(?<![\w.-])[\w.-]{1,255}\.(?:py|js|mjs|cjs|ts|sh|bash|erb|ejs|eta|json|ya?ml)\b|\/tmp\/[\w./-]+|\.[\w-]+\.(?:txt|json|dat|log|tmp|b64)\b/g) ?? []) flow.mentions.add(word.split('/').pop() ?? word);
  }
  // Credential files found by pattern (`fg.sync(["**/AuthKey_*.p8", ".gradle/gradle.properties"])`, `glob("~/.ssh/id_*")`):
  // a secret scanner lists such patterns to report where secrets lie; a program that also reads what they match and
  // encodes the bytes (base64, gzip) packs the files themselves into data.
  if (!isMarkdownBlock) {
    // A pattern that names one, or a credential file listed beside patterns (`["~/.config/*/credentials*", "~/.aws/credentials", "~/.ssh/id_*"]`).
    const pattern = (needle: { text: string }) => /[*?]/.test(needle.text);
    const kept = (needle: { line: number }) => !leftOut(needle.line);
    // Code read lexically has no needles: its strings are the list.
    const listed = unit.language === 'text' ? unit.strings : unit.needles;
    const globbed = listed.find((needle) => pattern(needle) && sourceIn(needle.text, undefined) && kept(needle)) ?? listed.find((needle) => sourceIn(needle.text, undefined) && kept(needle) && listed.some((other) => other !== needle && pattern(other) && Math.abs(other.line - needle.line) <= 10));
    const encoded = unit.calls.some((call) => FILE_CONTENT_READ.test(call.callee)) && unit.calls.some((call) => ENCODES_BLOB.test(call.text));
    // Added to an archive the program builds (`tar.add(path)` into a `tarfile.open(fileobj=buf, mode="w:gz")`, `archive.glob(pattern)`),
    // by a name rather than a fixed file (`archive.file("README.md")`) and as a file rather than bytes it wrote (`z.writestr("report.json", …)`);
    // or packed by an archiver it runs (`tar czf out.tgz …`, `Compress-Archive -Path $Sources`): read and packed at once.
    const archives = archiveNames(source);
    const archived =
      (ARCHIVE_WRITER.test(source) && unit.calls.some((call) => ARCHIVE_ADD.test(call.callee) && ADDS_BY_NAME.test(call.text) && (archives.size === 0 ? !/(?:^|\.)write$/.test(call.callee) : archives.has(call.callee.split('.')[0]!)))) ||
      unit.commands.some((command) => (command.name === 'tar' && /^\s*-?[A-Za-z]*c[A-Za-z]*\s/.test(command.text.replace(/^\S+/, ''))) || /^(?:zip|7z|Compress-Archive)$/i.test(command.name));
    if (globbed && (encoded || archived)) flow.strongSources.push(place(globbed.line, `${globbed.text} (the files this list finds are read and ${encoded ? 'encoded' : 'archived'})`));
  }
  if (!isMarkdownBlock && unit.language !== 'shell') {
    for (const { index, names } of secretsReadFromList(source)) flow.strongSources.push(place(unit.lineOffset + source.slice(0, index).split('\n').length, `${names.join(', ')} read by name from a list`));
    // Names and paths the program spells backwards and reverses at run time (`['YEK_TERCES_EPIRTS'].map(r)`, `r('vne.')`), read
    // by name from the environment or as files: what they spell is what it takes.
    const reversed = reversedByHelper(source).filter((entry) => (/^[A-Z][A-Z0-9_]+$/.test(entry.text) && SECRET_ENV_NAME.test(entry.text)) || SENSITIVE_FILE.test(entry.text) || DOTENV_FILE.test(` ${entry.text}`));
    if (reversed.length > 0 && (COMPUTED_ENV_READ.test(source) || unit.calls.some((call) => FILE_CONTENT_READ.test(call.callee)))) flow.strongSources.push(place(unit.lineOffset + source.slice(0, reversed[0]!.index).split('\n').length, `${reversed.map((entry) => entry.text).join(', ')} (spelt backwards and reversed at run time)`));
  }
  // Browser code that gathers what a page's form holds (every input's value, `new FormData(form)`) on a page that asks for
  // card numbers or passwords, in a program that names an outside address: what the customer types goes there (a skimmer).
  if (!isMarkdownBlock && unit.language === 'javascript' && FORM_VALUES.test(source) && PAYMENT_OR_PASSWORD_FIELD.test(source + '\n' + (formPages ?? '')) && sendsToOutsideAddress(source)) {
    const at = FORM_VALUES.exec(source)!;
    flow.strongSources.push(place(unit.lineOffset + source.slice(0, at.index).split('\n').length, `${at[0].trim()} (the values typed into the page's form, card or password fields among them)`));
  }
  // An account's OAuth refresh token put in a request's data as a value the program holds (`{"refresh_token": saved["refresh_token"]}`):
  // the account's lasting access, whoever it is posted to unless that is its identity provider.
  if (!isMarkdownBlock && unit.language !== 'shell') {
    const field = REFRESH_TOKEN_FIELD.exec(source);
    // Beside `grant_type: refresh_token` it is being redeemed for a new access token, at whichever host issued it.
    const redeemed = field !== null && REFRESH_GRANT.test(source.slice(Math.max(0, field.index - 300), field.index + 300));
    if (field && !redeemed) flow.strongSources.push(place(unit.lineOffset + source.slice(0, field.index).split('\n').length, `${field[0].trim()} (an account's refresh token)`));
  }
  const constructed = isMarkdownBlock ? null : TELEMETRY_EXPORTER_NEW.exec(source);
  if (constructed) flow.sinks.push(place(unit.lineOffset + source.slice(0, constructed.index).split('\n').length, constructed[0]));
  // A synced folder the unit writes into carries files off the machine without a socket.
  // A folder name the program only compares against (a `case` arm `*Dropbox*|*"iCloud Drive"*)`, `== *OneDrive*`, `"Dropbox" in dest`,
  // `dest.includes("Google Drive")`) is a check on where it writes, often to refuse that place, not a place it writes to.
  const syncedFolder = unit.strings.find((string) => {
    if (!SYNCED_FOLDER.test(string.text)) return false;
    const line = (sourceLines ??= source.split('\n'))[string.line - 1 - unit.lineOffset] ?? '';
    return !COMPARED_ONLY.test(line) || COPIES_ON_LINE.test(line);
  });
  if (syncedFolder && !isMarkdownBlock && (unit.writes.length > 0 || unit.calls.some((call) => FILE_WRITE.test(call.callee)) || unit.commands.some((command) => FILE_WRITE.test(command.name)))) {
    flow.sinks.push({ ...place(syncedFolder.line, `writes into ${syncedFolder.text}`), synced: true });
  }
  for (const module of unit.imports) flow.mentions.add(`${module.split('.').pop()}.py`).add(`${module.replace(/^\.\//, '').split('/').pop()}`);
  // A mail client the program drives (Outlook over COM, .NET's SMTP client): its items' `Send()` sends mail out.
  const mailClient = MAIL_CLIENT.test(source);
  const httpContext = /\bstream_context_create\s*\(/.test(source) && /["']https?["']\s*=>/.test(source);
  for (const call of unit.calls) {
    const line = call.text.split('\n')[0];
    if ((mailClient && MAIL_ITEM_SEND.test(call.callee)) || APPS_SCRIPT_MAIL.test(call.callee) || NETWORK_SINK_CALL.test(call.callee) || URL_OPENING_CALL.test(call.text) || (httpContext && CONTEXT_OPENING_CALL.test(call.text)) || DNS_SINK.test(call.callee) || TELEMETRY_EXPORTER.test(call.callee) || (NETWORK_SINK_COMMAND.test(call.callee) && !localOpenssl(call.callee, call.text))) flow.sinks.push({ ...place(call.line, line), ...(fetchOnly(call.text) ? { fetchOnly: true } : {}), ...(!isMarkdownBlock && readsPackageIndex(call.text, source) ? { registryRead: true } : {}) });
    if (WHOLE_ENVIRONMENT.test(call.text)) flow.strongSources.push(place(call.line, line));
    if (APPS_SCRIPT_TOKEN.test(call.callee) && !googleTokenUsedWithGoogle(unit, source, call.line)) flow.strongSources.push(place(call.line, `${line.trim()} (the user's live Google token)`));
    // A browser extension's own reach into the user's sessions: every cookie, the history, request headers.
    if (EXTENSION_SESSION_API.test(call.callee)) flow.strongSources.push(place(call.line, line));
  }
  // A shell list of home-folder credential locations by bare name (`for p in .ssh .aws .git-credentials …`
  // after `cd "$HOME"`): two or more of them are a collection of credentials, whatever command uses them.
  if (unit.language === 'shell' && !isMarkdownBlock) {
    const named = unit.strings.filter((string) => bareCredentialName(string.text.trim()));
    if (new Set(named.map((string) => string.text.trim())).size >= 2) flow.strongSources.push(place(named[0].line, named.map((string) => string.text.trim()).join(' ')));
  }
  // An artifact pushed to a registry (`helm push`, `docker push`, `oras push`) by code that also packs data into
  // it (encodes or compresses a blob, writes an annotation or a label): what it packs is published with the
  // artifact. Pushing alone is a deploy step; packing a credential file into what is pushed is not.
  const push = [...unit.calls.map((call) => ({ line: call.line, text: call.text })), ...unit.commands.map((command) => ({ line: command.line, text: command.text }))].filter((entry) => REGISTRY_PUSH_CODE.test(entry.text)).sort((a, b) => a.text.length - b.text.length)[0];
  flow.packs = !isMarkdownBlock && [ENCODES_BLOB, ARTIFACT_METADATA].every((pattern) => [...unit.calls.map((call) => call.text), ...unit.commands.map((command) => command.text), ...unit.strings.map((string) => string.text)].some((text) => pattern.test(text)));
  if (push && !isMarkdownBlock) flow.pushes.push(place(push.line, `${push.text.split('\n')[0]} (pushes an artifact it packs data into)`));
  if (push && flow.packs) flow.sinks.push(flow.pushes[0]!);
  // A program that runs `git push` to a remote other than origin or upstream, while the file names a hidden ref
  // (`refs/snapshots/…`, not a branch or a tag) or a repository URL: what it commits leaves with the push.
  // Also a push written as one command line (`subprocess.run(f"git push {cfg['url']} …", shell=True)`), or as an argument list
  // built first (`args = ["push", cfg.url, …]` then `execFileSync("git", args)`). A remote named origin or upstream is the user's,
  // unless the program itself points its push address elsewhere (`git remote set-url --push origin …`).
  const originMoved = /["'`]set-url["'`]\s*,\s*["'`]--push["'`]|\bset-url\s+--push\b|\bremote\.origin\.pushurl\b/.test(source);
  const ownRemote = (text: string) => !originMoved && /["'`](?:origin|upstream)["'`]|\bpush\s+(?:-\S+\s+)*(?:origin|upstream)\b/.test(text);
  const builtArgs = /\[\s*["'`]push["'`]\s*,[^\]\n]*\]/.exec(source);
  const pushCall = unit.calls.find((call) => (GIT_PUSH_CALL.test(call.text) || GIT_PUSH_LINE.test(call.text) || (builtArgs !== null && /["'`]git["'`]\s*,\s*[A-Za-z_$]/.test(call.text))) && !ownRemote(call.text) && !(builtArgs !== null && !GIT_PUSH_CALL.test(call.text) && !GIT_PUSH_LINE.test(call.text) && ownRemote(builtArgs[0])));
  if (pushCall && !isMarkdownBlock && (HIDDEN_REF.test(source) || REPOSITORY_URL.test(source))) flow.sinks.push(place(pushCall.line, `${pushCall.text.split('\n')[0]} (pushes to another remote)`));
  else if (pushCall && !isMarkdownBlock) flow.foreignPush = place(pushCall.line, pushCall.text.split('\n')[0]!);
  // A shell push to a remote the same script adds (`git remote add offsite "$OFFSITE_URL"` with `OFFSITE_URL="${OFFSITE_URL:-https://…}"`,
  // then `git push --force offsite restore-kit`): the branch goes to that address.
  if (unit.language === 'shell' && !isMarkdownBlock) {
    for (const added of unit.commands.map((command) => /\bgit\s+remote\s+add\s+(?:-\S+\s+)*([\w.-]+)\s+["']?([^\s"']+)/.exec(command.text)).filter((match) => match !== null)) {
      const [, name, target] = added;
      const variable = /^\$\{?(\w+)/.exec(target!)?.[1];
      // The address may be the default written in place (`"${VAULT_URL:-https://…}"`) or where the variable is set.
      const inline = /^\$\{\w+:?-((?:https?|ssh|git):\/\/[^\s"'}]+|git@[^\s"'}]+)/.exec(target!)?.[1];
      const address = inline ?? (variable === undefined ? target! : new RegExp(`\\b${variable}=["']?(?:\\$\\{${variable}:?-)?((?:https?|ssh|git)://[^\\s"'}]+|git@[^\\s"'}]+)`).exec(source)?.[1]);
      if (address === undefined || !/^(?:https?|ssh|git):\/\/|^git@/.test(address)) continue;
      const push = unit.commands.find((command) => new RegExp(`\\bgit\\s+push\\s+(?:-\\S+\\s+)*${name!.replace(/[.]/g, '\\.')}\\b`).test(command.text));
      if (push) flow.sinks.push(place(push.line, `${push.text.split('\n')[0]} (pushes to ${address})`));
    }
  }
  // A network API reached by name (`getattr(importlib.import_module("url" + "lib.request"), "url" + "open")`):
  // the dynamic lookup of a sending function is a sink like calling it.
  const dynamic = unit.calls.find((call) => /^(?:getattr|importlib\.import_module|import_module|__import__|Reflect\.get|require|(?:\w+\.)?const_get|(?:\w+\.)?public_send|(?:\w+\.)?__send__)$/.test(call.callee));
  if (dynamic && unit.strings.some((string) => DYNAMIC_NETWORK_NAME.test(string.text.trim()))) flow.sinks.push(place(dynamic.line, dynamic.text.split('\n')[0]));
  // Sweeping the environment for every secret-looking name: `{k: v for k, v in os.environ.items() if "TOKEN" in k}`.
  const sweep = unit.calls.find((call) => ENVIRONMENT_SWEEP.test(call.callee) && /\b(?:os\.environ|environ|process\.env)\b/.test(call.text));
  if (sweep && !isMarkdownBlock) {
    // Names listed one by one (`"TOKEN" in k`) or as one pattern (`re.search(r"KEY|TOKEN|SECRET", k)`).
    // A regular-expression literal of the statement (`.filter(([k]) => /TOKEN|SECRET|KEY/.test(k))`) names them as a string would.
    const around = source.split('\n').slice(Math.max(0, sweep.line - unit.lineOffset - 2), sweep.line - unit.lineOffset + 3).join('\n');
    const literals = [...around.matchAll(/(?<![\w)\]])\/((?:\\.|[^/\n\\]){2,120}\|(?:\\.|[^/\n\\]){1,120})\/[dgimsuy]*/g)].map((match) => ({ text: match[1]! }));
    const words = [...unit.strings, ...unit.needles, ...literals].flatMap((string) => (/^[\w|()^$?:.*\\ -]{1,120}$/.test(string.text) ? string.text.replace(/\(\?[:i]*\)?|[()^$?*]|\\[bw]/g, '').split(/[|\s.]+/) : [string.text]));
    // A prefix to match (`"AIRFLOW_CONN_"`, `"AIRFLOW__WEBSERVER__SECRET"`) names secrets by its parts too.
    const fragments = new Set(words.flatMap((text) => (SECRET_NAME_FRAGMENT.test(text) ? [text.toUpperCase()] : text.split(/_+/).filter((part) => SECRET_NAME_PART.test(part)).map((part) => part.toUpperCase()))));
    if (fragments.size >= 2) flow.strongSources.push(place(sweep.line, `${sweep.text.split('\n')[0]} filtered on ${[...fragments].join(', ')}`));
    // Every variable copied into data, keeping all but a few names left out (`{k: v for k, v in
    // os.environ.items() if not k.startswith("LS_")}`, `Object.fromEntries(Object.entries(process.env))`):
    // the whole environment, whatever the few it drops.
    else {
      const statement = source.split('\n').slice(Math.max(0, sweep.line - 2), sweep.line + 1).join('\n');
      const copied = COPIES_WHOLE_ENVIRONMENT.exec(statement);
      if (copied && !onlyChildEnvironment(copied[0], statement, source)) flow.strongSources.push(place(sweep.line, copied[0]));
    }
  }
  // A loop that copies every variable into a record, in any of its forms (see environmentLoopCopy).
  const loopCopy = isMarkdownBlock || !/process\.env|environ\b/.test(source) ? undefined : environmentLoopCopy(source);
  if (loopCopy && !flow.strongSources.some((known) => known.line === unit.lineOffset + source.slice(0, loopCopy.index).split('\n').length) && !onlyChildEnvironment(loopCopy.text, loopCopy.text, source, loopCopy.target)) flow.strongSources.push(place(unit.lineOffset + source.slice(0, loopCopy.index).split('\n').length, loopCopy.text));
  // The whole environment copied as one value of a mapping (`{"env": dict(os.environ), …}`): data that holds every variable, unless only handed to a child process.
  const keyedEnvironment = ENVIRONMENT_AS_VALUE.exec(source);
  if (keyedEnvironment && !onlyChildEnvironment(keyedEnvironment[0], source.slice(source.lastIndexOf('\n', keyedEnvironment.index) + 1, source.indexOf('\n', keyedEnvironment.index) === -1 ? source.length : source.indexOf('\n', keyedEnvironment.index)), source)) flow.strongSources.push(place(unit.lineOffset + source.slice(0, keyedEnvironment.index).split('\n').length, keyedEnvironment[0]));
  // Every variable copied by its names rather than as pairs (`{k: os.environ[k] for k in keys}` with `keys` taken from the environment).
  const byName = sweep || isMarkdownBlock ? null : ENVIRONMENT_BY_NAME.exec(source);
  const byNameStatement = byName ? source.slice(source.lastIndexOf('\n', byName.index) + 1, byName.index + byName[0].length) : '';
  if (byName && (byName[2] === undefined || namesOfEnvironment(byName[2], source)) && !onlyChildEnvironment(byName[0], byNameStatement, source)) flow.strongSources.push(place(unit.lineOffset + source.slice(0, byName.index).split('\n').length, byName[0].split('\n')[0]!));
  // The environments of the containers on the machine, read through the container engine's socket or API (`Config.Env`
  // of each `docker inspect`): every container's passwords and tokens, taken together.
  if (!isMarkdownBlock && CONTAINER_ENGINE.test(source)) {
    const lines = source.split('\n');
    const at = lines.findIndex((line) => CONTAINER_ENVIRONMENT.test(line));
    if (at >= 0) flow.strongSources.push(place(at + 1 + unit.lineOffset, `${lines[at]!.trim().slice(0, 120)} (the environment of the machine's containers)`));
  }
  // A document the program writes that fetches an address whenever it is opened (an Office file's external template or
  // relationship, `TargetMode="External"`): opening it sends what the address carries.
  if (!isMarkdownBlock && DOCUMENT_CALLS_HOME.test(source)) {
    const lines = source.split('\n');
    const at = lines.findIndex((line) => DOCUMENT_CALLS_HOME.test(line));
    if (at >= 0) flow.sinks.push(place(at + 1 + unit.lineOffset, lines[at]!.trim()));
  }
  for (const command of unit.commands) {
    // A plain assignment (`SUSPECT='curl |/dev/tcp/'`) stores text, often patterns to look for; it sends nothing.
    if (/^[A-Za-z_]\w*=/.test(command.text.trim()) && !/\$\(|`/.test(command.text)) continue;
    const name = command.name || (command.text.trim().split(/\s+/)[0] ?? '');
    // A command that publishes on a code forge (`gh gist create`, `gh release upload`) carries what it is given off the machine like an upload.
    if ((NETWORK_SINK_COMMAND.test(name) && !localOpenssl(name, command.text)) || DNS_SINK.test(name) || /[<>]&?\s*\/dev\/(?:tcp|udp)\//.test(command.text) || GIT_PUSH_TO_URL.test(command.text) || FORGE_SINK.test(command.text)) flow.sinks.push({ ...place(command.line, command.text), ...(fetchOnly(command.text) ? { fetchOnly: true } : {}) });
    const commandSource = sourceIn(withoutPrintedText(command.text), command.name || undefined) && !readsOwnCredential(command.name, command.text);
    if (commandSource && !isMarkdownBlock) flow.strongSources.push(place(command.line, command.text));
    // A program that prints a login (`kubectl config view --raw`, `gh auth token`) with its output kept in a
    // file (`> "$work/context.yaml"`, `| tee …`): the file holds the credential like one read from disk.
    // (A value the program fills in, shown as `<os.getenv("USER")>`, is no redirection.)
    if (!isMarkdownBlock && CREDENTIAL_GETTER.test(command.text) && PRINTED_INTO_FILE.test(command.text.replace(/<[^<>\n]*>/g, ' '))) flow.strongSources.push(place(command.line, command.text));
    if (WHOLE_ENVIRONMENT.test(command.text) && /\|/.test(command.text)) flow.strongSources.push(place(command.line, command.text));
    for (const word of command.text.match(/(?<![\w.-])[\w.-]{1,255}\.(?:py|js|mjs|cjs|ts|sh|bash)\b|\/tmp\/[\w./-]+/g) ?? []) flow.mentions.add(word.split('/').pop() ?? word);
    // One command line (pipeline) holding both: `cat ~/.aws/credentials | curl -d @- …`, or a sink whose
    // argument substitutes the file in: `curl -H "X-Id: $(base64 ~/.aws/credentials)" …` (not an auth header).
    const substitutes = command.name !== '' && /\$\(|`/.test(command.text) && !/\bAuthorization:\s*(?:Bearer|token|Basic)\s+["']?\$\(/i.test(command.text);
    if ((!command.name || substitutes) && (SENSITIVE_FILE.test(command.text) || WHOLE_ENVIRONMENT.test(command.text))) {
      const parts = command.text.split(/\||;|&&|\$\(|`/);
      const hasSource = parts.some((part) => {
        const partName = part.trim().split(/\s+/)[0] ?? '';
        return sourceIn(part, partName) || WHOLE_ENVIRONMENT.test(part.trim());
      });
      const hasSink = parts.some((part) => {
        const partName = part.trim().split(/\s+/)[0] ?? '';
        return (NETWORK_SINK_COMMAND.test(partName) && !localOpenssl(partName, part)) || DNS_SINK.test(partName);
      }) || /[<>]&?\s*\/dev\/(?:tcp|udp)\//.test(command.text);
      if (hasSource && hasSink && !fileToItsOwner(command.text)) flow.sameCommand.push({ source: place(command.line, command.text), sink: place(command.line, command.text) });
    }
    // curl -F "file=@~/.ssh/id_rsa" / --data-binary @~/.aws/credentials
    if (/^(?:curl|wget)$/.test(name) && /(?:-F|--form|-d|--data(?:-binary|-raw|-urlencode)?|-T|--upload-file|--post-file|--body-file)[=\s]+["']?[^"'\s]*@?[^"'\s]*/.test(command.text)) {
      if ((SENSITIVE_FILE.test(command.text) && !fileToItsOwner(command.text)) || DOTENV_FILE.test(command.text)) flow.sameCommand.push({ source: place(command.line, command.text), sink: place(command.line, command.text) });
    }
    // The value of a `"$schema"` key in a payload it builds (`"$schema":"http://adaptivecards.io/schemas/adaptive-card.json"`) names a format, not a place.
    for (const { url, host, index } of urlHosts(command.text)) if (isExfiltrationEndpoint(url, host) && !SCHEMA_KEY_BEFORE.test(command.text.slice(Math.max(0, index - 24), index))) flow.exfilEndpoints.push(place(command.line, url));
  }
  // A minted key is followed line by line through the names and files it lands in, to a line that sends (see
  // mintReachesSend); where it goes is judged in decide. Parsed code too: a helper that runs the CLI
  // (`npm(["token", "create", "--json"])`) hides the command from the parse, not from its arguments.
  if (!isMarkdownBlock && source !== '') {
    // Each call that mints, the innermost first (an outer call's text holds the inner one's, from an earlier line).
    const mints = [...unit.calls.map((call) => ({ line: call.line, text: call.text })), ...unit.commands.map((command) => ({ line: command.line, text: command.text }))].filter((entry) => CREDENTIAL_MINT.test(entry.text)).sort((a, b) => a.text.length - b.text.length);
    const mint = mints.find((entry) => mintReachesSend(source, entry.line));
    if (mint) flow.minted.push(place(mint.line, mint.text.split('\n')[0]));
  }
  // Code read lexically (no parser for its language) cannot tell a token in an auth header from one in a
  // body: only stored credentials count as its sources there.
  if (!isMarkdownBlock && unit.language !== 'text') {
    for (const read of unit.envReads) if (SECRET_ENV_NAME.test(read.name)) flow.softSources.push(place(read.line, read.name));
  }
  // The screen, clipboard or keystrokes captured over and over in a script that also sends: the user watched.
  const texts = [...unit.calls.map((call) => ({ line: call.line, text: `${call.callee} ${call.text}` })), ...unit.commands.map((command) => ({ line: command.line, text: command.text }))];
  const capture = texts.find((entry) => CAPTURE.test(entry.text) && capturedRepeatedly(source, entry.line - unit.lineOffset));
  if (capture && !isMarkdownBlock) flow.captures.push(place(capture.line, capture.text.split('\n')[0]));
  // A stored credential (SDK chain, `gh auth token`, a key file) placed in the body of a request, not in its auth header.
  const names = [...unit.credentialNames];
  // A keyword argument's name (`data=chunk`) is not the variable `data`: only its value counts.
  const inBody = (text: string, shell: boolean): boolean => {
    const body = shell
      ? text.replace(/(?:-H|--header)\s+(?:"[^"]*"|'[^']*'|\S+)/g, ' ')
      : text.replace(HEADER_ARGUMENT, ' ').replace(/["']?(?:Authorization|X-Api-Key)["']?\s*:\s*[^,}]+/gi, ' ').replace(/(?<![\w.$])[A-Za-z_]\w*\s*=(?![=>])/g, ' ');
    return (
      CREDENTIAL_GETTER.test(body) ||
      names.some((name) => (shell ? new RegExp(`\\$\\{?${name}\\b`) : new RegExp(`\\b${name}\\b`)).test(body) && !(!shell && requestWithKeyInHeader(name)))
    );
  };
  // A request object built on an earlier line with the credential only in its headers (`req = Request(api, headers={"Authorization":
  // f"Bearer {tok}"})`, then `urlopen(req)`): sending it uses the key, it does not carry it.
  const requestWithKeyInHeader = (name: string): boolean => {
    const built = new RegExp(`^\\s*${escapeRegExp(name)}\\s*=\\s*(?:urllib\\.request\\.)?(?:Request|requests\\.Request|httpx\\.Request)\\s*\\(([^\\n]*)\\)\\s*$`, 'm').exec(source);
    if (!built) return false;
    const rest = built[1]!.replace(HEADER_ARGUMENT, ' ');
    return !names.some((other) => other !== name && new RegExp(`\\b${other}\\b`).test(rest)) && !CREDENTIAL_GETTER.test(rest);
  };
  // The request goes only to the service whose credential file the unit reads (kaggle.json to www.kaggle.com): used, not moved.
  const readFiles = unit.strings.filter((string) => SENSITIVE_FILE.test(string.text)).map((string) => place(string.line, string.text));
  const toOwner = (text: string): boolean => {
    // The address a call is given by a constant (`requests.post(TOKEN_URL, …)` with `TOKEN_URL = "https://oauth2.googleapis.com/token"`) is that constant's.
    const constant = /^[^(]*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/.exec(text)?.[1];
    const hosts = urlHosts(`${text} ${constant === undefined ? '' : constantAddress(source, constant)}`).map((entry) => entry.host.replace(/:\d+$/, ''));
    return readFiles.length > 0 && readFiles.every((file) => toOwnService(file, hosts));
  };
  for (const call of unit.calls) {
    if (NETWORK_SINK_CALL.test(call.callee) && inBody(call.text.replace(/^[^(]*\(/, ''), false) && !toOwner(call.text)) {
      flow.sameCommand.push({ source: place(call.line, call.text.split('\n')[0]), sink: place(call.line, call.text.split('\n')[0]) });
    }
  }
  for (const command of unit.commands) {
    if (/^(?:curl|wget|nc|ncat|http|xh)$/.test(command.name) && inBody(command.text, true) && !tokenToIssuer(command.text)) {
      flow.sameCommand.push({ source: place(command.line, command.text), sink: place(command.line, command.text) });
    }
  }
  const server = isMarkdownBlock || unit.language === 'shell' ? undefined : agentServerHeaders(unit, source);
  if (server) flow.sameCommand.push(server);
  // A file the deployed site serves (a `_headers` or `_redirects` file, one under the publish folder), written by a program
  // that packs a stored credential it has just read (base64, gzip, at most 20 lines after the read): the packed bytes are
  // published to anyone who fetches the site. Packing that comes before any read (a CSP hash) packs something else.
  if (!isMarkdownBlock && flow.strongSources.length > 0 && ENCODES_BLOB.test(source)) {
    const lines = source.split('\n');
    const packed = lines.findIndex((line, index) => ENCODES_BLOB.test(line) && flow.strongSources.some((read) => read.line - unit.lineOffset <= index + 1 && index + 1 - (read.line - unit.lineOffset) <= 20));
    const published = packed < 0 ? undefined : unit.calls.find((call) => FILE_WRITE.test(call.callee) && PUBLISHED_OUTPUT.test(call.text));
    if (published) flow.sinks.push({ ...place(published.line, published.text.split('\n')[0]!), published: true });
  }
  // A program whose only stored credential is a kubeconfig, sending only to the API server that kubeconfig names (the
  // request's address built from the file's `server` field): the cluster's own login used at the cluster.
  if (!isMarkdownBlock && flow.strongSources.length > 0 && flow.strongSources.every((read) => KUBECONFIG.test(read.evidence))) {
    flow.sinks = flow.sinks.filter((sink) => !addressFromServerField(sink.evidence, source));
    flow.sameCommand = flow.sameCommand.filter((pair) => !addressFromServerField(pair.sink.evidence, source));
  }
  return flow;
}

/**
 * A call's first argument followed through up to three plain bindings (`urlopen(req)` ← `req = Request(url, …)` ← `url = f"https://…"`):
 * the call and the bindings' text, and the last expression reached.
 */
function followedAddress(callText: string, source: string): { text: string; expression: string } {
  let text = callText;
  let expression = callText;
  for (let depth = 0; depth < 3; depth += 1) {
    const name = /^[^(]*\(\s*(?:(?:\w+\.)*Request\(\s*)?([A-Za-z_]\w*)\s*[,)]/.exec(expression)?.[1];
    const bound = name === undefined ? undefined : new RegExp(`^\\s*${name}\\s*=\\s*([^\\n]*(?:\\n[ \\t]+[^\\n]*){0,2})`, 'm').exec(source)?.[1];
    if (bound === undefined) break;
    text += `\n${bound}`;
    expression = bound;
  }
  return { text, expression };
}

/** A kubeconfig, by path or by its variable. */
const KUBECONFIG = /\.kube\/config\b|\bKUBECONFIG\b/;

/**
 * Whether a request's address is the `server` field of parsed cluster settings (`urlopen(req)` ← `req = Request(f"{cluster['server']}/api/…")`),
 * followed through up to three plain bindings, with no other address written in.
 */
function addressFromServerField(callText: string, source: string): boolean {
  const { text } = followedAddress(callText, source);
  // The field is read from a cluster entry of the kubeconfig (`cluster = next(c["cluster"] for c in cfg["clusters"] …)`), not from settings of the skill's.
  const holder = /([A-Za-z_]\w*)(?:\[\s*["']server["']\s*\]|\.server\b)/.exec(text)?.[1];
  if (holder === undefined || urlHosts(text).length > 0) return false;
  const bound = new RegExp(`^\\s*${holder}\\s*=([^\\n]*)`, 'm').exec(source)?.[1] ?? '';
  return /\bclusters?\b/.test(bound);
}

/**
 * The address a name holds when it is a constant: assigned once in the file, with `const` or in upper case. A name
 * reassigned or shadowed later may hold another address when the call runs. '' when it holds none.
 */
function constantAddress(source: string, name: string): string {
  const escaped = name.replace(/\$/g, '\\$');
  if ((source.match(new RegExp(`(?<![\\w.$])${escaped}\\s*=(?!=)`, 'g')) ?? []).length !== 1) return '';
  if (!/^[A-Z][A-Z0-9_]*$/.test(name) && !new RegExp(`^\\s*(?:export\\s+)?const\\s+${escaped}\\s*=`, 'm').test(source)) return '';
  return new RegExp(`(?:^|\\n)\\s*(?:export\\s+)?(?:const\\s+|final\\s+)?${escaped}\\s*=\\s*(?:[\\w.]+\\s*(?:\\|\\||\\?\\?|or)\\s*)?["'\`](https?:\\/\\/[^"'\`\\s]+)`).exec(source)?.[1] ?? '';
}

/** A request or connection bound to a name (`const req = https.request(url, …)`, `const ws = new WebSocket(url)`): the name and the call's line. */
const BOUND_REQUEST = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:(?:https?|http2|net|tls)\.(?:request|connect|createConnection)|new\s+WebSocket)\s*\(/g;

/**
 * What a program writes into a request it opened earlier (`req.write(body)`, `req.end(payload)`, `ws.send(data)`): each write
 * is a send to the request's address, read together with the call that opened it.
 */
function boundRequestWrites(unit: CodeFacts, source: string): { line: number; text: string; shell: boolean }[] {
  if (source === '' || !/\.(?:request|connect|createConnection)\s*\(|\bnew\s+WebSocket\s*\(/.test(source)) return [];
  const out: { line: number; text: string; shell: boolean }[] = [];
  for (const bound of source.matchAll(BOUND_REQUEST)) {
    const line = unit.lineOffset + source.slice(0, bound.index).split('\n').length;
    const opened = unit.calls.find((call) => call.line === line && /^(?:(?:https?|http2|net|tls)\.(?:request|connect|createConnection)|WebSocket|new WebSocket)$/.test(call.callee));
    if (opened === undefined) continue;
    for (const call of unit.calls) if (call.line >= line && (call.callee === `${bound[1]}.write` || call.callee === `${bound[1]}.end` || call.callee === `${bound[1]}.send`) && call.text.includes('(') && !/\(\s*\)\s*;?$/.test(call.text.trim())) out.push({ line: call.line, text: `${opened.text}\n${call.text}`, shell: false });
  }
  return out;
}

/**
 * A secret environment variable (read directly, or through names built from it) placed in the data, URL
 * or query of a request to a host it does not belong to and the entry does not declare. The host's name
 * says nothing about intent: `.invalid`, `example.com` and documentation addresses are destinations too.
 */
function secretToHost(unit: CodeFacts, declared: Capabilities | undefined, isMarkdownBlock: boolean, source = '', configured: ReadonlyMap<string, string[]> = new Map()): { place: Place; variable: string; host: string; declaredHost: boolean; header?: boolean } | undefined {
  if (isMarkdownBlock) return undefined;
  const unitHosts = unit.strings.filter((string) => !SCHEMA_URL.test(string.text)).flatMap((string) => urlHosts(string.text).map((entry) => entry.host.replace(/:\d+$/, ''))).filter((host) => !isLocalHost(host));
  const sends: { line: number; text: string; shell: boolean; carries?: ReadonlySet<string> }[] = [
    ...unit.calls.filter((call) => NETWORK_SINK_CALL.test(call.callee)).map((call) => ({ line: call.line, text: call.text, shell: false })),
    ...unit.commands.filter((command) => /^(?:curl|wget|http|https|xh|nc|ncat)$/.test(command.name)).map((command) => ({ line: command.line, text: command.text, shell: true })),
    ...(unit.language === 'text' ? lexicalSends(unit, source) : []),
    ...(unit.language === 'javascript' ? boundRequestWrites(unit, source) : []),
  ];
  // A known service's key put into an auth header by a program read lexically (`req.Header.Set("Authorization", "Bearer
  // "+os.Getenv("GITHUB_TOKEN"))`, `@{ Authorization = "Bearer $env:GITHUB_TOKEN" }`) that sends, where no address the program
  // names is that service's: the header hands the key to them.
  if (unit.language === 'text' && source !== '' && unitHosts.length > 0 && source.split('\n').some((line) => LEXICAL_SENDS.test(line))) {
    const lines = source.split('\n');
    for (const read of unit.envReads) {
      if (!vendorKey(read.name) || unitHosts.some((host) => secretBelongsTo(read.name, host))) continue;
      const line = lines[read.line - 1 - unit.lineOffset] ?? '';
      if ([...line.matchAll(LEXICAL_AUTH)].some((auth) => auth[0].includes(read.name))) return { place: { file: unit.file, line: read.line, evidence: trim(line.trim()) }, variable: read.name, host: unitHosts[0]!, declaredHost: declared !== undefined && hostAllowed(unitHosts[0]!, declared.network), header: true };
    }
  }
  for (const send of sends) {
    if (send.carries !== undefined) {
      // A mail server written as `host:port` (`smtp.SendMail("mx.example:25", …)`) is where the data goes, though no URL names it.
      const mailServer = [...send.text.matchAll(/["'`]([a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}["'`]/gi)].map((match) => match[1]!.toLowerCase());
      const hosts = [...urlHosts(send.text).map((entry) => entry.host.replace(/:\d+$/, '')), ...mailServer].filter((host) => !isLocalHost(host));
      for (const variable of send.carries) {
        const homeKnown = unitHosts.some((host) => secretBelongsTo(variable, host));
        for (const host of hosts.length > 0 ? hosts : unitHosts) {
          // A key of a service the data does not know, sent by a program that talks to that one host only, whose name
          // starts with the key's service word (`OPENWEATHER_API_KEY` in the query to api.openweathermap.org): its own service.
          // A label that adds more than a short suffix (`notion-rehost`, `notionmirror`) is someone else's name built on the service's.
          const word = secretOwnerWord(variable)?.toLowerCase();
          const namedHome = word !== undefined && word.length >= 5 && unitHosts.every((other) => other === host) && host.split('.').some((label) => label.startsWith(word) && /^[a-z0-9]{0,3}$/.test(label.slice(word.length)));
          if (secretBelongsTo(variable, host) || namedHome) continue;
          const declaredHost = declared !== undefined && hostAllowed(host, declared.network);
          if (declaredHost && declared!.env.includes(variable) && !homeKnown) continue;
          return { place: { file: unit.file, line: send.line, evidence: trim(send.text.split('\n')[0]!) }, variable, host, declaredHost };
        }
      }
      continue;
    }
    // The first argument of a call is where the request goes (`fetch(url, …)` with a webhook URL the
    // user configured): not data in it.
    // So is the address of a request object built inside the call (`urlopen(Request(url, body, headers))`, `fetch(new Request(url, …))`),
    // unless a secret other than an address was built into it (`check = f"https://…?k={token}"`).
    const body = withoutAuth(send.shell ? send.text : send.text.replace(/^([^(]*\(\s*)(?:[\w.$]+|(?:process\.env|os\.environ)(?:\.\w+|\[[^\]]*\]))\s*(?:,|\))/, '$1').replace(/\bRequest\(\s*([\w.$]+)\s*(?=[,)])/g, (whole, name: string) => (ADDRESS_VARIABLE.test(unit.secretNames.get(name) ?? 'URL') ? 'Request(' : whole)), send.shell);
    const variables = new Set<string>();
    for (const match of body.matchAll(send.shell ? /\$\{?([A-Za-z_][A-Za-z0-9_]*)(\[[@*]\])?/g : new RegExp(SECRET_ENV_READ.source, 'g'))) {
      const name = match[1] ?? match[2] ?? match[3];
      // In a shell script a lower-case name or an array (`"${auth[@]}"`, the script's own header list) is the
      // script's variable, not one from the environment; what it was built from is followed through secretNames.
      if (send.shell && (match[2] !== undefined || /^[a-z][a-z0-9_]*$/.test(name ?? ''))) continue;
      if (name && SECRET_ENV_NAME.test(name)) variables.add(name);
    }
    // A request's headers handed over by name (`Request(url, body, headers)`) authenticate it, as `headers=` does.
    for (const [known, variable] of unit.secretNames) if (!(!send.shell && /^(?:headers?|hdrs|auth_headers?|request_headers)$/i.test(known)) && new RegExp(send.shell ? `\\$\\{?${known}\\b` : `\\b${known}\\b`).test(body.replace(/^[^(]*\(/, ''))) variables.add(variable);
    // A known service's key in the request's own auth header (`headers={"X-Client-Token": TOKEN}` with TOKEN read from
    // GITHUB_TOKEN) authenticates only at that service: at a host that is not its own the header hands it over.
    const inHeader = new Set<string>();
    const whole = send.text.replace(/^[^(]*\(/, '');
    for (const match of send.text.matchAll(send.shell ? /\$\{?([A-Z][A-Z0-9_]*)/g : new RegExp(SECRET_ENV_READ.source, 'g'))) {
      const name = match[1] ?? match[2] ?? match[3];
      if (name && vendorKey(name) && !variables.has(name)) inHeader.add(name);
    }
    for (const [known, variable] of unit.secretNames) if (vendorKey(variable) && !variables.has(variable) && new RegExp(send.shell ? `\\$\\{?${known}\\b` : `\\b${known}\\b`).test(whole)) inHeader.add(variable);
    if (variables.size === 0 && inHeader.size === 0) continue;
    // The address a call builds from a constant (`fetch(\`${ES}?${q}\`)` with `const ES = "https://api.etherscan.io/…"`) is that constant's.
    const constant = send.shell ? undefined : /^[^(]*\(\s*(?:`\$\{\s*([A-Za-z_$][\w$]*)\s*\}|([A-Za-z_$][\w$]*)\s*[+,)])/.exec(send.text)?.slice(1).find((name) => name !== undefined);
    // An address the program reads from the skill's own configuration (`fetch(cfg.compat.endpoint, …)` with `"endpoint": "https://…"` in
    // `replay.config.json`) is that configured address.
    const member = send.shell ? undefined : /^[^(]*\(\s*[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*|\[\s*["'][\w-]+["']\s*\])*?(?:\??\.([A-Za-z_$][\w$]*)|\[\s*["']([\w-]+)["']\s*\])\s*[,)]/.exec(send.text);
    const configuredHosts = member === null || member === undefined ? [] : (configured.get((member[1] ?? member[2])!.toLowerCase()) ?? []);
    const callHosts = [...urlHosts(`${send.text} ${constant === undefined ? '' : constantAddress(source, constant)}`).map((entry) => entry.host.replace(/:\d+$/, '')), ...configuredHosts].filter((host) => !isLocalHost(host));
    const hosts = callHosts.length > 0 ? callHosts : unitHosts;
    // An address read from the service's own setting (`f"{API}/repos/…"` with `API = os.environ["GITHUB_API_URL"]`) is that
    // service's, wherever the user runs it: its key goes home.
    const addressSetting = callHosts.length > 0 ? undefined : addressFromEnvironment(send, source);
    const ownAddress = (variable: string) => addressSetting !== undefined && secretOwnerWord(addressSetting) !== undefined && secretOwnerWord(addressSetting) === secretOwnerWord(variable);
    for (const variable of [...inHeader].filter((name) => !ownAddress(name))) {
      const host = hosts.length > 0 && !hosts.some((candidate) => secretBelongsTo(variable, candidate)) ? hosts[0] : undefined;
      if (host !== undefined) return { place: { file: unit.file, line: send.line, evidence: trim(send.text.split('\n')[0]!) }, variable, host, declaredHost: declared !== undefined && hostAllowed(host, declared.network), header: true };
    }
    for (const variable of [...variables].filter((name) => !ownAddress(name))) {
      const undeclaredVariable = variable === 'the .env file' || (declared !== undefined && !declared.env.includes(variable));
      // A key whose own service the skill talks to (`STRIPE_SECRET_KEY` beside api.stripe.com) has a known home:
      // carried as data to another host, declared or not, it is moved, not used.
      const homeKnown = unitHosts.some((host) => secretBelongsTo(variable, host));
      for (const host of hosts) {
        if (secretBelongsTo(variable, host)) continue;
        // A known service's key (`SUPABASE_SERVICE_ROLE_KEY`, `STRIPE_SECRET_KEY`) at a host that is not that service's is handed over, declared or not.
        if (declared && !undeclaredVariable && !homeKnown && !vendorKey(variable) && hostAllowed(host, declared.network)) continue;
        return { place: { file: unit.file, line: send.line, evidence: trim(send.text.split('\n')[0]) }, variable, host, declaredHost: declared !== undefined && hostAllowed(host, declared.network) };
      }
    }
  }
  return undefined;
}

/** An address setting read from the environment (`GITHUB_API_URL`, `GITLAB_HOST`, `JIRA_BASE_URL`). */
const ADDRESS_SETTING = /^[A-Z][A-Z0-9_]*(?:URL|HOST|API|ENDPOINT|SERVER|BASE|ORIGIN|DOMAIN)$/;

/**
 * The environment variable a request's address starts from: `curl "$GITHUB_API_URL/…"`, `` fetch(`${process.env.GITHUB_API_URL}/…`) ``,
 * or a name bound to one (`requests.get(f"{API}/…")` with `API = os.environ["GITHUB_API_URL"]`).
 */
function addressFromEnvironment(send: { text: string; shell: boolean }, source: string): string | undefined {
  if (send.shell) {
    const setting = /["'\s]\$\{?([A-Z][A-Z0-9_]*)\}?\//.exec(send.text)?.[1];
    return setting !== undefined && ADDRESS_SETTING.test(setting) ? setting : undefined;
  }
  const start = /^[^(]*\(\s*(?:f?["'`]\$?\{\s*([^}\n]+?)\s*\}|([A-Za-z_$][\w$.]*(?:\[\s*["'][A-Z][A-Z0-9_]*["']\s*\])?)\s*[+,)])/.exec(send.text);
  const expression = start?.[1] ?? start?.[2];
  if (expression === undefined) return undefined;
  const read = (text: string) => /(?:environ(?:\.get)?\s*[[(]\s*|getenv\(\s*|process\.env\[\s*)["']([A-Z][A-Z0-9_]*)["']|process\.env\.([A-Z][A-Z0-9_]*)/.exec(text)?.slice(1).find((name) => name !== undefined);
  const bound = /^[A-Za-z_$][\w$]*$/.test(expression) ? (new RegExp(`(?:^|\\n)\\s*(?:(?:const|let|var)\\s+)?${expression.replace(/\$/g, '\\$')}\\s*=\\s*([^\\n]*)`).exec(source)?.[1] ?? '') : '';
  // A fallback address written beside the read (`os.environ.get("GITHUB_API_URL", "https://…")`, `|| "https://…"`) is where it goes when unset.
  if (/https?:\/\//.test(`${expression} ${bound}`)) return undefined;
  const setting = read(expression) ?? (bound === '' ? undefined : read(bound));
  return setting !== undefined && ADDRESS_SETTING.test(setting) ? setting : undefined;
}

/** A line that binds a name in the languages read lexically (`$body =`, `body :=`, `my $b =`, `$report.tokens[$v] =`): the name bound or filled. */
const LEXICAL_BINDING = /^\s*(?:(?:else\s+)?if\s+)?(?:(?:my|our|local|var|let|const|val|def|auto|final)\s+)?\$?([A-Za-z_]\w*)(?:(?:\.|->|::)[\w]+|\[[^\]\n]*\])*(?:\s*,\s*\$?[A-Za-z_]\w*)*\s*(?::=|\+=|\.=|=(?![=~>])|<-)/;
/** A line that goes on to the next: PowerShell's backtick, a backslash, a trailing comma, pipe or operator. */
const CONTINUED_LINE = /(?:`|\\|,|\||\+|\.)\s*$/;
/** A binding of a whole name (`$body =`, `token :=`), not of an element of it (`$report.tokens[$v] =`) nor an addition (`+=`). */
const WHOLE_NAME_BINDING = /^\s*(?:(?:else\s+)?if\s+)?(?:(?:my|our|local|var|let|const|val|def|auto|final)\s+)?\$?[A-Za-z_]\w*(?:\s*,\s*\$?[A-Za-z_]\w*)*\s*(?::=|=(?![=~>])|<-)/;
/** A value read from the environment by a name held in a variable (`[Environment]::GetEnvironmentVariable($v, 'User')`, `os.Getenv(name)`, `ENV[key]`). */
const ENV_READ_BY_NAME = /\b(?:GetEnvironmentVariable|getenv|Getenv|LookupEnv|env::var|System\.getenv)\s*\(\s*\$?[A-Za-z_]\w*\s*[,)]|\bENV\s*\[\s*[A-Za-z_]\w*\s*\]|\$env:\{?\$|\(Get-Item\s+["']?env:\$/;
/** What authenticates a request rather than travelling in it: a headers argument, an Authorization or API-key header and its value. */
const LEXICAL_AUTH = /-Headers\s+(?:@\{[^}\n]*\}|\$\w+)|\b(?:Authorization|X-[\w-]*(?:Key|Token|Auth)|api[-_]?key|PRIVATE-TOKEN)\b["']?\s*(?:=>|:|=|,)\s*(?:"[^"\n]*"|'[^'\n]*'|[^,;)}\s]+)|\bBearer\s+(?:\$\{?\w+\}?|#\{[^}\n]*\}|["']?\s*\+\s*\w+)|\.Header\.(?:Set|Add)\s*\([^)\n]*\)|\bheaders?\s*(?:=>|[:=])\s*(?:\{[^}\n]*\}|\[[^\]\n]*\]|@\{[^}\n]*\})|\bbasic_auth\s*\([^)\n]*\)|\bSetBasicAuth\s*\([^)\n]*\)/gi;
/** A line that sends, in the languages read lexically: the shared sending calls, PowerShell's aliases, Perl's user agents. */
const LEXICAL_SENDS = new RegExp(`${SENDS_LINE.source}|\\b(?:irm|iwr)\\b|->\\s*(?:post|put|request|post_form)\\s*\\(|\\bHTTP::Tiny\\b|\\bLWP::UserAgent\\b`);
/** A string literal of the languages read lexically: a single-quoted one holds no names; a double-quoted one only its interpolations. */
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"((?:[^"\\\n]|\\.)*)"/g;
/** The interpolations of a double-quoted string (`"$token"`, `"${token}"`, `"#{token}"`, `"{$token}"`, `"$($report.x)"`). */
const INTERPOLATION = /\$\{?[A-Za-z_]\w*\}?|#\{[^}\n]*\}|\$\([^)\n]*\)|\{\$[^}\n]*\}/g;

/** Code with what its string literals say set aside, their interpolated names kept (a message "token check done" names nothing). */
function lexicalCode(text: string): string {
  return text.replace(LITERAL, (literal, inner: string | undefined) => (inner === undefined ? "''" : `"${(inner.match(INTERPOLATION) ?? []).join(' ')}"`));
}

/**
 * Requests of a program read lexically (PowerShell, Ruby, Go, PHP, Perl …) that carry a secret environment variable in their
 * data: the variable's value followed, line by line in order, through the names it is bound to or put into (`$report.tokens[$v]
 * = $val`, `$body = $report | ConvertTo-Json`) to a line that sends (`Invoke-RestMethod … -Body $body`), a statement continued
 * over lines read whole. A name bound again to something else stops carrying it. Values put in an auth header are used, not
 * carried.
 */
function lexicalSends(unit: CodeFacts, source: string): { line: number; text: string; shell: boolean; carries: ReadonlySet<string> }[] {
  if (source === '') return [];
  const lines = source.split('\n');
  const at = (line: number) => line - 1 - unit.lineOffset;
  // Where secrets are first read: by name (`$env:GITHUB_TOKEN`), or by names from a list just above (`foreach ($v in
  // 'NUGET_API_KEY', 'GITHUB_TOKEN') { $val = [Environment]::GetEnvironmentVariable($v) }`).
  const reads = new Map<number, string[]>();
  for (const read of unit.envReads) {
    if (!SECRET_ENV_NAME.test(read.name)) continue;
    // One read inside an auth header (`@{ Authorization = "Bearer $env:GITHUB_TOKEN" }`) is used there.
    if (!(lines[at(read.line)] ?? '').replace(LEXICAL_AUTH, ' ').includes(read.name)) continue;
    reads.set(at(read.line), [...(reads.get(at(read.line)) ?? []), read.name]);
  }
  lines.forEach((text, index) => {
    if (!ENV_READ_BY_NAME.test(text)) return;
    const listed = unit.strings.filter((string) => at(string.line) >= index - 3 && at(string.line) <= index && SECRET_ENV_NAME.test(string.text) && /^[A-Z][A-Z0-9_]+$/.test(string.text)).map((string) => string.text);
    if (listed.length > 0) reads.set(index, [...(reads.get(index) ?? []), ...listed]);
  });
  if (reads.size === 0) return [];
  // Each name bound from a secret, with the variables it holds.
  const tainted = new Map<string, Set<string>>();
  // A function that reads a secret and returns a value (`func notionToken() string { … os.Getenv(k) … return v }`): its calls carry the secret.
  const spans = functionSpans(lines);
  for (const span of spans) {
    const read = [...reads].filter(([index]) => index >= span.start && index <= span.end).flatMap(([, variables]) => variables);
    if (read.length > 0 && lines.slice(span.start, span.end + 1).some((line) => /(?:^|[{;])\s*return\s+\S/.test(line))) tainted.set(span.name, new Set(read));
  }
  const patterns = new Map<string, RegExp>();
  const patternOf = (name: string) => patterns.get(name) ?? patterns.set(name, new RegExp(`(?<![\\w-])\\$?${escapeRegExp(name)}\\b`)).get(name)!;
  const uses = (text: string) => [...tainted].filter(([name]) => patternOf(name).test(text)).flatMap(([, variables]) => [...variables]);
  // And a function that returns what such a function gives (`func fingerprint() string { return "fp-" + credential() }`), one level further.
  for (const span of spans) {
    if (tainted.has(span.name)) continue;
    const returned = lines.slice(span.start, span.end + 1).filter((line) => /(?:^|[{;])\s*return\s+\S/.test(line)).flatMap((line) => uses(line));
    if (returned.length > 0) tainted.set(span.name, new Set(returned));
  }
  // Statements of a line (`$val = …; if ($val) { $report.tokens[$v] = $val }`): the line whole, for a binding that opens it
  // (`payload = { npm: token }.to_json`), and the statements after it, each read on its own.
  const partsOf = (text: string) => [text, ...text.split(/[;{}]/).slice(1)];
  // Each statement that sends, by its first line, continued over lines.
  const sendingStatements = new Map(statementsOf(lines, CONTINUED_LINE).filter((statement) => LEXICAL_SENDS.test(statement.text.split('\n')[0]!)).map((statement) => [statement.line - 1, statement.text]));
  const out: { line: number; text: string; shell: boolean; carries: ReadonlySet<string> }[] = [];
  lines.forEach((line, index) => {
    const read = reads.get(index);
    const code = lexicalCode(line);
    const statements = partsOf(code);
    for (const [position, text] of statements.entries()) {
      const match = LEXICAL_BINDING.exec(text);
      if (!match) continue;
      const name = match[1]!;
      const carried = [...uses(text.slice(match[0].length).replace(LEXICAL_AUTH, ' ')), ...(read !== undefined && position === 0 ? read : [])];
      // A record filled in part (`$report.tokens[$v] = $val`, `report.Add(val)`) keeps what it held; a name bound whole to something else holds it no more.
      const whole = WHOLE_NAME_BINDING.test(match[0]);
      if (carried.length > 0) tainted.set(name, new Set([...(tainted.get(name) ?? []), ...carried]));
      else if (whole) tainted.delete(name);
    }
    // Put into a list or record by a method (`$bag.Add($val)`, `items.push(token)`, `report.Store(k, v)`).
    for (const text of statements) {
      const added = /(?:^|[\s;{(\]])\$?([A-Za-z_]\w*)\s*(?:\.|->)\s*(?:Add|add|push|append|Push|Store|Set|set|insert|update|merge)\s*\(([^)\n]*)\)/.exec(text);
      const carried = added ? [...uses(added[2]!), ...(read ?? []).filter((variable) => line.replace(LEXICAL_AUTH, ' ').includes(variable) && (lines[index] ?? '').slice((lines[index] ?? '').indexOf(added[0].trim())).includes(variable))] : [];
      if (added && carried.length > 0) tainted.set(added[1]!, new Set([...(tainted.get(added[1]!) ?? []), ...carried]));
    }
    const statement = sendingStatements.get(index);
    if (statement === undefined) return;
    // Or read inside the sending statement itself (`'body' => array('pass' => DB_PASSWORD)`, `-Body @{ t = $env:NPM_TOKEN }`), outside its auth;
    // a secret that is itself the address (`-Uri $env:SLACK_WEBHOOK_URL`) is where the request goes.
    const span = statement.split('\n').length;
    const direct = [...reads].filter(([line]) => line >= index && line < index + span).flatMap(([, variables]) => variables).filter((variable) => !ADDRESS_VARIABLE.test(variable) && statement.replace(LEXICAL_AUTH, ' ').includes(variable));
    const carried = new Set([...uses(lexicalCode(statement).replace(LEXICAL_AUTH, ' ')), ...direct]);
    if (carried.size > 0) out.push({ line: index + 1 + unit.lineOffset, text: statement, shell: false, carries: carried });
  });
  return out;
}

/** A secret variable that is itself an address (`NOTIFY_WEBHOOK_URL`): where a request goes, not data in it. */
const ADDRESS_VARIABLE = /(?:URL|URI|ENDPOINT|WEBHOOK|HOOK)$/;

function finding(source: Place, sink: Place, how: string): RawFinding {
  const across = source.file !== sink.file;
  return {
    ruleId: 'credential-exfiltration',
    file: source.file,
    line: source.line,
    evidence: across ? `${source.evidence} (${source.file}:${source.line}) → ${sink.evidence} (${sink.file}:${sink.line})` : `${source.evidence} → ${sink.evidence} (line ${sink.line})`,
    message: across
      ? `Reads ${how} in ${source.file} and sends data out from ${sink.file}, which it is linked to: a credential-theft chain across the skill's scripts.`
      : sink.agentServer !== undefined
        ? `Writes ${source.evidence.replace(/ in the headers of .*$/, '')} into the headers of a tool server it adds to the agent's own configuration, at ${sink.agentServer}: the agent sends them there on every connection, in every later session.`
        : `Reads ${how} and ${sink.synced ? 'writes data into a folder a sync client uploads' : sink.published ? 'writes it, packed, into a file the site it deploys serves to anyone' : 'sends data over the network or DNS'} in the same ${source.file.endsWith('.md') ? 'command' : 'script'}: the shape of credential theft.`,
  };
}

/** A tool's own credential file (`.npmrc`) in code that talks only to that tool's service or public package registries. */
/** A refresh token as a field of data the program builds, valued from what it holds (not a literal or a placeholder). */
const REFRESH_TOKEN_FIELD = /["']refresh_token["']\s*[:=]\s*(?!["'`<{]|None\b|null\b|undefined\b)[A-Za-z_$][\w$.]*(?:\[[^\]\n]{1,40}\])*/;

/** A forge API path that publishes what it is sent: a gist, an issue or comment, a file in a repository, a new repository. */
const FORGE_PUBLISH_PATH = /\/gists\b|\/issues\b|\/comments\b|\/contents\/|\/user\/repos\b|\/releases\b|\/snippets\b/;

/** A program reading a GitHub Action's inputs. */
const ACTION_INPUT_READ = /\bINPUT_|\bgetInput\s*\(/;

/** Hosts of the addresses an action's metadata (`action.yml`) gives its inputs by default. */
function actionInputHosts(files: readonly SourceFile[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    if (file.fileClass !== 'text' || !/(?:^|\/)action\.ya?ml$/i.test(file.path) || !/^inputs\s*:/m.test(file.text)) continue;
    for (const match of file.text.matchAll(/^\s+default\s*:\s*["']?(https?:\/\/[^\s"']+)/gm)) for (const { host } of urlHosts(match[1]!)) out.add(host.replace(/:\d+$/, ''));
  }
  return [...out];
}

/** A host's last two labels (`registry.npmjs.org` → `npmjs.org`): a service's name further left (`npmjs.login.invalid`) is not its site. */
function siteOf(host: string): string {
  return host.split('.').slice(-2).join('.');
}

/** The tool's own credential file a source reads (`~/.cache/huggingface/token`), when it is one whose service is known. */
function ownedFileOf(source: Place): string | undefined {
  const named = SENSITIVE_FILE.exec(source.evidence)?.[0];
  if (!named) return undefined;
  // By its folder too: several tools keep a `config.json` (`~/.docker/config.json`, `~/.netlify/config.json`).
  return OWNED_CREDENTIAL_FILES.find((path) => named.endsWith(path.replace(/^~\//, '').split('/').slice(-2).join('/')));
}

/**
 * A command that sends one tool's own credential file only to that tool's service (`curl https://oauth2.googleapis.com/token -d
 * client_secret="$(jq -r … client_secret.json)"`): the file is used where it belongs. Only one credential file may be named.
 */
function fileToItsOwner(text: string): boolean {
  const named = SENSITIVE_FILE.exec(text);
  if (!named) return false;
  // The same file named again (its client id and its secret read from it) is still the one file.
  const file = named[0].replace(/^[\s'"`/(=@]/, '');
  if (SENSITIVE_FILE.test(text.split(file).join(' '))) return false;
  return toOwnService({ file: '', line: 0, evidence: named[0] }, urlHosts(text).map((entry) => entry.host.replace(/:\d+$/, '')).filter((host) => !isLocalHost(host)));
}

function toOwnService(source: Place, hosts: readonly string[]): boolean {
  if (source.evidence.endsWith("(an account's refresh token)")) return hosts.length > 0 && hosts.every((host) => IDENTITY_PROVIDER_HOST.test(host));
  const named = SENSITIVE_FILE.exec(source.evidence)?.[0];
  // Secret variables read from a list, each of them a key of a service the program talks to (`OPENAI_API_KEY` with
  // api.openai.com, `ANTHROPIC_API_KEY` with api.anthropic.com): keys used with their own services.
  if (!named && source.evidence.endsWith(' read by name from a list')) {
    const variables = source.evidence.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? [];
    return hosts.length > 0 && variables.every((variable) => hosts.some((host) => secretBelongsTo(variable, host)));
  }
  if (!named || hosts.length === 0) return false;
  const file = ownedFileOf(source);
  return file !== undefined && hosts.every((host) => secretBelongsTo(file, host) || isPackageRegistry(host));
}

/** Public package indexes that only serve what was published: a read of one carries nothing of the machine's out. */
const PACKAGE_INDEX_HOST = /^(?:registry\.npmjs\.org|api\.npmjs\.org|registry\.yarnpkg\.com|pypi\.org|files\.pythonhosted\.org|(?:index\.)?crates\.io|rubygems\.org|proxy\.golang\.org|repo1\.maven\.org|api\.nuget\.org|packagist\.org)$/;

/**
 * A call that only reads a public package index: the address it is given is written in it or bound once in the program to
 * package index URLs only (`url = f"https://registry.npmjs.org/{name}" if … else f"https://pypi.org/pypi/{name}/json"`), and
 * neither the call nor what its first argument was built from carries data (a body, a method that writes, a publish).
 */
function readsPackageIndex(callText: string, source: string): boolean {
  const followed = followedAddress(callText, source);
  const expression = followed.expression;
  let text = followed.text;
  // The address a helper is given (`def get_json(url): … urlopen(url)`): what its callers pass (`get_json("https://pypi.org/…")`).
  const parameter = /^[^(]*\(\s*([A-Za-z_]\w*)\s*[,)]/.exec(expression)?.[1];
  // A function's definition line opening with its name (`def get_json(`, `async function getJson(`).
  const definition = (name: string) => String.raw`^[ \t]*(?:async\s+)?(?:def|function)\s+${name}`;
  const helper = parameter === undefined ? undefined : new RegExp(String.raw`${definition(String.raw`([A-Za-z_$][\w$]*)`)}\s*\(\s*${parameter}\b`, 'm').exec(source)?.[1];
  if (helper !== undefined) {
    const calls = [...source.matchAll(new RegExp(`(?<![\\w.$])${helper}\\s*\\(([^\\n]*)`, 'g'))].map((call) => call[1]!).filter((args) => !new RegExp(`^\\s*${parameter}\\b`).test(args));
    // Every call passes an address written out; one given a variable could be anywhere, and so could the helper handed on
    // by name (`map(get_json, EXTRA)`).
    const handedOn = new RegExp(`(?<![\\w.$])${helper}\\b(?!\\s*\\()`).test(source.replace(new RegExp(`${definition(helper)}\\b`, 'gm'), ' '));
    if (handedOn || calls.some((args) => urlHosts(args).length === 0)) return false;
    text += `\n${calls.join('\n')}`;
  }
  const hosts = urlHosts(text).map((entry) => entry.host.replace(/:\d+$/, '').toLowerCase());
  return hosts.length > 0 && hosts.every((host) => PACKAGE_INDEX_HOST.test(host)) && !SENDS_DATA.test(text);
}

/** A curl or wget option that sends a body or a file, or a method that writes. */
const UPLOAD_OPTION = /\s(?:-d|--data[\w-]*|-F|--form[\w-]*|-T|--upload-file|-X\s*(?:POST|PUT|PATCH))\b/;

/** A request or command that carries data rather than only asking for a resource. */
const SENDS_DATA = new RegExp(String.raw`\b(?:data|json|body|files|content)\s*[=:]|\bmethod\s*[=:]\s*["'\x60]?(?:POST|PUT|PATCH)\b|["'\x60](?:POST|PUT|PATCH)["'\x60]|\.(?:post|put|patch|upload\w*)\s*\(|${UPLOAD_OPTION.source}|\bpublish\b|\bsendall\b|\bsend\s*\(`, 'i');

/**
 * The sign-in and API hosts of the service whose CLI prints a token (`gcloud auth print-access-token`, `gh auth token`): where
 * the token is checked or used, not the service's storage or publishing hosts (a bucket or a gist is anyone's).
 */
const TOKEN_ISSUER: Record<string, readonly string[]> = {
  gcloud: ['oauth2.googleapis.com', 'www.googleapis.com', 'accounts.google.com', 'sts.googleapis.com', 'iamcredentials.googleapis.com'],
  gh: ['api.github.com'],
  az: ['login.microsoftonline.com', 'graph.microsoft.com', 'management.azure.com'],
  aws: ['sts.amazonaws.com'],
  npm: ['registry.npmjs.org'],
  heroku: ['api.heroku.com'],
};

/**
 * A request that only shows a CLI's token to the party that issued it (`curl "https://oauth2.googleapis.com/tokeninfo?access_token=$(gcloud
 * auth print-access-token)"`): no upload, nothing published (`/gists`, `/issues`), and every host one of the issuer's own.
 */
function tokenToIssuer(text: string): boolean {
  if (FORGE_PUBLISH_PATH.test(text) || UPLOAD_OPTION.test(text)) return false;
  const issuers = [...text.matchAll(new RegExp(CREDENTIAL_GETTER.source, 'g'))].map((match) => TOKEN_ISSUER[match[0].split(/\s+/)[0]!]);
  const hosts = urlHosts(text).map((entry) => entry.host.replace(/:\d+$/, '').toLowerCase());
  return issuers.length > 0 && hosts.length > 0 && issuers.every((own) => own !== undefined && hosts.every((host) => own.includes(host)));
}

/** The cloud providers' own API hosts, where a key minted for the user's cloud account is used, not moved. */
const CLOUD_API_HOST = /^(?:(?:iam|sts|secretsmanager|ssm|kms)(?:[.-][a-z0-9-]+)?\.amazonaws\.com|(?:iam|iamcredentials|oauth2|secretmanager|cloudresourcemanager|serviceusage|sts)\.googleapis\.com|(?:graph\.microsoft|login\.microsoftonline|management\.azure)\.com|[a-z0-9-]+\.vault\.azure\.net)$/i;

/** A string that is a host name alone (`npm-edge-prime.example`, `api.example.com`). */
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
/** Endings that make such a string a file or a module rather than a host. */
const NOT_A_HOST_SUFFIX = /\.(?:json|ya?ml|toml|ini|cfg|conf|txt|md|py|js|mjs|cjs|ts|sh|rb|go|rs|php|phtml|lua|java|kt|swift|ps1|psm1|bat|cmd|vbs|lock|log|csv|xml|html?|css|png|jpe?g|gif|svg|gz|zip|tar|tgz|whl|pem|key|crt|env|path|exe|dll|so|plist|sqlite|db|bak|tmp|local|internal)$/i;

function decide(flows: UnitFlow[]): RawFinding | undefined {
  // Hosts the program names: in URLs, and written bare where a request is built from parts
  // (`host: \`${region}.${ZONE}\``, ZONE = 'edge-prime.example'), so the owner's URL named as a fallback
  // does not make the request the owner's.
  const hosts = [...new Set([...flows.flatMap((flow) => flow.unit.strings.flatMap((string) => [...urlHosts(string.text).map((entry) => entry.host.replace(/:\d+$/, '')), ...(BARE_HOST.test(string.text) && !NOT_A_HOST_SUFFIX.test(string.text) ? [string.text.toLowerCase()] : [])])), ...flows.flatMap((flow) => flow.inputHosts ?? [])].filter((host) => !isLocalHost(host)))];
  // A key minted for the user's cloud account, in a program that sends to a host the skill names that is not
  // the cloud's own: the new key leaves with it. One sent nowhere named (a host the user sets) is the user's to place.
  // A declared host does not change that: the new key is access to the user's account, handed to a party the skill supplies.
  // A host built at run time (none named) is as foreign as one that is not the cloud's.
  const foreign = hosts.length === 0 || hosts.some((host) => !CLOUD_API_HOST.test(host));
  const minted = foreign ? flows.flatMap((flow) => flow.minted) : [];
  // A program that reads several tools' own logins and talks only to those tools' services (an inventory asking each
  // issuer about its own token): each key goes home, unless the program can also publish on a forge (a gist, an issue).
  const stored = flows.flatMap((flow) => flow.strongSources);
  const eachHome =
    stored.length > 0 &&
    hosts.length > 0 &&
    !flows.some((flow) => flow.unit.strings.some((string) => FORGE_PUBLISH_PATH.test(string.text))) &&
    stored.every((source) => { const file = ownedFileOf(source); return file !== undefined && hosts.some((host) => secretBelongsTo(file, siteOf(host))); }) &&
    hosts.every((host) => isPackageRegistry(host) || OWNED_CREDENTIAL_FILES.some((file) => secretBelongsTo(file, siteOf(host))));
  const strong = eachHome ? [] : stored.filter((source) => !toOwnService(source, hosts));
  const soft = flows.flatMap((flow) => flow.softSources);
  // A push in one linked unit and the packing in another (a hook the publisher runs writes the annotation): one program.
  const packed = flows.some((flow) => flow.packs);
  // A lookup in a public package index carries nothing its owner could hand on (see registryRead).
  const sinks = [...flows.flatMap((flow) => flow.sinks), ...(packed ? flows.flatMap((flow) => flow.pushes) : [])].filter((sink) => !sink.registryRead);
  const endpoints = flows.flatMap((flow) => flow.exfilEndpoints);
  if (strong.length > 0 && sinks.length > 0) return finding(strong[0], sinks[0], 'a credential store or the whole environment');
  if (minted.length > 0 && sinks.length > 0) return finding(minted[0], sinks[0], "a new credential it mints for the user's account (a cloud key or a package registry token)");
  const captures = flows.flatMap((flow) => flow.captures);
  if (captures.length > 0 && sinks.length > 0) return finding(captures[0], sinks[0], "the user's screen, clipboard or keystrokes over and over");
  if (soft.length > 0 && sinks.length > 0 && endpoints.length > 0) return finding(soft[0], endpoints[0], 'secrets (secret environment variables or a .env file)');
  return undefined;
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/credential-exfiltration/rule.yaml. */
export const version = 46;

/**
 * A call that reaches the global object or loads a module by a name computed at run time from data: `Function('return
 * this')`, `(0, eval)('this')`, `globalThis[x]`, `module.constructor._load(x)`, `require(x)`, `__import__("".join(parts))`,
 * `importlib.import_module(x)`. A plugin loaded from a path or package of the skill's own (`require(path.join(__dirname,
 * 'rules', name))`, `import_module(f"checks.{name}")`) names where it comes from.
 */
const COMPUTED_REACH = /^(?:new\s+)?Function\s*\(\s*["'`]\s*return\s+this\b|^\(\s*0\s*,\s*eval\s*\)|(?:^|\.)(?:constructor\._load|_load)\s*\(|^(?:globalThis|global|window|self)\s*\[\s*(?!["'`])|(?:^|[.\]]\s*\.?)(?:require|import|__import__|import_module)\s*\(\s*(?:["']{2}\s*\.join\s*\(|(?!["'`]|[fr]["']|path\.|__dirname|__file__|\.{1,2}\/|os\.path|pathlib|[\w.]*(?:dir|path|root|folder|plugins?)\b))/;

/** A lead-in that has the agent save the block below as a program file (`Save as \`~/.ipython/profile_default/startup/02-errors.py\`:`, "Write this to `hooks/post.sh`:"). */
const SAVE_AS_SCRIPT = /\b(?:save|write|put|store|copy|paste|create)\w*\b[^.\n]{0,60}?`?(?:~|\$HOME|\.{0,2}\/)?[\w.\/-]*\.(?:py|js|mjs|cjs|ts|sh|bash|zsh|rb|ps1|pl|php|go)`?(?:\s+\([^)\n]*\))?\s*:?\s*$/i;

/** A sentence that has a program file made from a document ("Populate `x.py` from what is in …", "create `02-errors.py` with the content in …"). */
const SAVE_AS_SCRIPT_FROM = /\b(?:populate|fill|create|write|save|put|copy|make|build)\w*\b[^.\n]{0,80}?`?[\w.~\/-]*\.(?:py|js|mjs|cjs|ts|sh|bash|zsh|rb|ps1|pl|php)`?[^.\n]{0,80}?\b(?:from|with|using|per|as\s+(?:in|shown\s+in))\b/i;

/**
 * Whether a Markdown code block is a program the skill has the agent save as a file: its lead-in (the last line of prose
 * within three lines above the fence) names the file to save it as. Once saved it runs like a shipped script.
 */
function savedAsScript(unit: CodeFacts, sources: ReadonlyMap<string, string>): boolean {
  // SKILL.md has a program file made from this document ("Populate `~/.ipython/…/05-helpers.py` from what is in `references/helpers.md`").
  const skill = sources.get('SKILL.md') ?? '';
  const name = unit.file.replace(/^.*?(?=[^/]+\/[^/]+$)/, '');
  if (unit.file !== 'SKILL.md' && skill.split(/(?<=[.!?])\s+|\n\s*\n/).some((sentence) => sentence.includes(name) && SAVE_AS_SCRIPT_FROM.test(sentence))) return true;
  const lines = (sources.get(unit.file) ?? '').split('\n');
  for (let index = unit.lineOffset - 2; index >= Math.max(0, unit.lineOffset - 5); index -= 1) {
    const line = lines[index]?.trim() ?? '';
    if (line === '') continue;
    return SAVE_AS_SCRIPT.test(line);
  }
  return false;
}

/** A variable name listed as a string in a data file (`"STRIPE_SECRET_KEY",`, `- QBO_REFRESH_TOKEN`). */
const LISTED_VARIABLE = /(?:^|[\s,\[:"'-])["']?([A-Z][A-Z0-9]*_[A-Z0-9_]+)["']?(?=\s*(?:[,\]}]|$))/gm;
/** An environment read by a name the program computes (`os.environ.get(A[i])`, `os.getenv(name)`, `process.env[k]`), not a literal. */
const COMPUTED_ENV_READ = /\b(?:os\.environ(?:\.get)?\s*[[(]|os\.getenv\s*\(|process\.env\s*\[|ENV\s*\[|Getenv\s*\()\s*(?!["'`\s])[A-Za-z_$]/;

/** Whether a program keeps a value it read from the environment by a computed name in a collection that becomes data (`ctx[A[i]] = os.environ[A[i]]`, returned or posted). */
function computedReadsKept(source: string): boolean {
  for (const read of source.matchAll(new RegExp(COMPUTED_ENV_READ.source, 'g'))) {
    const start = source.lastIndexOf('\n', read.index) + 1;
    const line = source.slice(start, source.indexOf('\n', read.index) === -1 ? undefined : source.indexOf('\n', read.index));
    const container = keptInto(line, escapeRegExp(read[0]));
    if (container !== undefined && becomesData(source, container)) return true;
  }
  return false;
}

/** The source → sink detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const sources = new Map(context.files.map((file) => [file.path, file.text]));
  // Addresses the skill's own JSON, YAML or TOML gives by key: where a request to `cfg.compat.endpoint` goes.
  const configured = keyedAddresses(context.files, { dotenv: false });
  // The skill's pages (HTML and templates), where a script's form fields are declared.
  const formPages = context.files.filter((file) => file.fileClass === 'text' && /\.(?:html?|vue|svelte|jsx|tsx|astro|hbs|ejs|liquid|php|j2|jinja2?|twig|njk|erb|mustache|tpl)$/i.test(file.path)).map((file) => file.text).join('\n');
  const flows = context.facts.map((unit) => analyse(unit, unit.unit.includes('#'), unit.program ?? sources.get(unit.file), formPages));
  // A program of a GitHub Action reads its inputs (`process.env.INPUT_ENDPOINT`, `core.getInput('endpoint')`): the addresses
  // the action's `action.yml` gives them by default are where its requests go unless the workflow says otherwise.
  const inputDefaults = actionInputHosts(context.files);
  if (inputDefaults.length > 0) for (const flow of flows) if (ACTION_INPUT_READ.test(flow.unit.program ?? sources.get(flow.unit.file) ?? '')) flow.inputHosts = inputDefaults;
  // A data file of the skill that lists credential files (`assets/manifest.txt` naming ~/.ssh/id_ed25519),
  // handed to a command or script that sends things out: the list is the source.
  const dataFiles = context.files.filter((file) => file.fileClass === 'text' && !/\.(?:md|markdown|py|js|mjs|cjs|ts|sh|bash|rb|ps1|go)$/i.test(file.path));
  const lists = dataFiles.filter((file) => credentialLines(file.text) > 0);
  // One that lists secret variables (`"STRIPE_SECRET_KEY", "QBO_REFRESH_TOKEN"` among a table's strings), for a program that reads
  // the environment by names it computes (`os.environ.get(A[i])`): the variables it names are what is read.
  const variableLists = dataFiles.filter((file) => new Set([...file.text.matchAll(LISTED_VARIABLE)].map((match) => match[1]!).filter((name) => SECRET_ENV_NAME.test(name))).size >= 2);
  // A `git push` whose destination comes from a data file of the skill that names a hidden ref or another repository
  // (`url: https://…/mirror.git`, `ref_prefix: refs/snapshots`): what the program commits leaves with the push.
  for (const flow of flows) {
    if (flow.foreignPush === undefined || flow.sinks.length > 0) continue;
    const texts = flow.unit.strings.map((string) => string.text);
    // Named, or found by a pattern of the program's (`Dir.glob(File.join(__dir__, "..", "assets", "*.yml"))`).
    const patterns = texts.filter((text) => /\*/.test(text)).map((text) => new RegExp(`(?:^|/)${escapeRegExp(text.replace(/^.*?(?=[\w*][\w.*-]*(?:\/[\w.*-]+)*$)/, '')).replace(/\\\*/g, '[^/]*')}$`));
    const config = dataFiles.find((file) => (texts.some((text) => text.includes(file.path.split('/').pop()!)) || patterns.some((pattern) => pattern.test(file.path))) && (DATA_HIDDEN_REF.test(file.text) || DATA_REPOSITORY_URL.test(file.text)));
    if (config) flow.sinks.push({ ...flow.foreignPush, evidence: trim(`${flow.foreignPush.evidence} (pushes to where ${config.path} points)`) });
  }
  for (const flow of flows) {
    // A script that reaches modules or the global object by names it computes (`Function('return this')()`,
    // `module.constructor._load(S(n))`, `__import__(name)`) shows no sink, and needs none to send the files its list names.
    const hidden = flow.sinks.length === 0 ? flow.unit.calls.find((call) => COMPUTED_REACH.test(call.text)) : undefined;
    if (flow.sinks.length === 0 && hidden === undefined && flow.unit.commands.every((command) => !FORGE_SINK.test(command.text))) continue;
    const texts = [...flow.unit.commands.map((command) => ({ line: command.line, text: command.text })), ...flow.unit.strings];
    const computedReads = computedReadsKept(flow.unit.program ?? sources.get(flow.unit.file) ?? '');
    for (const list of [...lists, ...(computedReads ? variableLists : [])]) {
      const name = list.path.split('/').pop() ?? list.path;
      const use = texts.find((entry) => entry.text.includes(name));
      if (!use) continue;
      const listsVariables = !lists.includes(list);
      const forge = flow.unit.commands.filter((command) => FORGE_SINK.test(command.text)).map((command) => ({ file: flow.unit.file, line: command.line, evidence: trim(command.text) }))[0];
      const sink = flow.sinks[0] ?? forge ?? { file: flow.unit.file, line: hidden!.line, evidence: trim(`${hidden!.text.split('\n')[0]} (modules reached by computed names)`) };
      flow.sameCommand.push({ source: { file: flow.unit.file, line: use.line, evidence: trim(`${use.text} (${list.path} lists ${listsVariables ? 'secret variables the program reads by name' : 'credential files'})`) }, sink });
    }
  }
  findings.push(...ansibleSlurpSent(context));
  const flagged = new Set<string>(findings.map((finding) => finding.file));
  for (const flow of flows) {
    if ((flow.unit.unit.includes('#') && !savedAsScript(flow.unit, sources)) || flagged.has(flow.unit.file)) continue;
    // A fetch that only gets a fixed address carries nothing out, in one script as across several.
    const result = decide([{ ...flow, sinks: flow.sinks.filter((sink) => !sink.fetchOnly) }]);
    if (result) {
      findings.push(result);
      flagged.add(flow.unit.file);
    }
  }
  for (const flow of flows) {
    if (flagged.has(flow.unit.file)) continue;
    const sent = secretToHost(flow.unit, context.declared, flow.unit.unit.includes('#'), flow.unit.program ?? sources.get(flow.unit.file), configured);
    if (!sent) continue;
    findings.push({
      ruleId: 'credential-exfiltration',
      file: sent.place.file,
      line: sent.place.line,
      evidence: sent.place.evidence,
      message: `Puts ${sent.variable === 'the .env file' ? 'the contents of the .env file' : `the secret environment variable ${sent.variable}`} into ${sent.header ? 'the auth header' : 'the data'} of a request to ${sent.host}, a host it does not belong to${sent.declaredHost ? ' (declared, but the key\'s own service is elsewhere)' : context.declared ? ' and the entry does not declare' : ''}: the shape of credential theft.`,
    });
    flagged.add(flow.unit.file);
  }
  for (const flow of flows) {
    const pair = flow.sameCommand[0];
    if (!pair || flagged.has(flow.unit.file)) continue;
    findings.push(finding(pair.source, pair.sink, 'stored credentials or the environment'));
    flagged.add(flow.unit.file);
  }
  // Across scripts: union units that mention each other (by file name, module or shared temp path).
  const scripts = flows.filter((flow) => !flow.unit.unit.includes('#'));
  const parent = scripts.map((_, index) => index);
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
  // A module is named with or without its extension (`require("./config")` is config.js).
  const names = scripts.map((flow) => {
    const base = flow.unit.file.split('/').pop() ?? '';
    return new Set([base, flow.unit.file, base.replace(/\.(?:[cm]?[jt]s|py|rb)$/, '')]);
  });
  // Files of one compiled package (Go's `package main` in one folder, a Java package) are one program
  // whatever they mention: a function of one is called from another by name alone.
  const textOf = new Map(context.files.map((file) => [file.path, file.text]));
  const packageOf = (file: string): string | undefined => {
    const clause = /\.(?:go|java|kt|scala)$/.test(file) ? /^\s*package\s+([\w.]+)/m.exec(textOf.get(file) ?? '')?.[1] : undefined;
    return clause === undefined ? undefined : `${file.replace(/[^/]*$/, '')}\0${clause}`;
  };
  const packages = scripts.map((flow) => packageOf(flow.unit.file));
  for (let a = 0; a < scripts.length; a += 1) {
    for (let b = 0; b < scripts.length; b += 1) {
      if (a === b) continue;
      if (packages[a] !== undefined && packages[a] === packages[b]) parent[find(a)] = find(b);
      const linked = [...scripts[a].mentions].some((mention) => names[b].has(mention) || (mention.startsWith('/tmp') || mention.startsWith('.') ? scripts[b].mentions.has(mention) : false))
        || [...scripts[a].mentions].some((mention) => /^\/tmp\/|^\.[\w-]+\./.test(mention) && scripts[b].mentions.has(mention));
      if (linked) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, UnitFlow[]>();
  scripts.forEach((flow, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), flow]));
  for (const group of groups.values()) {
    const files = new Set(group.map((flow) => flow.unit.file));
    if (files.size < 2 || [...files].some((file) => flagged.has(file))) continue;
    // Across scripts nothing is followed from the read to the send: a plain download in one script (fetching
    // an installer) carries nothing the other read.
    const result = decide(group.map((flow) => ({ ...flow, sinks: flow.sinks.filter((sink) => !sink.fetchOnly) })));
    if (result) {
      findings.push(result);
      for (const file of files) flagged.add(file);
    }
  }
  // A notebook whose cells gather secrets (the environment, a credential file) keeps what they show in its outputs; a step of the
  // skill's Markdown that publishes the notebook itself (copied into a repository that is pushed, a gist, an upload) publishes them.
  for (const script of scripts) {
    if (flagged.has(script.unit.file) || !/\.ipynb$/i.test(script.unit.file)) continue;
    // Shown in an output: a source on a line that prints or displays, or in a value the cell prints; not one only checked for (`.exists()`)
    // nor a copy of the environment handed to a child process (`env = os.environ.copy()` for `subprocess.run(…, env=env)`).
    const lines = (script.unit.program ?? '').split('\n');
    const shown = (line: number) => lines.slice(Math.max(0, line - 1), line + 12).some((text) => /\b(?:print|display|pprint|IPython\.display|Markdown|HTML)\s*\(|\.to_(?:markdown|html|string)\s*\(/.test(text));
    const source = script.strongSources.find((found) => shown(found.line) && !/\.(?:exists|is_file|isfile)\s*\(|\bos\.path\.(?:exists|isfile)\s*\(/.test(lines[found.line - 1] ?? '') && !/\benviron\.copy\(\)/.test(lines[found.line - 1] ?? ''));
    if (source === undefined) continue;
    const name = script.unit.file.split('/').pop()!;
    // Named, or copied by a pattern (`cp notebooks/*.ipynb site/`) in a block that publishes.
    const mentions = (text: string) => text.includes(name) || /\*\.ipynb\b/.test(text);
    const publish = flows.filter((flow) => flow.unit.unit.includes('#')).find((flow) => flow.unit.commands.some((command) => mentions(command.text)) && flow.unit.commands.some((command) => /\bgit\s+push\b|\bgh\s+gist\s+create\b|\bgh\s+release\s+(?:create|upload)\b/.test(command.text) || UPLOADS_FILE.test(command.text)));
    if (publish === undefined) continue;
    const step = publish.unit.commands.find((command) => mentions(command.text))!;
    findings.push(finding(source, { file: publish.unit.file, line: step.line, evidence: trim(step.text) }, 'secrets in a notebook whose outputs it then publishes'));
    flagged.add(script.unit.file);
  }
  // A script that gathers secrets into a file it writes (`fs.writeFileSync("deploy-env.json", …)`) and a step of the
  // skill's Markdown that uploads that file (`curl --data-binary @deploy-env.json https://…`): one program in two parts.
  const uploads = flows.filter((flow) => flow.unit.unit.includes('#')).flatMap((flow) => flow.unit.commands.filter((command) => UPLOADS_FILE.test(command.text)).map((command) => ({ flow, command })));
  for (const script of scripts) {
    const source = script.strongSources[0];
    if (source === undefined || flagged.has(script.unit.file) || !script.unit.calls.some((call) => FILE_WRITE.test(call.callee))) continue;
    const upload = uploads.find(({ command }) => [...command.text.matchAll(UPLOADED_NAME)].some((sent) => script.mentions.has(sent[1]!)));
    if (upload === undefined || !urlHosts(upload.command.text).some(({ host }) => !isLocalHost(host))) continue;
    findings.push(finding(source, { file: upload.flow.unit.file, line: upload.command.line, evidence: trim(upload.command.text) }, 'a credential store or the whole environment'));
    flagged.add(script.unit.file);
  }
  return findings;
}

/** A hidden ref (`refs/snapshots`, not a branch, tag or remote-tracking ref) as a data file writes it, quoted or not. */
const DATA_HIDDEN_REF = /(?:^|[\s"'`:=])refs\/(?!heads\/|tags\/|remotes\/)[\w.-]+/m;
/** An address as a data file writes it: the program pushes to it, whatever it looks like. */
const DATA_REPOSITORY_URL = /\bhttps?:\/\/[^\s"'`]+|\bgit@[\w.-]+:[^\s"'`]+|\bssh:\/\/[^\s"'`]+/;

/** An Ansible task that reads a file's bytes into a variable (`ansible.builtin.slurp`), and one that sends a body (`uri` with POST/PUT and `body:`). */
const ANSIBLE_SLURP = /^\s*-?\s*(?:ansible\.builtin\.)?slurp\s*:/m;
const ANSIBLE_URI_SEND = /^\s*-?\s*(?:ansible\.(?:builtin|legacy)\.)?uri\s*:[\s\S]{0,1500}?^\s*method\s*:\s*["']?(?:POST|PUT|PATCH)\b[\s\S]{0,1500}?^\s*(?:body|src)\s*:/m;

/**
 * An Ansible role or playbook that slurps files (read whole, base64) and sends a body with `uri`, where the files its
 * variables list are credential files (`catalog_state_files: [/root/.docker/config.json, /root/.ssh/id_ed25519]`): the
 * credentials leave in the request, whatever the tasks call it ("change detection", "catalogue").
 */
function ansibleSlurpSent(context: ScanContext): RawFinding[] {
  const yaml = context.files.filter((file) => file.fileClass === 'text' && /\.ya?ml$/i.test(file.path));
  const roots = new Set(yaml.map((file) => /^(.*?roles\/[^/]+\/)/.exec(file.path)?.[1] ?? ''));
  const out: RawFinding[] = [];
  for (const root of roots) {
    const members = yaml.filter((file) => file.path.startsWith(root) && (root !== '' || !/roles\//.test(file.path)));
    const send = members.find((file) => ANSIBLE_URI_SEND.test(file.text));
    // The task that reads the files: a slurp, or the upload itself when it sends a file (`uri` with `src:`).
    const slurp = members.find((file) => ANSIBLE_SLURP.test(file.text)) ?? (send !== undefined && /^\s*src\s*:/m.test(ANSIBLE_URI_SEND.exec(send.text)![0]) ? send : undefined);
    if (slurp === undefined || send === undefined) continue;
    // What it reads: its `src:` and `loop:` lines, and the variables they name (`{{ state_files }}`), listed in the role's YAML.
    const reader = ANSIBLE_SLURP.exec(slurp.text) ?? ANSIBLE_URI_SEND.exec(slurp.text)!;
    const task = slurp.text.slice(reader.index).split(/\n\s*-\s+name\s*:/)[0]!;
    const named = [...task.matchAll(/\{\{\s*([A-Za-z_]\w*)/g)].map((match) => match[1]!).filter((name) => name !== 'item');
    const listOf = (file: SourceFile, name: string) => new RegExp(`^[ \\t]*${escapeRegExp(name)}\\s*:\\s*\\n((?:[ \\t]*-[^\\n]*\\n?)+)`, 'm').exec(file.text)?.[1] ?? '';
    const readBy = (file: SourceFile) => `${file === slurp ? task : ''}\n${named.map((name) => listOf(file, name)).join('\n')}`;
    const listed = members.find((file) => credentialLines(readBy(file)) > 0);
    if (listed === undefined) continue;
    const at = (file: SourceFile, pattern: RegExp) => file.text.slice(0, pattern.exec(file.text)!.index).split('\n').length;
    const secretLine = listed.text.split('\n').findIndex((line) => SENSITIVE_FILE.test(line) && !/\.pub\b/.test(line) && readBy(listed).includes(line));
    out.push(finding({ file: listed.path, line: secretLine + 1, evidence: trim(listed.text.split('\n')[secretLine]!) }, { file: send.path, line: at(send, ANSIBLE_URI_SEND), evidence: 'uri: method POST with a body' }, `credential files that ${slurp.path} slurps`));
  }
  return out;
}

/** A command that uploads a named file (`curl --data-binary @out.json …`, `-F f=@out.json`, `-T out.json`). */
const UPLOADS_FILE = /\b(?:curl|http|xh)\b[^\n]*(?:@["']?[\w.-]+\.\w+|\s(?:-T|--upload-file)\s+["']?[\w.-]+\.\w+)/;
/** The name of each file such a command uploads. */
const UPLOADED_NAME = /(?:@|\s(?:-T|--upload-file)\s+)["']?([\w.-]+\.\w+)/g;
