// A readable word-level difference between two versions of a clause, section by section, in one language.
import { diffWords } from 'diff';
import type { Lang } from '../i18n/languages';
import { escapeHtml } from '../search/snippet';
import { legalBasisText } from './presenter';
import { GUIDANCE_KEYS, type ClauseDocument } from './schema';

export interface SectionDiff {
  key: string;
  changed: boolean;
  /** HTML with <ins> and <del>; each carries a visually hidden word for screen readers. */
  html: string;
}

function sections(document: ClauseDocument, lang: Lang): [string, string][] {
  return [
    ['clauses.title_label', document.title[lang]],
    ['clauses.text', document.text[lang]],
    ['clauses.proof', document.verification.proof[lang]],
    ['clauses.check', document.verification.check[lang]],
    ...GUIDANCE_KEYS.map((key): [string, string] => [`clauses.${key}`, document.guidance[key][lang]]),
    ['clauses.legal_basis', document.legal_basis.map((b) => legalBasisText(b, lang)).join('\n')],
    ['clauses.parameters', document.parameters.map((p) => `${p.label[lang]}: ${p.default}`).join('\n')],
    [
      'clauses.classification',
      [
        document.theme,
        document.stage,
        document.level,
        document.categories.join(', '),
        document.award_weight ?? '',
      ].join(' · '),
    ],
  ];
}

export function diffVersions(
  from: ClauseDocument,
  to: ClauseDocument,
  lang: Lang,
  labels: { added: string; removed: string },
): SectionDiff[] {
  const before = sections(from, lang);
  const after = sections(to, lang);
  return after.map(([key, newText], i) => {
    const oldText = before[i][1];
    const parts = diffWords(oldText, newText);
    const html = parts
      .map((part) => {
        const text = escapeHtml(part.value).replace(/\n/g, '<br>');
        if (part.added)
          return `<ins><span class="visually-hidden">[${labels.added}: </span>${text}<span class="visually-hidden">]</span></ins>`;
        if (part.removed)
          return `<del><span class="visually-hidden">[${labels.removed}: </span>${text}<span class="visually-hidden">]</span></del>`;
        return text;
      })
      .join('');
    return { key, changed: oldText !== newText, html };
  });
}
