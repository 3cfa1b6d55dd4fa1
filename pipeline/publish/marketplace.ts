/**
 * The Claude Code plugin marketplace (`.claude-plugin/marketplace.json`): every listed skill as an inline
 * plugin (`strict: false`, no plugin.json) whose source is the skill's git repository pinned to the
 * audited commit, and whose plugin root is the audited folder itself. Claude Code checks out that commit,
 * so a user installs the files whose digest the registry signed, and nothing beside them.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ClaudeMarketplaceSchema,
  RESERVED_MARKETPLACE_NAMES,
  SITE_LAYOUT,
  TRUST_WORDS,
  siteUrl,
  type ClaudeMarketplace,
  type IndexEntry,
  type MarketplacePlugin,
  type PluginSource,
  type SkillRecord,
  type Source,
  type Trust,
} from '../../schemas/index.ts';

/** Trust levels the marketplace lists: revoked skills are left out (failed ones are never published). */
const LISTED_TRUST: ReadonlySet<Trust> = new Set(['verified', 'warnings']);

/**
 * Top-level names Claude Code reads as plugin components at a plugin's root. In a skill folder the audit
 * saw them as inert files; installed as a plugin they would register hooks, commands, agents, MCP or LSP
 * servers, settings or further skills that the audit never judged as such. A skill holding one is not
 * listed (it installs with `npx skill-registry install` as before).
 */
export const PLUGIN_COMPONENT_NAMES: readonly string[] = ['.claude-plugin', 'hooks', 'commands', 'agents', 'skills', 'output-styles', '.mcp.json', '.lsp.json', 'settings.json'];

/** The marketplace name when the registry's name yields none. */
const FALLBACK_MARKETPLACE_NAME = 'skill-registry';

/** Longest marketplace name Claude Code accepts. */
const MAX_MARKETPLACE_NAME = 64;

/** One indexed skill and the record of its indexed digest. */
export interface MarketplaceSkill {
  /** Its line of `api/index.json` (trust already reflects the revocation list). */
  line: IndexEntry;
  /** Its record: the audited source. */
  record: SkillRecord;
}

/** A skill that could be listed but is not, and why. */
export interface Unlisted {
  /** `publisher/name`. */
  skill: string;
  /** What keeps it out, in words an operator acts on. */
  reason: string;
}

/** What {@link claudeMarketplace} needs. */
export interface MarketplaceInput {
  /** Registry name and public URL. */
  registry: { name: string; url: string };
  /** Indexed skills, in index order. */
  skills: MarketplaceSkill[];
  /** Folder that local `source.repo` paths are relative to (the registry folder). */
  localSourceBase: string;
}

/** The marketplace and the skills it leaves out. */
export interface MarketplaceOutput {
  /** The validated marketplace. */
  marketplace: ClaudeMarketplace;
  /** Listable skills that are not listed. */
  unlisted: Unlisted[];
}

/** The marketplace name: the registry's name in kebab-case, never one Claude Code reserves. */
export function marketplaceName(registryName: string): string {
  const slug = registryName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_MARKETPLACE_NAME - '-registry'.length)
    .replace(/^-+|-+$/g, '');
  const name = slug === '' ? FALLBACK_MARKETPLACE_NAME : slug;
  return (RESERVED_MARKETPLACE_NAMES as readonly string[]).includes(name) ? `${name}-registry` : name;
}

/** The plugin name of a skill: unique per registry as long as `publisher-name` does not read two ways. */
export function pluginName(publisher: string, name: string): string {
  return `${publisher}-${name}`;
}

const GITHUB_REMOTE = [/^https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/i, /^git@github\.com:([^/]+\/[^/]+?)(?:\.git)?$/i, /^ssh:\/\/git@github\.com\/([^/]+\/[^/]+?)(?:\.git)?$/i];

/** `owner/repo` when the repository is on github.com, else undefined. */
function githubRepo(repo: string): string | undefined {
  for (const pattern of GITHUB_REMOTE) {
    const match = pattern.exec(repo);
    if (match) return match[1];
  }
  return undefined;
}

/** A URL git can clone: remote URLs as written, local paths (private registries) as `file://` URLs. */
function cloneUrl(repo: string, localSourceBase: string): string {
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/\\]+@[^/\\:]+:/.test(repo);
  if (remote) return repo;
  return pathToFileURL(isAbsolute(repo) ? repo : resolve(localSourceBase, repo)).href;
}

/** `source.path` without `./`, trailing slashes or a lone `.`; empty for the repository root. */
function folderInRepo(path: string): string {
  return path.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/**
 * Where Claude Code fetches a skill: the whole repository (`github` or `url`) when the skill is its root,
 * else the skill's folder (`git-subdir`); always at the audited commit.
 */
export function pluginSource(source: Source, localSourceBase: string): PluginSource {
  const folder = folderInRepo(source.path);
  const github = githubRepo(source.repo);
  if (folder === '' && github) return { source: 'github', repo: github, sha: source.commit };
  const url = github ? `https://github.com/${github}.git` : cloneUrl(source.repo, localSourceBase);
  if (folder === '') return { source: 'url', url, sha: source.commit };
  return { source: 'git-subdir', url, path: folder, sha: source.commit };
}

/** Why a skill's files would mean more as a plugin than as the skill the audit judged, or undefined. */
function componentReason(record: SkillRecord): string | undefined {
  const tops = new Set(record.files.map((file) => file.path.split('/')[0]));
  const found = PLUGIN_COMPONENT_NAMES.filter((name) => tops.has(name));
  if (found.length === 0) return undefined;
  return `its folder holds ${found.map((name) => `\`${name}\``).join(', ')}, which Claude Code would load as plugin components the audit did not judge as such. Move them out of the skill folder to list it in the plugin marketplace.`;
}

/** Why a plugin name cannot be used (an earlier skill reads the same as `publisher-name`), or undefined. */
function nameTakenReason(name: string, claimedBy: ReadonlyMap<string, string>): string | undefined {
  const owner = claimedBy.get(name);
  if (owner === undefined) return undefined;
  return `its plugin name \`${name}\` is already taken by ${owner}. Rename the skill or publish it under another publisher to list it.`;
}

function httpsRepository(repo: string): string | undefined {
  return /^https:\/\//i.test(repo) ? repo : undefined;
}

/** The marketplace entry of one skill. */
function marketplacePlugin(skill: MarketplaceSkill, input: MarketplaceInput): MarketplacePlugin {
  const { line, record } = skill;
  const repository = httpsRepository(record.source.repo);
  return {
    name: pluginName(line.publisher, line.name),
    source: pluginSource(record.source, input.localSourceBase),
    description: line.description,
    version: line.version,
    author: { name: line.publisher },
    homepage: siteUrl(input.registry.url, SITE_LAYOUT.skillPage(line.publisher, line.name)),
    ...(repository ? { repository } : {}),
    license: line.license,
    keywords: ['skill', line.publisher, TRUST_WORDS[line.trust].toLowerCase().replaceAll(' ', '-')],
    strict: false,
    skills: ['./'],
  };
}

/** Builds the marketplace of the listed skills (verified or passed with warnings) and names those it leaves out. */
export function claudeMarketplace(input: MarketplaceInput): MarketplaceOutput {
  const plugins: MarketplacePlugin[] = [];
  const unlisted: Unlisted[] = [];
  const claimedBy = new Map<string, string>();
  for (const skill of input.skills) {
    if (!LISTED_TRUST.has(skill.line.trust)) continue;
    const id = `${skill.line.publisher}/${skill.line.name}`;
    const name = pluginName(skill.line.publisher, skill.line.name);
    const reason = componentReason(skill.record) ?? nameTakenReason(name, claimedBy);
    if (reason) {
      unlisted.push({ skill: id, reason });
      continue;
    }
    claimedBy.set(name, id);
    plugins.push(marketplacePlugin(skill, input));
  }
  const marketplace = ClaudeMarketplaceSchema.parse({
    name: marketplaceName(input.registry.name),
    owner: { name: input.registry.name },
    metadata: { description: `Skills audited by ${input.registry.name}, each pinned to the commit the registry audited. Check an installed copy with npx skill-registry verify <folder>.` },
    plugins,
  });
  return { marketplace, unlisted };
}
