/**
 * The second step of an install through MCP when the client cannot ask the user itself: the first call
 * returns a preview and a confirmation token, and only a second call that hands the token back
 * installs. A token is random (an agent cannot make one up to skip the preview), used once, short-lived,
 * and bound to exactly what the preview showed: the same version, digest, destination, capabilities,
 * verdict and warnings. If any of them differ when the install runs, nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../core/index.ts';
import { parseSkillSpec, type InstallPreview } from '../../client/index.ts';

/**
 * How long a token stays valid: long enough for a person to read a preview and answer, short enough
 * that a preview from an earlier conversation cannot be confirmed later by accident.
 */
export const CONFIRMATION_TTL_MS = 10 * 60 * 1000;

/** Most tokens waiting at once: an agent previewing in a loop cannot grow the server's memory without bound. */
export const MAX_PENDING_CONFIRMATIONS = 100;

/** A preview waiting for its confirmation. */
export interface PendingInstall {
  /** The preview as shown. */
  preview: InstallPreview;
  /** When the token stops being accepted (ms since the epoch). */
  expiresAt: number;
}

/** Why a token was not accepted, in plain words, or the pending install it confirms. */
export type TakenConfirmation = { pending: PendingInstall } | { refusal: string };

/** What of a preview a confirmation is bound to, as one comparable string. */
function boundFacts(preview: InstallPreview): string {
  return canonicalJson({
    skill: preview.skill,
    destination: preview.destination,
    replaces: preview.replaces,
    capabilities: preview.capabilities,
    verdict: preview.verdict,
    trust: preview.trust,
    warnings: preview.warnings,
  });
}

/** The confirmation tokens of one MCP session (one server process). */
export class InstallConfirmations {
  readonly #pending = new Map<string, PendingInstall>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Remembers a preview and returns the token that confirms it. */
  issue(preview: InstallPreview): { token: string; expiresAt: number } {
    this.#forgetExpired();
    // Maps iterate in insertion order: the oldest preview is dropped first.
    while (this.#pending.size >= MAX_PENDING_CONFIRMATIONS) this.#pending.delete(this.#pending.keys().next().value!);
    const token = randomBytes(18).toString('base64url');
    const expiresAt = this.#now() + CONFIRMATION_TTL_MS;
    this.#pending.set(token, { preview, expiresAt });
    return { token, expiresAt };
  }

  /**
   * Takes a token for the skill named in the call (used once, whatever happens next). Refuses a token
   * that is unknown, expired, or was issued for another skill or version.
   */
  take(token: string, skillText: string): TakenConfirmation {
    this.#forgetExpired();
    const pending = this.#pending.get(token);
    if (!pending) {
      return { refusal: `This confirmation token is unknown, was already used, or expired (tokens last ${CONFIRMATION_TTL_MS / 60_000} minutes). Nothing was installed. Call install without a confirmation to see the preview again, and show it to the user.` };
    }
    this.#pending.delete(token);
    const { skill } = pending.preview;
    const spec = parseSkillSpec(skillText);
    const same = spec !== undefined && spec.name === skill.name && (spec.publisher ?? skill.publisher) === skill.publisher && (spec.version ?? skill.version) === skill.version;
    if (!same) {
      return { refusal: `This confirmation token was issued for ${skill.publisher}/${skill.name}@${skill.version}, not ${JSON.stringify(skillText)}. Nothing was installed. Call install without a confirmation to preview the skill you mean.` };
    }
    return { pending };
  }

  /** Whether a fresh preview shows exactly what the confirmed one showed. */
  static sameAsConfirmed(confirmed: InstallPreview, fresh: InstallPreview): boolean {
    return boundFacts(confirmed) === boundFacts(fresh);
  }

  #forgetExpired(): void {
    const now = this.#now();
    for (const [token, pending] of this.#pending) if (pending.expiresAt <= now) this.#pending.delete(token);
  }
}
