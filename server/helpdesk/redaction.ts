// Personal data a FAQ text must not carry: any e-mail address, any phone number, and the requester's name.
// FAQ texts are public; the facilitator rewrites the question and answer without them.

export type PersonalData = 'email' | 'phone' | 'name';

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// A run of digits and separators as phone numbers are written: +32 2 123 45 67, 0032 2/123.45.67, 0470 12 34 56.
const PHONE_LIKE = /(?:\+|\b0)[\d\s./()-]{7,}\d/g;
// A CPV code (03000000-1) looks like a number starting with 0 but is not a phone number.
const CPV = /^\d{8}(?:-\d)?$/;

function hasPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(PHONE_LIKE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, '');
    if (CPV.test(candidate)) continue;
    if (digits.length >= 9 && digits.length <= 15) return true;
  }
  return false;
}

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The requester's name, whole or by any part of four letters or more, as a word of the text. */
function hasName(text: string, name: string): boolean {
  const words = new Set(folded(text).split(/[^\p{L}]+/u));
  const parts = folded(name)
    .split(/[^\p{L}]+/u)
    .filter((part) => part.length >= 4);
  return parts.some((part) => words.has(part));
}

/** What personal data a public text holds, if any (the requester's name only when it is still known). */
export function personalDataIn(text: string, requesterName?: string | null): PersonalData | null {
  if (EMAIL.test(text)) return 'email';
  if (hasPhoneNumber(text)) return 'phone';
  if (requesterName && hasName(text, requesterName)) return 'name';
  return null;
}
