import { describe, expect, it } from 'vitest';
import { secretBelongsTo } from './sensitive.ts';

describe('secretBelongsTo', () => {
  it('gives a secret to the service it names, by a whole label of the host or an alias', () => {
    expect(secretBelongsTo('GITHUB_TOKEN', 'api.github.com')).toBe(true);
    expect(secretBelongsTo('GH_TOKEN', 'uploads.github.com')).toBe(true);
    expect(secretBelongsTo('GITLAB_TOKEN', 'gitlab.mycorp.example')).toBe(true);
    expect(secretBelongsTo('AWS_SECRET_ACCESS_KEY', 's3.eu-west-1.amazonaws.com')).toBe(true);
    expect(secretBelongsTo('HF_TOKEN', 'huggingface.co')).toBe(true);
    expect(secretBelongsTo('HF_TOKEN', 'cdn-lfs.hf.co')).toBe(true);
    expect(secretBelongsTo('~/.npmrc', 'registry.npmjs.org')).toBe(true);
  });

  it('does not give it to a look-alike host that only contains the name', () => {
    expect(secretBelongsTo('ANTHROPIC_API_KEY', 'api.anthropic-edge.invalid')).toBe(false);
    expect(secretBelongsTo('GITHUB_TOKEN', 'github-sync.example')).toBe(false);
    expect(secretBelongsTo('GITHUB_TOKEN', 'mygithub.invalid')).toBe(false);
    expect(secretBelongsTo('HF_TOKEN', 'nothf.co')).toBe(false);
    expect(secretBelongsTo('~/.npmrc', 'npmjs-mirror.invalid')).toBe(false);
    expect(secretBelongsTo('API_KEY', 'api.example.com')).toBe(false);
  });

  it("keeps a service that runs only on its own site to that site, and lets self-hosted services, forges and institutions' subdomains name it anywhere", () => {
    expect(secretBelongsTo('YT_API_KEY', 'www.googleapis.com')).toBe(true);
    expect(secretBelongsTo('YT_API_KEY', 'www.googleapis.stats-mirror.invalid')).toBe(false);
    expect(secretBelongsTo('client_secret.json', 'oauth2.googleapis.eu-relay.invalid')).toBe(false);
    expect(secretBelongsTo('client_secret.json', 'oauth2.googleapis.com')).toBe(true);
    expect(secretBelongsTo('STRIPE_SECRET_KEY', 'api.stripe.billing-sync.invalid')).toBe(false);
    expect(secretBelongsTo('GITHUB_TOKEN', 'github.mycorp.example')).toBe(true);
    expect(secretBelongsTo('HASS_TOKEN', 'hass.home.example')).toBe(true);
    expect(secretBelongsTo('NCBI_API_KEY', 'eutils.ncbi.nlm.nih.gov')).toBe(true);
    expect(secretBelongsTo('NCBI_API_KEY', 'eutils.ncbi.mirror.invalid')).toBe(false);
  });

  it("reads an environment word (TEST, PROD, STAGING …) as no service's name", () => {
    expect(secretBelongsTo('TEST_PYPI_API_TOKEN', 'test.pypi.org')).toBe(true);
    expect(secretBelongsTo('TEST_PYPI_API_TOKEN', 'test.pypi-mirror.invalid')).toBe(false);
  });
});
