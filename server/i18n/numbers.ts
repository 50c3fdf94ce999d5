// Numbers as a Belgian buyer types them, in Dutch or in French: a point or a space groups thousands
// (`480.000`, `480 000`), a comma marks decimals (`7,5`, `1.250.000,50`). The one parser every form uses.

export type NumberProblem = 'invalid' | 'ambiguous';
export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: NumberProblem };

// Spaces a keyboard, a copy from Word or a number formatted by Intl may put between groups of digits.
const SPACES = /[\s\u00A0\u202F\u2009]+/g;
// A unit the buyer may add around the number; it does not change the value.
const UNIT = /^(?:€|eur|euros?|%)\s*|\s*(?:€|eur|euros?|%)$/giu;
const GROUPED = (separator: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${separator}\\d{3})+$`);

const invalid: ParsedNumber = { ok: false, problem: 'invalid' };
const ambiguous: ParsedNumber = { ok: false, problem: 'ambiguous' };

/** The integer part, written with one kind of thousands separator (or none). */
function integerPart(text: string, separator: string | undefined): string | undefined {
  if (/^\d+$/.test(text)) return text;
  if (separator && GROUPED(separator).test(text)) return text.split(separator).join('');
  return undefined;
}

/**
 * Reads a number typed in a Belgian form. Rules, in order:
 * - spaces group thousands only in groups of three (`1 250 000,50`); mixing spaces with points is ambiguous;
 * - with both a point and a comma, the last one is the decimal mark and the other groups thousands;
 * - a comma alone is the decimal mark (`7,5`, `0,250`); several commas are ambiguous;
 * - points alone group thousands when every group after the first has three digits and the first does not
 *   start with 0 (`480.000`, `1.250`); a single point that cannot group is a decimal point (`7.5`, `0.25`,
 *   `0.250`), except before exactly three digits (`1234.567`), which is ambiguous.
 */
export function parseBelgianNumber(input: string): ParsedNumber {
  let text = input.trim().replace(UNIT, '').trim();
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1).trim();
  if (!/^[\d.,\s\u00A0\u202F\u2009]+$/.test(text) || !/\d/.test(text)) return invalid;

  if (/[\s\u00A0\u202F\u2009]/.test(text)) {
    if (text.includes('.')) return ambiguous;
    const [whole, ...rest] = text.split(',');
    if (rest.length > 1 || !/^[1-9]\d{0,2}(?:[\s\u00A0\u202F\u2009]\d{3})+$/.test(whole.trim())) return invalid;
    text = whole.replace(SPACES, '') + (rest.length ? `,${rest[0].trim()}` : '');
  }

  const lastPoint = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let whole: string | undefined;
  let fraction = '';
  if (lastPoint >= 0 && lastComma >= 0) {
    const decimal = lastPoint > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    if (text.indexOf(decimal) !== at) return ambiguous;
    whole = integerPart(text.slice(0, at), grouping);
    if (whole === undefined) return ambiguous;
    fraction = text.slice(at + 1);
  } else if (lastComma >= 0) {
    if (text.indexOf(',') !== lastComma) return ambiguous;
    whole = integerPart(text.slice(0, lastComma), undefined);
    fraction = text.slice(lastComma + 1);
  } else if (lastPoint >= 0) {
    if (GROUPED('.').test(text)) whole = text.split('.').join('');
    else if (text.indexOf('.') !== lastPoint) return ambiguous;
    // `1234.567` or `0480.000`: a thousands point in the wrong place or a decimal point? Ask; `0.250` is clear.
    else if (/^\d+\.\d{3}$/.test(text) && !text.startsWith('0.')) return ambiguous;
    else {
      whole = integerPart(text.slice(0, lastPoint), undefined);
      fraction = text.slice(lastPoint + 1);
    }
  } else whole = text;

  if (whole === undefined || whole === '' || !/^\d*$/.test(fraction)) return invalid;
  if (/[.,]$/.test(text)) return invalid;
  const value = Number(`${whole}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return invalid;
  return { ok: true, value: negative ? -value : value };
}

/** A number or its Belgian spelling, as forms and the API may send it. */
export function readNumber(value: unknown): ParsedNumber {
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : invalid;
  if (typeof value === 'string') return parseBelgianNumber(value);
  return invalid;
}
