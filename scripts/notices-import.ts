// npm run notices:import -- [--lang nl|fr] PATH…: imports eForms notices from files and folders (recursively,
// *.xml). Each refused file is named with what is wrong and the others go on; exits 1 when a file was refused.
import { importLibraryIfChanged } from '../server/clauses/importer';
import { ClauseRepository } from '../server/clauses/repository';
import { loadConfig } from '../server/config/config';
import { systemClock } from '../server/db/time';
import { createLogger } from '../server/http/logger';
import { translate } from '../server/i18n/catalog';
import { parseLang } from '../server/i18n/languages';
import { ImportRefused, NoticeImporter } from '../server/observatory/importer';
import { problemText } from '../server/observatory/problems';
import { ObservatoryRepository } from '../server/observatory/repository';
import { prepareDatabase } from '../server/startup';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = parseLang(langAt >= 0 ? args[langAt + 1] : undefined);
const paths = langAt >= 0 ? args.filter((_, i) => i !== langAt && i !== langAt + 1) : args;
if (paths.length === 0) {
  console.error(translate(lang, 'observatory.cli.usage'));
  process.exit(2);
}

const config = loadConfig();
const db = await prepareDatabase(config, createLogger('warn'));
try {
  const clauseRepo = new ClauseRepository(db);
  // The categories come from the clause library: load it first when the database is new or behind the files.
  await importLibraryIfChanged(db, clauseRepo, config.clausesDir, systemClock);
  const importer = new NoticeImporter(new ObservatoryRepository(db), () => clauseRepo.categories(), systemClock);
  const started = performance.now();
  const report = await importer.importPaths(paths);
  for (const file of report.files.filter((f) => f.outcome === 'refused')) {
    const problems = file.problems.map((p) => problemText(lang, p));
    console.error(`${translate(lang, 'observatory.cli.refused')} ${file.file}: ${problems.join('; ')}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    translate(lang, 'observatory.cli.summary', { ...report, files: report.files.length, seconds: seconds.toFixed(1) }),
  );
  if (report.refused > 0) process.exitCode = 1;
} catch (err) {
  if (!(err instanceof ImportRefused)) throw err;
  console.error(`${translate(lang, 'observatory.cli.refused')}: ${translate(lang, err.messageKey, err.params)}`);
  process.exitCode = 2;
} finally {
  await db.destroy();
}
