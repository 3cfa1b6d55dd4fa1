/**
 * Renders a skill's SKILL.md body, which is untrusted: whoever wrote the skill wrote it. Raw HTML is
 * escaped (markdown-it `html: false`), only `http:`, `https:` and `mailto:` links become links, images
 * are shown as links instead of being fetched by the reader's browser, and headings are shifted below the
 * page's own so a skill cannot impersonate the catalog's structure. Code blocks can be focused, so a
 * keyboard can scroll one that is wider than the screen.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance, Token } from 'markdown-it';

/** Schemes a link in untrusted Markdown may use; anything else (`javascript:`, `data:`, `file:` …) is refused. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The body is shown under the page's `<h2>`: its `#` becomes `<h3>`. */
const HEADING_SHIFT = 2;

/** `rel` of every link out of the catalog: no referrer, no opener, no ranking credit for submitted content. */
const EXTERNAL_REL = 'nofollow noopener noreferrer ugc';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Whether `href` (already entity-decoded and normalised by markdown-it) is an absolute link we allow. */
export function isAllowedLink(href: string): boolean {
  const scheme = SCHEME.exec(href.trim());
  return scheme !== null && ALLOWED_SCHEMES.has(`${scheme[1].toLowerCase()}:`);
}

function createRenderer(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Parse-time gate: a link with any other scheme is not a link at all and stays literal text.
  // Scheme-less (relative) links pass here and are turned into plain text below: they point into the
  // skill's own files, which the catalog does not serve as pages.
  md.validateLink = (href) => {
    const scheme = SCHEME.exec(href.trim());
    return scheme === null || ALLOWED_SCHEMES.has(`${scheme[1].toLowerCase()}:`);
  };
  md.core.ruler.push('skill_registry_untrusted', (state) => {
    for (const token of state.tokens) {
      if ((token.type === 'heading_open' || token.type === 'heading_close') && /^h[1-6]$/.test(token.tag)) {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
      }
      if (token.type === 'inline' && token.children !== null) neutraliseLinks(token.children);
    }
  });
  for (const rule of ['fence', 'code_block'] as const) {
    const render = md.renderer.rules[rule];
    if (render === undefined) continue;
    md.renderer.rules[rule] = (tokens, index, options, env, self) => render(tokens, index, options, env, self).replace(/^<pre(?=[\s>])/, '<pre tabindex="0"');
  }
  md.renderer.rules.image = (tokens, index) => {
    const token = tokens[index];
    const src = String(token.attrGet('src') ?? '');
    const alt = token.content === '' ? 'image' : token.content;
    const label = `<span class="md-image-label">Image:</span> ${md.utils.escapeHtml(alt)}`;
    return isAllowedLink(src)
      ? `<a class="md-image" href="${md.utils.escapeHtml(src)}" rel="${EXTERNAL_REL}">${label}</a>`
      : `<span class="md-image">${label}</span>`;
  };
  return md;
}

/** Relative and fragment links become `<span>`s; allowed absolute links get a safe `rel`. */
function neutraliseLinks(children: Token[]): void {
  const open: Token[] = [];
  for (const token of children) {
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      if (isAllowedLink(href)) {
        token.attrSet('rel', EXTERNAL_REL);
      } else {
        token.tag = 'span';
        token.attrs = [['class', 'md-local-link'], ['title', `Link inside the skill: ${href}`]];
      }
      open.push(token);
    } else if (token.type === 'link_close') {
      const opener = open.pop();
      if (opener !== undefined) token.tag = opener.tag;
    }
  }
}

const renderer = createRenderer();

/** Renders untrusted Markdown to HTML that carries no raw HTML, no scripts and no unsafe links. */
export function renderUntrustedMarkdown(markdown: string): string {
  return renderer.render(markdown);
}
