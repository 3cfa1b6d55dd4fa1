/**
 * Reading a published registry: a base URL (`https://…/`) or a local folder of a built site (the
 * folder that holds `api/`). Every file is size-capped and every JSON file is checked with the same
 * schema the publisher wrote it with.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DEFAULT_TREE_LIMITS, parseSha256, unsafePathReason } from '../core/index.ts';
import {
  RegistryIndexSchema,
  SITE_LAYOUT,
  SkillHistorySchema,
  SkillRecordSchema,
  TrustPolicySchema,
  type RegistryIndex,
  type SkillHistory,
  type SkillRecord,
  type TrustPolicy,
  describeZodError,
  SearchTextSchema,
  type SearchText,
} from '../schemas/index.ts';
import { RegistryError } from './errors.ts';

/** The public registry, used when neither --registry nor SKILL_REGISTRY_URL is given. */
export const DEFAULT_REGISTRY_URL = 'https://skill-registry.dev';

/** Longest a single request may take: a registry file is small, so 30 s means the host is unwell. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Redirects followed per request; each hop is checked like the registry URL itself. */
const MAX_REDIRECTS = 5;

/** Loopback host names, the only ones plain http:// may reach. */
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Options of a {@link RegistryClient}. */
export interface RegistryClientOptions {
  /** Deadline of one request, body included, in ms (default 30 s): a server that stalls mid-body is given up on. */
  timeoutMs?: number;
}
/** Largest JSON file read: the index of a 10,000-skill registry is a few MiB; 64 MiB is a runaway. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Largest archive read: the tree caps bound the content; gzip and tar headers add little. */
const MAX_ARCHIVE_BYTES = DEFAULT_TREE_LIMITS.maxTotalBytes + 4 * 1024 * 1024;

/** Picks the registry location: the flag, then SKILL_REGISTRY_URL, then the public registry. */
export function registryLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.SKILL_REGISTRY_URL || DEFAULT_REGISTRY_URL;
}

/**
 * The `--registry` part of a command shown for someone to copy (` --registry https://skills.example.org`),
 * empty for the public registry the CLI uses by default: a pasted command must reach the registry it came from.
 */
export function registryFlag(location: string): string {
  const trimmed = location.replace(/\/+$/, '');
  if (trimmed === DEFAULT_REGISTRY_URL) return '';
  return ` --registry ${/^[\w@%+=:,./-]+$/.test(trimmed) ? trimmed : `'${trimmed.replaceAll("'", "'\\''")}'`}`;
}

/** Plain http:// to a host that is not loopback, unless the operator allowed it for a network they control. */
function insecure(url: URL): boolean {
  return url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname) && process.env.SKILL_REGISTRY_ALLOW_HTTP !== '1';
}

/**
 * The folder that holds `api/` in what a build printed: the published records themselves, a built
 * catalog (its `client/`), or a build folder holding both (`site/client/`, `published/`). The first
 * that has an index wins; a folder with none stays as given, so the error names what the user typed.
 */
function siteFolder(folder: string): string {
  const candidates = [folder, join(folder, 'client'), join(folder, 'site', 'client'), join(folder, 'published')];
  return candidates.find((candidate) => existsSync(join(candidate, SITE_LAYOUT.index))) ?? folder;
}

/** Read access to one published registry. */
export class RegistryClient {
  /** What the user gave, for messages. */
  readonly location: string;
  /** `url` for HTTP(S) registries, `folder` for a local built site. */
  readonly kind: 'url' | 'folder';
  readonly #base: string;
  /** Parsed JSON files already read: verify and install read the same record and bundle twice. */
  readonly #json = new Map<string, unknown>();
  readonly #timeoutMs: number;

  constructor(location: string, options: RegistryClientOptions = {}) {
    this.location = location;
    this.#timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    if (/^https?:\/\//i.test(location)) {
      // Signatures protect the files, but plain HTTP to another machine lets anyone on the path serve
      // a different trust.json or withhold revocations: only loopback may be plain HTTP.
      const url = new URL(location);
      if (insecure(url)) {
        throw new RegistryError('INSECURE_URL', `The registry ${location} is plain http:// on another machine, so anyone on the network path could swap its files or hide revocations. Use its https:// URL (or set SKILL_REGISTRY_ALLOW_HTTP=1 for a network you control).`, { where: location });
      }
      this.kind = 'url';
      this.#base = location.endsWith('/') ? location : `${location}/`;
    } else {
      this.kind = 'folder';
      this.#base = siteFolder(resolve(/^file:/i.test(location) ? fileURLToPath(location) : location));
    }
  }

  /** Where a site-relative path lives, refusing paths that leave the site. */
  resolvePath(path: string): string {
    const reason = unsafePathReason(path) ?? (/^[a-z][a-z0-9+.-]*:/i.test(path) ? 'it is a URL, not a site path' : undefined);
    if (reason) throw new RegistryError('UNSAFE_PATH', `The registry names the file ${JSON.stringify(path)}, which is unsafe because ${reason}. The registry is corrupt or hostile: report it to its operator.`, { where: path });
    if (this.kind === 'url') return new URL(path.split('/').map(encodeURIComponent).join('/'), this.#base).href;
    return this.#base + sep + path.split('/').join(sep);
  }

  /** Reads a site file, or returns undefined when it does not exist. */
  async readOptional(path: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const target = this.resolvePath(path);
    if (this.kind === 'folder') {
      const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
        throw new RegistryError('UNREACHABLE', `Cannot read ${target} (${error.code}). Check the --registry folder.`, { where: target, cause: error });
      });
      if (!info) {
        if (path.startsWith(`${SITE_LAYOUT.apiDir}/`) && !(await stat(resolve(this.#base, SITE_LAYOUT.apiDir)).catch(() => undefined))) {
          throw new RegistryError('UNREACHABLE', `${this.#base} holds no api/ folder, so it is not a built registry site. Give the folder that holds api/ (the build output), or a registry URL.`, { where: this.#base });
        }
        return undefined;
      }
      if (!info.isFile()) throw new RegistryError('INVALID', `${target} is not a file. The site folder is damaged: build it again.`, { where: target });
      if (info.size > maxBytes) throw new RegistryError('TOO_LARGE', `${target} is ${info.size} bytes, over the ${maxBytes}-byte limit for this file. The site folder is damaged or hostile.`, { where: target });
      return readFile(target);
    }
    // One deadline for the whole request, redirects and body included.
    const signal = AbortSignal.timeout(this.#timeoutMs);
    const response = await this.#fetchFollowing(target, signal);
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryError('UNREACHABLE', `${target} answered HTTP ${response.status}. Try again later, or ask the registry operator.`, { where: target });
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new RegistryError('TOO_LARGE', `${target} is ${declared} bytes, over the ${maxBytes}-byte limit for this file.`, { where: target });
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    try {
      for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
        total += part.value.length;
        if (total > maxBytes) {
          await reader?.cancel();
          throw new RegistryError('TOO_LARGE', `${target} is larger than the ${maxBytes}-byte limit for this file.`, { where: target });
        }
        chunks.push(part.value);
      }
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      const why = signal.aborted ? `it did not finish within ${Math.round(this.#timeoutMs / 1000)} s` : `the connection broke (${(error as Error).message})`;
      throw new RegistryError('UNREACHABLE', `${target} stopped sending after ${total} bytes: ${why}. Try again later, or ask the registry operator.`, { where: target, cause: error });
    }
    return Buffer.concat(chunks);
  }

  /**
   * Fetches `target`, following redirects itself so that every hop is held to the same rule as the
   * registry URL: https, or plain http on loopback only.
   */
  async #fetchFollowing(target: string, signal: AbortSignal): Promise<Response> {
    let current = target;
    for (let hop = 0; ; hop += 1) {
      let response: Response;
      try {
        response = await fetch(current, { signal, redirect: 'manual' });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = signal.aborted ? `no answer within ${Math.round(this.#timeoutMs / 1000)} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
        throw new RegistryError('UNREACHABLE', `Cannot reach ${current} (${why}). Check the registry URL and your connection, or pass --registry with a local site folder.`, { where: current, cause: error });
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      await response.body?.cancel();
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new RegistryError('UNREACHABLE', `${current} redirects to ${JSON.stringify(location)}, which is not a URL. Ask the registry operator to fix the redirect.`, { where: current });
      }
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new RegistryError('INSECURE_URL', `${current} redirects to ${next.href}, which is not http(s). Refused: ask the registry operator to fix the redirect.`, { where: current });
      }
      if (insecure(next)) {
        throw new RegistryError('INSECURE_URL', `${current} redirects to plain http:// on another machine (${next.href}), where anyone on the network path could swap the files or hide revocations. Refused: use the registry's https:// URL (or set SKILL_REGISTRY_ALLOW_HTTP=1 for a network you control).`, { where: current });
      }
      if (hop >= MAX_REDIRECTS) throw new RegistryError('UNREACHABLE', `${target} redirects more than ${MAX_REDIRECTS} times. Ask the registry operator to fix the redirects.`, { where: target });
      current = next.href;
    }
  }

  /** Reads a site file that must exist. */
  async read(path: string, maxBytes: number, what: string): Promise<Uint8Array> {
    const bytes = await this.readOptional(path, maxBytes);
    if (bytes === undefined) throw new RegistryError('NOT_FOUND', `The registry ${this.location} has no ${what} (${path}).`, { where: path });
    return bytes;
  }

  /** Reads and parses a JSON site file; undefined when absent. */
  async readJsonOptional(path: string): Promise<unknown> {
    if (this.#json.has(path)) return this.#json.get(path);
    const value = await this.#readJson(path);
    this.#json.set(path, value);
    return value;
  }

  async #readJson(path: string): Promise<unknown> {
    const bytes = await this.readOptional(path, MAX_JSON_BYTES);
    if (bytes === undefined) return undefined;
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    } catch (error) {
      throw new RegistryError('INVALID', `${path} from ${this.location} is not JSON (${(error as Error).message}). The registry is damaged: report it to its operator.`, { where: path, cause: error });
    }
  }

  async #parsed<T extends z.ZodType>(path: string, schema: T, what: string, optional: boolean): Promise<z.output<T> | undefined> {
    const value = await this.readJsonOptional(path);
    if (value === undefined) {
      if (optional) return undefined;
      throw new RegistryError('NOT_FOUND', `The registry ${this.location} has no ${what} (${path}).`, { where: path });
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const version = (value as { schemaVersion?: unknown }).schemaVersion;
      const hint = version !== undefined && version !== 1 ? ` It has schemaVersion ${JSON.stringify(version)}; this version of skill-registry reads 1: update it.` : ' The registry is damaged or newer than this client: update skill-registry.';
      throw new RegistryError('INVALID', `${path} from ${this.location} is not a valid ${what} (${describeZodError(parsed.error, 'record')}).${hint}`, { where: path });
    }
    return parsed.data as z.output<T>;
  }

  /** `api/index.json`. */
  async index(): Promise<RegistryIndex> {
    return (await this.#parsed(SITE_LAYOUT.index, RegistryIndexSchema, 'registry index', false))!;
  }

  /** `api/search.json` (each skill's SKILL.md text), or undefined for a registry published before it existed. */
  async searchText(): Promise<SearchText | undefined> {
    return this.#parsed(SITE_LAYOUT.searchText, SearchTextSchema, 'search text', true);
  }

  /** `api/skills/<publisher>/<name>.json`, or undefined. */
  async history(publisher: string, name: string): Promise<SkillHistory | undefined> {
    return this.#parsed(SITE_LAYOUT.history(publisher, name), SkillHistorySchema, 'skill history', true);
  }

  /** `api/digests/<hex>.json`, or undefined when the registry never published that digest. */
  async record(digest: string): Promise<SkillRecord | undefined> {
    return this.#parsed(SITE_LAYOUT.record(`sha256:${hexOf(digest)}`), SkillRecordSchema, 'skill record', true);
  }

  /** The Sigstore bundle at a record's attestation path (raw JSON, checked by the verifier). */
  async bundle(path: string): Promise<unknown> {
    const value = await this.readJsonOptional(path);
    if (value === undefined) throw new RegistryError('NOT_FOUND', `The registry ${this.location} has no attestation bundle at ${path}.`, { where: path });
    return value;
  }

  /** `api/revocations.json` (raw bundle JSON), or undefined. */
  async revocations(): Promise<unknown> {
    return this.readJsonOptional(SITE_LAYOUT.revocations);
  }

  /** `api/trust.json`. */
  async trust(): Promise<TrustPolicy> {
    return (await this.#parsed(SITE_LAYOUT.trust, TrustPolicySchema, 'trust policy', false))!;
  }

  /** `api/trusted_root.json` (a mirrored Sigstore trusted root), or undefined. */
  async trustedRoot(): Promise<unknown> {
    return this.readJsonOptional(SITE_LAYOUT.trustedRoot);
  }

  /** The archive at a record's archive path. */
  async archive(path: string): Promise<Uint8Array> {
    return this.read(path, MAX_ARCHIVE_BYTES, 'archive');
  }
}

/** Lower-case hex of a `sha256:<hex>` or bare-hex digest. */
function hexOf(digest: string): string {
  const hex = parseSha256(digest);
  if (!hex) throw new RegistryError('INVALID', `${JSON.stringify(digest)} is not a SHA-256 digest.`);
  return hex;
}
