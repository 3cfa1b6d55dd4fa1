/**
 * Package manager configuration the skill ships that points installs at a host the skill fixes: a Maven `settings.xml`
 * or `pom.xml` whose `<mirror>` stands in for every repository (`<mirrorOf>*</mirrorOf>`, Central, `external:*`), an
 * `.npmrc` or `.yarnrc.yml` whose registry is another host, a `pip.conf` whose index is another index or which adds an
 * extra one, a Dependabot registry that `replaces-base`, Renovate `registryUrls`. Every dependency and build plugin then
 * comes from that host, and the build runs what it serves.
 *
 * A template the user fills in (`settings.template.xml`, `.npmrc.example`) is the user's to complete, unless the skill's
 * own code uses it as it is (`mvn -s assets/settings.template.xml`). Placeholders (`${env.NEXUS_URL}`, `<your-mirror>`),
 * the public registries (GitHub Packages and GitLab's included), the company's own network (a host whose last label is `.internal`, `.corp`, `.lan`, `.local`)
 * and the indexes of frameworks that publish their wheels there (PyTorch, NVIDIA) are not reported.
 */
import { parse as parseYaml } from 'yaml';
import type { RawFinding, SourceFile } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/package-source-redirect/rule.yaml. */
export const version = 3;

/** Configuration files of package managers, by name. */
const CONFIG_FILE = /(?:^|\/)(?:[^/]*\.xml|\.?npmrc(?:\.[\w-]+)?|\.yarnrc\.yml(?:\.[\w-]+)?|pip\.(?:conf|ini)(?:\.[\w-]+)?)$/i;

/** A file named as a template to fill in. */
const TEMPLATE_NAME = /(?:^|[./_-])(?:template|tmpl|tpl|example|sample|dist)(?:[./_-]|$)/i;

/** Dependency-bot configuration: Dependabot's `registries:` map, Renovate's `registryUrls`, in YAML, JSON or JSON5. */
const BOT_CONFIG_FILE = /\.(?:ya?ml|json5?)$/i;

/** The file parsed as data: YAML reads JSON and most JSON5 once its comments are gone; undefined when it does not parse. */
function parsed(text: string): unknown {
  try {
    return parseYaml(text.replace(/^\s*\/\/.*$/gm, ''), { logLevel: 'silent', maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

/**
 * Addresses a dependency bot is told to resolve packages through: a Dependabot registry that replaces the default one
 * (`replaces-base: true`), and Renovate's `registryUrls` in a configuration of package rules.
 */
function botRegistries(text: string): string[] {
  const data = parsed(text);
  const out: string[] = [];
  const renovate = /packageRules|matchDatasources|hostRules/.test(text);
  const visit = (node: unknown, depth: number): void => {
    if (depth > 12 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record['replaces-base'] === true && typeof record.url === 'string') out.push(record.url);
    if (renovate && Array.isArray(record.registryUrls)) for (const url of record.registryUrls) if (typeof url === 'string') out.push(url);
    for (const value of Object.values(record)) visit(value, depth + 1);
  };
  visit(data, 0);
  return out;
}

/** Hosts of the public registries and of frameworks' own package indexes. */
const PUBLIC_REGISTRY = /^(?:repo\.maven\.apache\.org|repo1\.maven\.org|repo\.maven\.org|maven\.google\.com|maven-central(?:-\w+)?\.storage-download\.googleapis\.com|plugins\.gradle\.org|registry\.npmjs\.org|registry\.yarnpkg\.com|registry\.npmmirror\.com|pypi\.org|pypi\.python\.org|files\.pythonhosted\.org|test\.pypi\.org|download\.pytorch\.org|pypi\.nvidia\.com|pypi\.ngc\.nvidia\.com|data\.pyg\.org|(?:npm|maven|nuget|rubygems)\.pkg\.github\.com|ghcr\.io|gitlab\.com)$/i;

/** A host on the company's own network: its last label says so. */
const COMPANY_HOST = /\.(?:internal|intranet|corp|lan|local)$/i;

/** A Maven mirror of every repository, or of Central, with its address (elements in any order). */
const MAVEN_MIRROR = /<mirror>(?=(?:(?!<\/mirror>)[\s\S]){0,1000}?<mirrorOf>\s*(?:\*(?:\s*,[^<\n]*)?|central|[^<\n]*\bexternal:\*[^<\n]*|[^<\n]*,\s*central\b[^<\n]*)\s*<\/mirrorOf>)(?:(?!<\/mirror>)[\s\S]){0,1000}?<url>\s*([^<\s]+)/g;

/** The default registry or index set, or an index added beside it (`extra-index-url`). */
const REGISTRY_SETTING = /^[ \t]*(?:registry|index-url|index_url|extra-index-url|extra_index_url|npmRegistryServer)\s*[=:]\s*["']?([^\s"']+)/gm;

/** The host of an address the file fixes, or undefined for a placeholder, a plain-HTTP address (another rule's) or no address. */
function fixedHost(address: string): string | undefined {
  if (/\$\{|\{\{|<|%[A-Z_]+%/.test(address)) return undefined;
  const host = /^https:\/\/(?:[^@/\s]*@)?([a-z0-9.-]+)(?=[:/]|$)/i.exec(address)?.[1]?.toLowerCase();
  if (host === undefined || PUBLIC_REGISTRY.test(host) || COMPANY_HOST.test(host)) return undefined;
  return host;
}

/** The package-source-redirect detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const code = context.files.filter((file) => file.fileClass === 'text' && file.language !== 'markdown');
  const report = (file: SourceFile, index: number, evidence: string) => {
    const line = file.text.slice(0, index).split('\n').length;
    findings.push({ ruleId: 'package-source-redirect', file: file.path, line, evidence: evidence.replace(/\s+/g, ' ').trim().slice(0, 160) });
  };
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const name = file.path.split('/').pop()!;
    // A template the user fills in, unless the skill's own code uses it as it is.
    if (TEMPLATE_NAME.test(name) && !code.some((other) => other !== file && other.text.includes(name))) continue;
    // A dependency bot told to resolve packages through a fixed host: every update it proposes comes from there.
    if (BOT_CONFIG_FILE.test(name) && /registries|registryUrls/.test(file.text)) {
      for (const address of botRegistries(file.text)) {
        if (fixedHost(address) === undefined) continue;
        const at = Math.max(0, file.text.indexOf(address));
        report(file, at, file.text.slice(file.text.lastIndexOf('\n', at) + 1).split('\n')[0] ?? address);
      }
    }
    if (!CONFIG_FILE.test(file.path)) continue;
    for (const match of file.text.matchAll(/\.xml$/i.test(name) ? MAVEN_MIRROR : REGISTRY_SETTING)) {
      if (fixedHost(match[1]!) !== undefined) report(file, match.index, match[0]);
    }
  }
  return findings;
}
