// Typography that differs by language in generated documents: French puts a non-breaking space before the
// "high" punctuation marks : ; ! ? (and the space never lets the mark start a new line).
import { NBSP } from './format';
import { LANGUAGE_FACTS, type Lang } from './languages';

// A mark followed by a space or the end of the text (so "https://", "10:30" and "?c=" stay as they are),
// with whatever space the writer put before it.
const HIGH_PUNCTUATION = /(^|[^\s\u00A0\u202F])[ \u00A0\u202F]?([:;!?])(?=\s|$)/g;

/** Whether the language's typography changes any text (callers may skip a whole pass when it does not). */
export function hasTypography(lang: Lang): boolean {
  return LANGUAGE_FACTS[lang].spaceBeforeHighPunctuation;
}

export function typeset(lang: Lang, text: string): string {
  if (!LANGUAGE_FACTS[lang].spaceBeforeHighPunctuation) return text;
  return text.replace(HIGH_PUNCTUATION, `$1${NBSP}$2`);
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The same, applied to every text node (`<w:t>`) of a WordprocessingML part. */
export function typesetWordXml(lang: Lang, xml: string): string {
  if (!LANGUAGE_FACTS[lang].spaceBeforeHighPunctuation) return xml;
  return xml.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (_, open: string, text: string, close: string) => {
    const plain = text.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e]);
    return `${open}${typeset(lang, plain).replace(/[&<>]/g, (c) => XML_ESCAPES[c])}${close}`;
  });
}

// Elements whose text is not prose: scripts and styles, and the text a visitor typed (kept exactly as typed).
const RAW_ELEMENTS = /(<(script|style|textarea|pre)\b[^>]*>)[\s\S]*?<\/\2>/gi;
// The semicolon that ends a character reference (&amp; &#x27;) is no punctuation.
const REFERENCE_END = /(&#?[a-zA-Z0-9]+);/g;

// Private-use characters mark, while the text is typeset, where raw elements were and which semicolons end a reference.
const RAW_MARK = '\uE000';
const REFERENCE_MARK = '\uE001';

/** The same, applied to the text between the tags of an HTML page (never to tags, attributes or raw text). */
export function typesetHtml(lang: Lang, html: string): string {
  if (!LANGUAGE_FACTS[lang].spaceBeforeHighPunctuation) return html;
  const raw: string[] = [];
  const shielded = html.replace(RAW_ELEMENTS, (whole) => `${RAW_MARK}${raw.push(whole) - 1}${RAW_MARK}`);
  const typesetText = shielded.replace(/>([^<]+)</g, (_, text: string) => {
    const plain = text.replace(REFERENCE_END, `$1${REFERENCE_MARK}`);
    return `>${typeset(lang, plain).replaceAll(REFERENCE_MARK, ';')}<`;
  });
  return typesetText.replace(new RegExp(`${RAW_MARK}(\\d+)${RAW_MARK}`, 'g'), (_, i: string) => raw[Number(i)]);
}
