// Turns published clause versions into search documents (both languages, with category names and CPV codes).
import type { Lang } from '../i18n/languages';
import { LANGUAGES } from '../i18n/languages';
import type { SearchDocument } from '../search/documents';
import type { DocumentSource } from '../search/service';
import type { ClauseRepository } from './repository';
import type { ClauseDocument } from './schema';

export function clauseSearchDocument(
  document: ClauseDocument,
  categoryNames: Map<string, Record<Lang, string>>,
  cpvCodes: Map<string, string[]>,
): SearchDocument {
  const perLang = (pick: (lang: Lang) => string) =>
    Object.fromEntries(LANGUAGES.map((lang) => [lang, pick(lang)])) as Record<Lang, string>;
  return {
    ref: `clause:${document.id}`,
    type: 'clause',
    id: document.id,
    version: document.version,
    title: perLang((lang) => document.title[lang]),
    text: perLang((lang) => document.text[lang]),
    extra: perLang((lang) =>
      [
        document.verification.proof[lang],
        document.verification.check[lang],
        document.guidance.when_to_use[lang],
        document.guidance.pitfalls[lang],
        ...document.categories.map((c) => categoryNames.get(c)?.[lang] ?? c),
        ...document.categories.flatMap((c) => cpvCodes.get(c) ?? []),
      ].join('\n'),
    ),
    theme: document.theme,
    categories: document.categories,
    stage: document.stage,
    level: document.level,
    owner: document.owner,
  };
}

export function clauseDocumentSource(repo: ClauseRepository): DocumentSource {
  return {
    keys: async () => (await repo.publishedKeys()).map((k) => ({ ref: `clause:${k.id}`, version: k.version })),
    documents: async () => {
      const categories = await repo.categories();
      const names = new Map(categories.map((c) => [c.code, c.name]));
      const cpv = new Map(categories.map((c) => [c.code, c.cpv.map((x) => x.code)]));
      return (await repo.publishedVersions()).map((v) => clauseSearchDocument(v.document, names, cpv));
    },
  };
}
