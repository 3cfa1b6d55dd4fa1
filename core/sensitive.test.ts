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
});
