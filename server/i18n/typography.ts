// Typography that differs by language in generated documents: French puts a non-breaking space before the
// "high" punctuation marks : ; ! ? (and the space never lets the mark start a new line).
import { NBSP } from './format';
import { LANGUAGE_FACTS, type Lang } from './languages';

// A mark followed by a space or the end of the text (so "https://", "10:30" and "?c=" stay as they are),
// with whatever space the writer put before it.
const HIGH_PUNCTUATION = /(^|[^\s\u00A0\u202F])[ \u00A0\u202F]?([:;!?])(?=\s|$)/g;

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
