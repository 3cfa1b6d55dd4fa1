/**
 * Where each published file lives, relative to the site root: the one place that knows the URL layout.
 * The publisher writes to these paths, the catalog links to them, and the site build copies them.
 */

/** Hex part of a `sha256:` digest. */
function digestHex(digest: string): string {
  return digest.slice('sha256:'.length);
}

/** Site-relative paths of the published files; none starts with `/`. */
export const SITE_LAYOUT = {
  /** `api`: the folder of the JSON API (index, records, bundles, archives, histories). */
  apiDir: 'api',
  /** `api/index.json`: every published skill at its latest version. */
  index: 'api/index.json',
  /** `api/search.json`: each indexed skill's SKILL.md text, for `skill-registry search`. */
  searchText: 'api/search.json',
  /** `api/trust.json`: who signs this registry. */
  trust: 'api/trust.json',
  /** `api/revocations.json`: the signed revocation list. */
  revocations: 'api/revocations.json',
  /** `api/trusted_root.json`: a mirrored Sigstore trusted root (registries signed keyless by their own Sigstore instance). */
  trustedRoot: 'api/trusted_root.json',
  /** `api/digests/<hex>.json`: the record of one audited tree. */
  record: (digest: string) => `api/digests/${digestHex(digest)}.json`,
  /** `api/digests/<hex>.sigstore.json`: the Sigstore bundle of its attestation. */
  bundle: (digest: string) => `api/digests/${digestHex(digest)}.sigstore.json`,
  /** `api/archives/<hex>.tar.gz`: the audited files. */
  archive: (digest: string) => `api/archives/${digestHex(digest)}.tar.gz`,
  /** `api/skills/<publisher>/<name>.json`: every published version of a skill. */
  history: (publisher: string, name: string) => `api/skills/${publisher}/${name}.json`,
  /** `skills/<publisher>/<name>/`: the catalog page of a skill. */
  skillPage: (publisher: string, name: string) => `skills/${publisher}/${name}/`,
  /** `publishers/<publisher>/`: the catalog page listing one publisher's skills. */
  publisherPage: (publisher: string) => `publishers/${publisher}/`,
  /** `rules/`: the catalog's reference of the scanner's rules, one anchor per rule id. */
  rulesPage: 'rules/',
  /** `rules/#<id>`: one rule on the rules page. */
  rule: (ruleId: string) => `rules/#${ruleId}`,
  /** `revocations/`: the catalog page listing every revoked skill with its reason and date. */
  revocationsPage: 'revocations/',
  /** `revocations/#<hex>`: one revocation on that page. */
  revocation: (digest: string) => `revocations/#${digestHex(digest)}`,
  /** `.claude-plugin/marketplace.json`: the Claude Code plugin marketplace. */
  marketplace: '.claude-plugin/marketplace.json',
  /** `badge/<publisher>/<name>.svg`: a skill's trust badge. */
  badge: (publisher: string, name: string) => `badge/${publisher}/${name}.svg`,
  /** `badge/`: the folder holding every badge. */
  badgeDir: 'badge',
  /** `feed.xml`: the Atom feed of new, updated and revoked skills. */
  feed: 'feed.xml',
  /** `api/osv/index.json`: every OSV advisory the registry issued. */
  osvIndex: 'api/osv/index.json',
  /** `api/osv/<id>.json`: one revocation as an OSV advisory. */
  osvAdvisory: (id: string) => `api/osv/${id}.json`,
} as const;

/**
 * Published files that live outside `api/` (the site build copies `api/` as a whole, and these beside
 * it, into the root of the catalog).
 */
export const SITE_ROOT_OUTPUTS = ['.claude-plugin', SITE_LAYOUT.badgeDir, SITE_LAYOUT.feed] as const;

/** The absolute URL of a site-relative path under the registry's public URL. */
export function siteUrl(registryUrl: string, path: string): string {
  return `${registryUrl.replace(/\/+$/, '')}/${path}`;
}
