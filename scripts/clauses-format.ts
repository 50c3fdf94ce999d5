// npm run clauses:format: rewrites every valid clause file in the canonical form (key order, literal blocks).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../server/config/config';
import { clauseFiles, writeClauseFile } from '../server/clauses/files';
import { clauseSchema } from '../server/clauses/schema';

// With file arguments, only those files; otherwise the whole library.
const args = process.argv.slice(2);
const dir = args.length > 0 ? path.dirname(path.resolve(args[0])) : loadConfig().clausesDir;
const names = args.length > 0 ? args.map((a) => path.basename(a)) : clauseFiles(dir);
let rewritten = 0;
let invalid = 0;
for (const name of names) {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch (err) {
    invalid += 1;
    console.error(`${name}: not valid YAML, left as it is: ${(err as Error).message.split('\n')[0]}`);
    continue;
  }
  const result = clauseSchema.safeParse(raw);
  if (!result.success) {
    invalid += 1;
    console.error(`${name}: not valid, left as it is (run npm run clauses:check)`);
    continue;
  }
  if (result.data.id !== name.replace(/\.yaml$/, '')) {
    invalid += 1;
    console.error(`${name}: id ${result.data.id} does not match the file name, left as it is`);
    continue;
  }
  if (writeClauseFile(dir, result.data)) rewritten += 1;
}
console.log(`${rewritten} file(s) rewritten${invalid ? `, ${invalid} left for you to fix` : ''}.`);
