// Why a clause version exists. Editors type their reason in their own words; the importer records a fixed one
// (the file it read), stored in a neutral form and shown in the reader's language.
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';

const IMPORTED = /^Imported from (clauses\/[\w.-]+\.yaml)$/;

/** The reason the importer records for a version read from a clause file. */
export function importReason(clauseId: string): string {
  return `Imported from clauses/${clauseId}.yaml`;
}

/** The reason as readers see it: the importer's in their language, an editor's as written. */
export function versionReasonText(reason: string, lang: Lang): string {
  const imported = IMPORTED.exec(reason);
  return imported ? translate(lang, 'polish.history.imported', { file: imported[1] }) : reason;
}
