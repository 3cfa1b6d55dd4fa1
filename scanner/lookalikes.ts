/**
 * Letters of other scripts that look like Latin ones (Cyrillic `а`, Greek `ο`, fullwidth `ｃ`). A word
 * that mixes them with Latin letters ("rеаd ~/.nрmrс") reads the same to a person and to an agent, but
 * no search for `read` or `.npmrc` finds it: the trick that hides an order from a reviewer's tools. Such
 * words are folded back to Latin before anything reads the text, and listed so the scan can say so.
 * Words wholly in another script (Russian or Greek prose) are left as they are.
 */

/** Cyrillic and Greek letters drawn like a Latin letter, and what they look like. */
const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l', ё: 'e', ї: 'i',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const CANDIDATE = /[\u0370-\u04FF\u0500-\u052F\uFF01-\uFF5E]/;
const WORD = /[\p{L}\p{N}_]+/gu;
const LATIN = /[A-Za-z]/;
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const FULLWIDTH = /[\uFF01-\uFF5E]/g;

/** Fullwidth Latin letters, digits and signs (`ｃｕｒｌ`) as plain ASCII, one character for one. */
export function widen(text: string): string {
  return text.replace(FULLWIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** A word that mixed scripts, where it is, and what it reads as. */
export interface LookalikeWord {
  index: number;
  word: string;
  reads: string;
}

/** The text with mixed-script words and fullwidth Latin folded to plain Latin (same length), and the words that were folded. */
export function foldLookalikes(text: string): { text: string; words: LookalikeWord[] } {
  if (!CANDIDATE.test(text)) return { text, words: [] };
  const words: LookalikeWord[] = [];
  const folded = text.replace(WORD, (word: string, index: number) => {
    const widened = widen(word);
    if (!OTHER_SCRIPT.test(widened) || !LATIN.test(widened)) {
      if (widened !== word) words.push({ index, word, reads: widened });
      return widened;
    }
    const reads = [...widened].map((char) => LOOKALIKE[char] ?? char).join('');
    // Only letters drawn like Latin ones are folded; a word with other Cyrillic or Greek letters is not a disguise.
    if (OTHER_SCRIPT.test(reads)) return widened;
    words.push({ index, word, reads });
    return reads;
  });
  // Once a text is caught disguising words, a word drawn wholly in lookalike letters (`арі` in a URL, `-ѕ`) is a disguise too.
  const rest = words.some((word) => OTHER_SCRIPT.test(word.word))
    ? folded.replace(WORD, (word: string, index: number) => {
        if (!OTHER_SCRIPT.test(word) || ![...word].every((char) => LOOKALIKE[char] !== undefined || !OTHER_SCRIPT.test(char))) return word;
        const reads = [...word].map((char) => LOOKALIKE[char] ?? char).join('');
        words.push({ index, word, reads });
        return reads;
      })
    : folded;
  words.sort((a, b) => a.index - b.index);
  return { text: widen(rest), words };
}
