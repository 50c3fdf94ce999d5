// npm run clauses:check: validates every clause file; names the file and the field of each problem.
import { loadConfig } from '../server/config/config';
import { formatProblems, readLibrary } from '../server/clauses/files';

const dir = process.argv[2] ?? loadConfig().clausesDir;
const library = readLibrary(dir);
if (library.problems.length > 0) {
  console.error(formatProblems(library.problems));
  console.error(`\n${library.problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
const published = library.clauses.filter((c) => c.status === 'published').length;
console.log(
  `${library.clauses.length} clauses (${published} published), ${library.categories.length} categories, ${library.annexes.length} annexes and ${library.thesaurus.length} thesaurus groups: all valid.`,
);
