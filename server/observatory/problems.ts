// A refused file's problems as sentences in a language (the field named by its eForms business term).
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { NoticeProblem } from './model';

export function problemText(lang: Lang, problem: NoticeProblem): string {
  const params = { ...problem.params };
  if (typeof params.field === 'string') params.field = translate(lang, `observatory.fields.${params.field}`);
  return translate(lang, problem.messageKey, params);
}
