/**
 * The trust badge of a skill (`badge/<publisher>/<name>.svg`), for READMEs: "audit | verified 1.2.0".
 * Plain shapes and text only (no script, link, image, style sheet or id), with a `<title>` and an
 * `aria-label` so screen readers say what a sighted reader sees.
 */
import { TRUST_WORDS, type Trust } from '../../schemas/index.ts';
import { xmlText } from './format.ts';

/** The skill a badge is about. */
export interface BadgeInput {
  /** Publisher. */
  publisher: string;
  /** Skill name. */
  name: string;
  /** Indexed version. */
  version: string;
  /** Trust level, the revocation list already applied. */
  trust: Trust;
  /** Registry name, for the title. */
  registryName: string;
}

/** Fill of the right half per trust level; each keeps white 11px text above a 4.5:1 contrast ratio. */
const TRUST_COLOURS: Readonly<Record<Trust, string>> = { verified: '#1a7f37', warnings: '#8a5a00', revoked: '#b42318' };

/** Fill of the label half. */
const LABEL_COLOUR = '#555';

/** The label half's text. */
const LABEL = 'audit';

/**
 * Width of one character of 11px Verdana, rounded up so no text is wider than its box; `textLength`
 * then fits the text to the box exactly in whatever font the viewer has.
 */
const CHARACTER_WIDTH = 7;

/** Space left and right of each text. */
const PADDING = 6;

const HEIGHT = 20;

function boxWidth(text: string): number {
  return [...text].length * CHARACTER_WIDTH + 2 * PADDING;
}

/** One text, centred in its box, with a one-pixel shadow as shields-style badges have. */
function centredText(text: string, left: number, width: number): string {
  const x = left + width / 2;
  const length = width - 2 * PADDING;
  const escaped = xmlText(text);
  return `<text x="${x}" y="15" fill="#010101" fill-opacity=".3" textLength="${length}" lengthAdjust="spacingAndGlyphs">${escaped}</text><text x="${x}" y="14" textLength="${length}" lengthAdjust="spacingAndGlyphs">${escaped}</text>`;
}

/** The badge's right-hand text: the trust level in lower case and the version. */
export function badgeMessage(trust: Trust, version: string): string {
  return `${TRUST_WORDS[trust].toLowerCase()} ${version}`;
}

/** The badge SVG of one skill. */
export function trustBadgeSvg(input: BadgeInput): string {
  const message = badgeMessage(input.trust, input.version);
  const labelWidth = boxWidth(LABEL);
  const messageWidth = boxWidth(message);
  const width = labelWidth + messageWidth;
  const title = xmlText(`${input.publisher}/${input.name} ${input.version}: ${TRUST_WORDS[input.trust]} (audited by ${input.registryName})`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="${HEIGHT}" rx="3" fill="${TRUST_COLOURS[input.trust]}"/>`,
    `<rect width="${labelWidth}" height="${HEIGHT}" rx="3" fill="${LABEL_COLOUR}"/>`,
    `<rect x="${labelWidth - 4}" width="4" height="${HEIGHT}" fill="${LABEL_COLOUR}"/>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    centredText(LABEL, 0, labelWidth),
    centredText(message, labelWidth, messageWidth),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
