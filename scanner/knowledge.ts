/**
 * What the scanner knows about the threat landscape, shared by detectors and capability inference:
 * where secrets live, which services receive stolen data, and how URLs and hosts look.
 */
import { isPrivateIpv4 } from '../core/index.ts';

/** Credential files and stores, and the project `.env`: the shared list in core/sensitive.json. */
export { SENSITIVE_FILE, DOTENV_FILE } from '../core/index.ts';

/** Reading the whole environment at once. */
export const WHOLE_ENVIRONMENT =
  /(?:(?:json\.dumps|JSON\.stringify|str|repr|pickle\.dumps|base64\.b64encode|yaml\.dump|Buffer\.from)\s*\([\s\S]{0,400}?\b(?:os\.environ|process\.env)\b(?!\s*(?:\.get\b|\[|\.[A-Za-z_]))|\b(?:json|data|params|body)\s*=\s*(?:dict\(\s*)?os\.environ\b(?!\s*[.[])|\b(?:body|data|json)\s*:\s*process\.env\s*[,}]|(?:^|[|;&(]\s*)(?:printenv|env|export -p)\s*(?:\||>)|\$\(\s*(?:printenv|env)\s*\)|`(?:printenv|env)`|\b(?:Get-ChildItem|gci|dir|ls|Get-Item)\s+(?:-Path\s+)?["']?[Ee][Nn][Vv]:(?:\\\*)?["']?(?=\s|$|\||\))|\bGetEnvironmentVariables\(\s*(?:['"]?\w*['"]?|\[(?:System\.)?EnvironmentVariableTarget\]::\w+)\s*\)|\bENV\.(?:to_h|to_hash|to_a|each(?:_pair)?|inspect|select|reject|filter_map|sort_by|map)\b|\bos\.Environ\(\)|\bSystem\.getenv\(\s*\)|\b(?:std::)?env::vars(?:_os)?\(\)|\$_ENV\b(?!\s*\[)|\bgetenv\(\s*\)|(?:\bkeys\s+|\\)%ENV\b|\bos\.environ\.copy\(\)|\{\s*\*\*os\.environ\s*\}|\{\s*\.\.\.process\.env\s*\}|\bObject\.assign\(\s*\{\s*\}\s*,\s*process\.env\s*\)|\bSys\.getenv\(\s*\)|\bSystem\.get_env\(\s*\)|\b(?:NS)?ProcessInfo\.processInfo\.environment\b(?!\s*\[)|\bPlatform\.environment\b(?!\s*\[)|\b(?:collect|Dict|pairs)\(\s*ENV\s*\)|\bfor\s*\(?\s*\w+\s*,\s*\w+\s*\)?\s+in\s+ENV\b|\benvPairs\(\s*\)|\barray\s+(?:get|names)\s+(?:::)?env\b|\bos\.environ\(\s*\))/m;

/** Walking every environment variable (`os.environ.items()`, `Object.entries(process.env)`). */
export const ENVIRONMENT_SWEEP = /^(?:os\.environ\.(?:items|keys)|environ\.(?:items|keys)|Object\.(?:entries|keys|values))$/;

/** A string that names a kind of secret on its own (`"TOKEN"`, `'api_key'`): what a sweep of the environment filters on. */
export const SECRET_NAME_FRAGMENT = /^_?(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH)_?$/i;

/** Services whose main use is receiving data for someone else (request bins, tunnels, paste and file drops). */
export const EXFIL_SERVICE_HOST =
  /(?:^|\.)(?:webhook\.site|requestbin\.(?:com|net)|pipedream\.net|m\.pipedream\.net|requestcatcher\.com|beeceptor\.com|hookbin\.com|postb\.in|ptsv[23]\.com|mockbin\.org|interact\.sh|oast\.(?:fun|live|me|online|pro|site)|burpcollaborator\.net|oastify\.com|canarytokens\.com|dnslog\.cn|ceye\.io|ngrok(?:-free)?\.(?:io|app|dev)|trycloudflare\.com|serveo\.net|localtunnel\.me|loca\.lt|transfer\.sh|file\.io|0x0\.st|temp\.sh|bashupload\.com|catbox\.moe|anonfiles\.com|gofile\.io|pastebin\.com|paste\.ee|hastebin\.com|ghostbin\.\w+|rentry\.(?:co|org)|glot\.io|controlc\.com|dpaste\.(?:com|org)|justpaste\.it|paste\.rs|termbin\.com|ix\.io|sprunge\.us)$/i;

/** Paste sites: text anyone can post, used to host second-stage commands. */
export const PASTE_HOST = /(?:^|\.)(?:pastebin\.com|paste\.ee|hastebin\.com|ghostbin\.\w+|rentry\.(?:co|org)|glot\.io|controlc\.com|dpaste\.(?:com|org)|justpaste\.it|paste\.rs|termbin\.com|ix\.io|sprunge\.us|pastes\.io|paste\.mozilla\.org|privatebin\.net|gist\.githubusercontent\.com)$/i;

/** Chat webhooks: fine for notifications, but a favourite drop for stolen data. */
export const CHAT_WEBHOOK = /(?:discord(?:app)?\.com\/api\/webhooks|api\.telegram\.org\/bot|hooks\.slack\.com\/services)/i;

/** URLs in text (host captured). */
export const URL_PATTERN = /\b(?:https?|wss?|ftp|oci):\/\/(?:[^\s/@'"`<>]*@)?(\[[0-9a-fA-F:]+\]|[^\s/:'"`<>)\]{}\\|,;?#]+)(?::(\d{1,5}))?/g;

/**
 * The single-quoted command lines a shell script hands to `ssh` over several lines (`ssh "$target" '` … `'`), with the
 * lines they open and close on: what is inside runs on the other machine. Found once per file (a detector asks once per use).
 */
export function sshCommandSpans(file: { readonly text: string }): { open: number; close: number; first: number; last: number }[] {
  const text = file.text;
  if (!text.includes('ssh')) return [];
  const known = sshSpans.get(file);
  if (known) return known;
  const spans: { open: number; close: number; first: number; last: number }[] = [];
  // `ssh` as the command (`| ssh "$target" '`), not a word inside a string (`'ssh-ed25519 AAAA…'`).
  for (const match of text.matchAll(/(?:^|[\s|;&(])ssh(?=[ \t])[^'\n|;&]*'/gm)) {
    const open = match.index + match[0].length;
    const close = text.indexOf("'", open);
    if (close < 0) continue;
    const first = text.slice(0, open).split('\n').length;
    const last = text.slice(0, close).split('\n').length;
    if (last > first) spans.push({ open, close, first, last });
  }
  sshSpans.set(file, spans);
  return spans;
}
const sshSpans = new WeakMap<{ readonly text: string }, { open: number; close: number; first: number; last: number }[]>();

/** Whether a line of a shell script is inside (after the first line of) a command line it hands to `ssh` over several lines. */
export function handedToSsh(file: { readonly text: string }, line: number): boolean {
  return sshCommandSpans(file).some((span) => span.first < line && line <= span.last);
}

/**
 * Addresses the skill's own settings give by key (`endpoint: https://…`, `"precheck": "https://…"`, a `.env`'s `HOOK=https://…`):
 * each key (lower-cased), its address and where it is written. JSON, YAML and TOML files, and `.env` files unless `dotenv` is false.
 */
export function settingAddresses(files: readonly { path: string; fileClass: string; language: string; text: string }[], dotenv: boolean): { file: string; line: number; key: string; url: string }[] {
  const out: { file: string; line: number; key: string; url: string }[] = [];
  for (const file of files) {
    if (file.fileClass !== 'text' || !(['json', 'yaml', 'toml'].includes(file.language) || (dotenv && /(?:^|\/)\.env(?:\.[\w-]+)?$/.test(file.path)))) continue;
    for (const match of file.text.matchAll(/["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*["']?((?:https?|wss?):\/\/[^\s"',}]+)/g)) {
      out.push({ file: file.path, line: file.text.slice(0, match.index).split('\n').length, key: match[1]!.toLowerCase(), url: match[2]! });
    }
  }
  return out;
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a host is an IPv4 literal. */
export function isIpv4(host: string): boolean {
  return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
}

/** Loopback, private and link-local addresses, and names that resolve on the machine or its link (`localhost`, `.local`). */
export function isLocalHost(host: string): boolean {
  const lower = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (lower === 'localhost' || lower.endsWith('.localhost') || lower === '::1' || lower === '0.0.0.0' || lower.endsWith('.local')) return true;
  if (!isIpv4(lower)) return false;
  const [first, second] = lower.split('.').map(Number);
  // Link-local addresses (169.254.0.0/16: the cloud's metadata service) never leave the machine's own link.
  return first === 127 || first === 0 || (first === 169 && second === 254) || isPrivateIpv4(lower);
}

/** Hosts used only as examples in documentation. */
export function isExampleHost(host: string): boolean {
  return /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid-example)$/i.test(host) || /^(?:your|my)[-_.]/i.test(host);
}

/** Hosts whose URLs name things (XML namespaces, schemas) rather than places a program connects to. */
export function isIdentifierHost(host: string): boolean {
  return /^(?:www\.w3\.org|w3\.org|schemas\.(?:openxmlformats\.org|microsoft\.com|android\.com|xmlsoap\.org)|purl\.org|xmlns\.com|json-schema\.org|ns\.adobe\.com|schema\.org|www\.apache\.org|opensource\.org|spdx\.org|creativecommons\.org)$/i.test(host);
}

/** Hosts named in URLs within `text`. */
export function urlHosts(text: string): { host: string; url: string; index: number }[] {
  const out: { host: string; url: string; index: number }[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const host = match[1].toLowerCase().replace(/\.$/, '');
    if (!host || /[$%{}<>*]/.test(host)) continue;
    out.push({ host, url: match[0], index: match.index });
  }
  return out;
}

/** The code forges, as alternatives of a regular expression: the user's repositories live there, and so do the projects a skill names by their canonical repository. */
export const CODE_FORGE_DOMAINS = String.raw`github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|dev\.azure\.com|visualstudio\.com`;

const CODE_FORGE_HOST = new RegExp(`(?:^|\\.)(?:${CODE_FORGE_DOMAINS})$`, 'i');

/** Whether a host is a code forge's or one of its subdomains. */
export function isCodeForge(host: string): boolean {
  return CODE_FORGE_HOST.test(host);
}

/** Whether a host or URL is where exfiltration usually goes: a raw public IP, a bin/paste/tunnel service, plain HTTP, or a chat webhook. */
export function isExfiltrationEndpoint(url: string, host: string): boolean {
  if (isLocalHost(host) || isExampleHost(host)) return false;
  if (isIpv4(host) || /^(?:\d{8,10}|0x[0-9a-f]{8})$/i.test(host)) return true;
  if (EXFIL_SERVICE_HOST.test(host)) return true;
  if (CHAT_WEBHOOK.test(url)) return true;
  return /^(?:http|ftp|ws):\/\//i.test(url);
}

/** Calls and commands that send data over the network. */
export const NETWORK_SINK_CALL =
  /^(?:UrlFetchApp\.fetch(?:All)?|smtp\.SendMail|requests\.(?:post|put|patch|get|request|Session)|(?:session|s|client|http)\.(?:post|put|patch|request)|urllib\d?\.request\.(?:urlopen|Request)|urlopen|Request|httpx\.(?:post|put|get|request|Client|AsyncClient)|aiohttp\.ClientSession|http\.client\.\w+|HTTPS?Connection|(?:\w+\.)?(?:create_connection|sendall|sendto)|socket\.socket|smtplib\.\w+|ftplib\.\w+|fetch|axios(?:\.\w+)?|got(?:\.\w+)?|needle|superagent\.\w+|https?\.(?:request|get)|net\.(?:connect|createConnection)|tls\.connect|dgram\.createSocket|WebSocket|XMLHttpRequest|navigator\.sendBeacon|curl_easy_perform|pycurl\.Curl|Net::HTTP(?:\.(?:post|post_form|get|get_response|start|new)|::(?:Post|Put|Get)\.new)|(?:HTTParty|Faraday|RestClient|Excon|Typhoeus)\.\w+|URI\.open|http\.(?:Post|PostForm|Get|NewRequest(?:WithContext)?)|\w+\.(?:Post|PostForm|Do)|(?:c|cl|cli|client|hc|httpClient|netClient|http\.DefaultClient)\.Get|LWP::UserAgent->new|HTTP::Tiny->new|reqwest::[\w:]+|ureq::\w+|curl_exec|wp_(?:safe_)?remote_(?:post|get|request|head)|(?:[\w\\]*\\)?Requests::(?:post|put|patch|get|request)|(?:\w+\.)?(?:UploadString|UploadData|UploadFile|PostAsync|SendAsync)|openConnection|HttpRequest\.newBuilder|(?:\w+\.)?newCall|[\w:]*(?:[Hh]ttp|HTTP|[Cc]lient|[Aa]gent|[Ss]ession|[Cc]onn(?:ection)?|[Cc]url|[Mm]echanize|[Ww]eb)[\w:]*(?:->\w+)*(?:->|\.|::)(?:post|put|patch|request|post_form|postForm)|(?:ua|browser|mech)(?:->|\.)(?:post|put|patch|request)|(?:httr::)?(?:POST|PUT|PATCH|VERB)|(?:httr2::)?req_perform|(?:curl::)?curl_fetch_\w+|(?:RCurl::)?(?:postForm|httpPOST|getURL)|Downloads\.request|(?:HTTPoison|Req|Tesla|Finch)\.\w+|URLSession[\w.]*\.(?:dataTask|uploadTask|data|upload)|(?:AF|Alamofire)\.(?:request|upload)|(?:Fuel|Unirest|OkHttpClient|HttpClient)\.\w+|http::geturl|fsockopen|stream_socket_client|(?:std::net::)?(?:TcpStream::connect(?:_timeout)?|UdpSocket::bind)|net\.Dial(?:Timeout|TCP|UDP)?|tls\.Dial|(?:\w+\.)?DialContext|Socket|TcpClient|UdpClient|(?:\w+\.)*createSocket|SocketChannel\.open|(?:TCPSocket|UDPSocket)\.(?:new|open)|Socket\.(?:tcp|udp)|IO::Socket::(?:INET|SSL)->new|NWConnection|(?:WWW::Mechanize|Mojo::UserAgent|Furl|HTTP::Tiny)->new(?:->\w+)*)$/;

/** Shell commands that send data over the network (mail senders included: `sendmail`, `mutt -a`, `Send-MailMessage`). */
export const NETWORK_SINK_COMMAND = /^(?:curl|wget|nc|ncat|netcat|socat|telnet|ftp|tftp|sftp|scp|rsync|openssl|Invoke-WebRequest|Invoke-RestMethod|iwr|irm|http|https|xh|aria2c|sendmail|mutt|mailx|msmtp|swaks|Send-MailMessage)$/;

/** `git push` to a URL given on the command line (not a configured remote), quoted or not: a way to carry files off the machine. */
export const GIT_PUSH_TO_URL = /\bgit\s+(?:-\S+\s+)*push\b[^\n|;&]{0,300}\s["']?(?:https?:\/\/|git@|ssh:\/\/)[^\s"']+/;

/** DNS lookups that can carry data in the name asked for. */
export const DNS_SINK =
  /^(?:nslookup|dig|host|drill|resolvectl|(?:socket\.)?(?:gethostbyname(?:_ex)?|getaddrinfo)|dns\.(?:resolve\w*|lookup)|(?:dns\.)?resolver\.(?:query|resolve)|Resolve-DnsName|(?:net|\w*[Rr]esolver)\.Lookup(?:Host|IP|IPAddr|Addr|TXT|CNAME|MX|NS|SRV)|InetAddress\.get(?:All)?ByName|Resolv\.get(?:address|addresses|name)|Addrinfo\.getaddrinfo|(?:\[?(?:System\.Net\.)?Dns\]?(?:::|\.))(?:GetHostEntry|GetHostAddresses|Resolve)\w*|(?:\w+::)*lookup_host|(?:[\w.:]+(?:\.|::))?to_socket_addrs)$/;

/** Paths of test fixtures, sample data and detection rules with their test targets: inputs for the skill's own checks. */
export const FIXTURE_PATH = /(?:^|\/)(?:tests?|fixtures?|testdata|test-data|__tests__|spec|samples?|examples?|corpus|rules|signatures|detections)\//i;

/** A string that is one URL and nothing else. */
export const BARE_URL = /^\s*[a-z][\w+.-]*:\/\/\S*\s*$/i;

/** Identity providers' own token hosts, exactly: a refresh token sent there is being redeemed, not handed over. */
export const IDENTITY_PROVIDER_HOST = /^(?:login\.microsoftonline\.com|login\.microsoftonline\.us|login\.live\.com|login\.windows\.net|oauth2\.googleapis\.com|accounts\.google\.com|www\.googleapis\.com|github\.com|gitlab\.com|slack\.com|appleid\.apple\.com|api\.dropboxapi\.com|api\.dropbox\.com|zoom\.us|login\.salesforce\.com|auth\.atlassian\.com|accounts\.spotify\.com|id\.twitch\.tv)$/i;
/** A token request that redeems a refresh token (`grant_type=refresh_token`, `"grant_type": "refresh_token"`): at the host that issued it, for a new access token. */
export const REFRESH_GRANT = /\bgrant_type["']?\s*[:=,]\s*["']?refresh_token\b/;
