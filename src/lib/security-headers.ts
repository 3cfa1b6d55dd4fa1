/**
 * The catalog's Content-Security-Policy, in one place: the pages carry it in a `<meta>` tag (so a copy
 * served by any static host keeps it), and the Node server sends it as a header too, with what only a
 * header can say (`frame-ancestors`: no other site may frame the catalog).
 */

/** Only this site's scripts (and Pagefind's wasm) run; untrusted SKILL.md text cannot load or send anything. */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Headers the Node server adds to every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
