import { describe, expect, it } from 'vitest';
import type { InstallPreview } from '../../client/index.ts';
import { CONFIRMATION_TTL_MS, InstallConfirmations, MAX_PENDING_CONFIRMATIONS } from '../../cli/mcp/index.ts';

const DIGEST = `sha256:${'1'.repeat(64)}` as const;

function preview(overrides: Partial<InstallPreview> = {}): InstallPreview {
  return {
    skill: { publisher: 'acme', name: 'weather-lite', version: '1.1.0', digest: DIGEST },
    destination: '/project/.claude/skills/weather-lite',
    replaces: false,
    capabilities: { network: ['api.weather.gov'], env: [], filesystem: { read: [], write: [] }, commands: ['python3'] },
    verdict: 'pass',
    trust: 'verified',
    warnings: [],
    ...overrides,
  };
}

/** A clock the test moves by hand. */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('install confirmations', () => {
  it('confirm the preview they were issued for, once', () => {
    const confirmations = new InstallConfirmations();
    const { token } = confirmations.issue(preview());
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(confirmations.take(token, 'acme/weather-lite')).toEqual({ pending: expect.objectContaining({ preview: preview() }) });
    expect(confirmations.take(token, 'acme/weather-lite')).toHaveProperty('refusal');
  });

  it('accept the skill named as the user may write it: name alone, publisher/name, or with the version', () => {
    const confirmations = new InstallConfirmations();
    for (const written of ['weather-lite', 'acme/weather-lite', 'weather-lite@1.1.0', 'acme/weather-lite@1.1.0']) {
      expect(confirmations.take(confirmations.issue(preview()).token, written)).toHaveProperty('pending');
    }
  });

  it('refuse a token for another skill, publisher or version, and spend it', () => {
    const confirmations = new InstallConfirmations();
    for (const written of ['pdf-tools', 'globex/weather-lite', 'weather-lite@1.0.0', '../weather-lite']) {
      const { token } = confirmations.issue(preview());
      expect(confirmations.take(token, written)).toEqual({ refusal: expect.stringContaining('issued for acme/weather-lite@1.1.0') });
      expect(confirmations.take(token, 'acme/weather-lite')).toEqual({ refusal: expect.stringContaining('unknown, was already used, or expired') });
    }
  });

  it(`expire after ${CONFIRMATION_TTL_MS / 60_000} minutes`, () => {
    const time = clock();
    const confirmations = new InstallConfirmations(time.now);
    const early = confirmations.issue(preview()).token;
    const late = confirmations.issue(preview()).token;
    time.advance(CONFIRMATION_TTL_MS - 1);
    expect(confirmations.take(early, 'weather-lite')).toHaveProperty('pending');
    time.advance(1);
    expect(confirmations.take(late, 'weather-lite')).toHaveProperty('refusal');
  });

  it(`keep at most ${MAX_PENDING_CONFIRMATIONS} waiting, dropping the oldest`, () => {
    const confirmations = new InstallConfirmations();
    const tokens = Array.from({ length: MAX_PENDING_CONFIRMATIONS + 1 }, () => confirmations.issue(preview()).token);
    expect(confirmations.take(tokens[0], 'weather-lite')).toHaveProperty('refusal');
    expect(confirmations.take(tokens[1], 'weather-lite')).toHaveProperty('pending');
    expect(confirmations.take(tokens.at(-1)!, 'weather-lite')).toHaveProperty('pending');
  });

  describe('hold the install to what the preview showed', () => {
    it('the same facts match', () => {
      expect(InstallConfirmations.sameAsConfirmed(preview(), preview())).toBe(true);
    });

    it.each([
      ['another digest', { skill: { ...preview().skill, digest: `sha256:${'2'.repeat(64)}` as const } }],
      ['another destination', { destination: '/elsewhere/weather-lite' }],
      ['replacing an install that appeared meanwhile', { replaces: true }],
      ['one more capability', { capabilities: { ...preview().capabilities, env: ['WEATHER_API_KEY'] } }],
      ['another verdict', { verdict: 'warn', trust: 'warnings' }],
      ['a new warning', { warnings: ['Declares credential environment variables: WEATHER_API_KEY.'] }],
    ] as [string, Partial<InstallPreview>][])('%s does not', (_, change) => {
      expect(InstallConfirmations.sameAsConfirmed(preview(), preview(change))).toBe(false);
    });
  });
});
