/**
 * The revocation list in OSV format (https://ossf.github.io/osv-schema/): one advisory per revoked
 * digest the registry published (`api/osv/<id>.json`) and an index of them (`api/osv/index.json`), so
 * vulnerability scanners and mirrors that read OSV learn of revocations too. The signed revocation list
 * stays the authority; these are a view of it.
 */
import {
  OSV_ECOSYSTEM,
  OSV_SCHEMA_VERSION,
  OsvAdvisorySchema,
  OsvIndexSchema,
  SITE_LAYOUT,
  siteUrl,
  type OsvAdvisory,
  type OsvIndex,
  type Revocation,
  type SkillRecord,
} from '../../schemas/index.ts';
import { canonicalJson } from '../../core/index.ts';
import { rfc3339 } from './format.ts';

/** Hex digits of the digest in an advisory id: 64 bits, so ids of different digests do not meet. */
const ID_HEX_DIGITS = 16;

/** Longest summary OSV recommends. */
const MAX_SUMMARY = 120;

/** The advisory id of a revoked digest: `SKR-` and the first 16 hex digits. */
export function osvId(digest: string): string {
  return `SKR-${digest.slice('sha256:'.length, 'sha256:'.length + ID_HEX_DIGITS)}`;
}

/** What one advisory is built from. */
export interface AdvisoryInput {
  /** The revocation. */
  revocation: Revocation;
  /** The record the revoked digest was published with. */
  record: SkillRecord;
  /** The registry's public URL. */
  registryUrl: string;
  /** The advisory as published before, if any: its `modified` time is kept while nothing else changes. */
  previous: OsvAdvisory | undefined;
  /** This run's time (RFC 3339): `modified` when the advisory is new or changed. */
  now: string;
}

/** The advisory without its `modified` time, which depends on what was published before. */
function advisoryBody(input: AdvisoryInput): Omit<OsvAdvisory, 'modified'> {
  const { revocation, record, registryUrl } = input;
  const skill = `${record.publisher}/${record.name}`;
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: osvId(record.digest),
    published: rfc3339(revocation.date) ?? input.previous?.published ?? input.now,
    summary: `${skill} ${record.version} is revoked by the registry`.slice(0, MAX_SUMMARY),
    details: `${revocation.reason}\n\nOnly the files with skill-tree-v1 digest ${record.digest} are revoked. Remove installed copies; \`npx skill-registry verify <folder>\` tells whether a folder holds them.`,
    affected: [
      {
        package: { ecosystem: OSV_ECOSYSTEM, name: skill, purl: `pkg:skill/${skill}` },
        versions: [record.version],
        database_specific: { digest: record.digest, registry: registryUrl },
      },
    ],
    references: [
      { type: 'WEB', url: siteUrl(registryUrl, SITE_LAYOUT.skillPage(record.publisher, record.name)) },
      { type: 'WEB', url: siteUrl(registryUrl, SITE_LAYOUT.record(record.digest)) },
      { type: 'ADVISORY', url: siteUrl(registryUrl, SITE_LAYOUT.osvAdvisory(osvId(record.digest))) },
    ],
  };
}

/** Whether two advisories say the same thing, `modified` aside. */
function sameContent(a: Omit<OsvAdvisory, 'modified'>, b: OsvAdvisory): boolean {
  const { modified: _modified, ...rest } = b;
  return canonicalJson(a) === canonicalJson(rest);
}

/** The advisory of one revocation; `modified` moves only when its content changes. */
export function osvAdvisory(input: AdvisoryInput): OsvAdvisory {
  const body = advisoryBody(input);
  const modified = input.previous && sameContent(body, input.previous) ? input.previous.modified : input.now;
  return OsvAdvisorySchema.parse({ ...body, modified });
}

/** A previously issued advisory whose revocation was lifted: withdrawn now, or as it was when already withdrawn. */
export function withdrawnAdvisory(previous: OsvAdvisory, now: string): OsvAdvisory {
  if (previous.withdrawn !== undefined) return previous;
  return OsvAdvisorySchema.parse({ ...previous, withdrawn: now, modified: now });
}

/** The index of every advisory, newest change first. */
export function osvIndex(advisories: readonly OsvAdvisory[]): OsvIndex {
  const lines = advisories.map((advisory) => ({
    id: advisory.id,
    modified: advisory.modified,
    withdrawn: advisory.withdrawn !== undefined,
    digest: advisory.affected[0].database_specific.digest,
    path: SITE_LAYOUT.osvAdvisory(advisory.id),
  }));
  lines.sort((a, b) => Date.parse(b.modified) - Date.parse(a.modified) || a.id.localeCompare(b.id));
  return OsvIndexSchema.parse({ schemaVersion: 1, ecosystem: OSV_ECOSYSTEM, advisories: lines });
}
