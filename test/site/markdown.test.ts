import { describe, expect, it } from 'vitest';
import { isAllowedLink, renderUntrustedMarkdown } from '../../src/data/markdown.ts';
import { HOSTILE_README, PWNED_MARKER } from './published-fixture.ts';

describe('renderUntrustedMarkdown', () => {
  describe('when the body holds raw HTML', () => {
    const html = renderUntrustedMarkdown(HOSTILE_README);

    it('escapes script tags instead of emitting them', () => {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;');
    });

    it('emits no element with an event handler attribute', () => {
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    });

    it('emits no img element, so nothing is fetched when the page opens', () => {
      expect(html).not.toMatch(/<img/i);
      expect(html).toContain('class="md-image"');
    });

    it('never links to javascript: or data: URLs, even entity-encoded', () => {
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
      expect(html).toContain(`[Click for a discount](javascript:window.${PWNED_MARKER}='link')`);
    });
  });

  describe('when the body links out', () => {
    it('keeps https links and marks them nofollow and noopener', () => {
      expect(renderUntrustedMarkdown('[docs](https://docs.invalid/x)')).toBe('<p><a href="https://docs.invalid/x" rel="nofollow noopener noreferrer ugc">docs</a></p>\n');
    });

    it('turns links into the skill folder into plain text', () => {
      const html = renderUntrustedMarkdown('See [the script](scripts/run.py) and [top](#usage).');
      expect(html).not.toContain('href=');
      expect(html).toContain('<span class="md-local-link" title="Link inside the skill: scripts/run.py">the script</span>');
    });

    it('leaves vbscript:, file: and protocol-relative links without an href', () => {
      for (const link of ['vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.invalid/x', 'JaVaScRiPt:alert(1)']) {
        expect(renderUntrustedMarkdown(`[x](${link})`)).not.toContain('href=');
      }
    });
  });

  it('shifts headings below the page heading', () => {
    expect(renderUntrustedMarkdown('# Title\n\n###### Deep')).toBe('<h3>Title</h3>\n<h6>Deep</h6>\n');
  });

  it('accepts only http, https and mailto as absolute links', () => {
    expect(isAllowedLink('https://a.invalid')).toBe(true);
    expect(isAllowedLink('MAILTO:a@b.invalid')).toBe(true);
    expect(isAllowedLink('javascript:alert(1)')).toBe(false);
    expect(isAllowedLink('data:text/html,x')).toBe(false);
    expect(isAllowedLink('scripts/run.py')).toBe(false);
  });
});
