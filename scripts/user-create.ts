// npm run user:create -- --email E --name N --role coordinator [--role editor] [--org CODE] [--lang nl|fr]
// Creates a staff account (there is no default admin). The password comes from NEW_USER_PASSWORD or is
// asked on the terminal without echo.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { isRole, type Role } from '../server/accounts/roles';
import { ConfigError, loadConfig } from '../server/config/config';
import { AppError } from '../server/http/errors';
import { createLogger } from '../server/http/logger';
import { translate } from '../server/i18n/catalog';
import { DEFAULT_LANG, LANGUAGES, isLang } from '../server/i18n/languages';
import { buildDeps, prepareDatabase } from '../server/startup';

const USAGE =
  'Usage: npm run user:create -- --email E --name N --role coordinator|editor|facilitator [--role …] [--org CODE] [--lang nl|fr]';

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      lang: { type: 'string', default: DEFAULT_LANG },
    },
    strict: true,
  });
  const roles = (values.role ?? []).filter(isRole) as Role[];
  if (
    !values.email ||
    !values.name ||
    roles.length === 0 ||
    roles.length !== (values.role ?? []).length ||
    !isLang(values.lang)
  ) {
    console.error(USAGE);
    return 2;
  }
  let password = process.env.NEW_USER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('Set NEW_USER_PASSWORD or run this in a terminal to type the password.');
      return 2;
    }
    password = await askHidden('Password: ');
    const again = await askHidden('Password again: ');
    if (password !== again) {
      console.error('The two passwords differ.');
      return 1;
    }
  }
  const config = loadConfig();
  const logger = createLogger('warn');
  const db = await prepareDatabase(config, logger);
  try {
    const deps = await buildDeps(config, db, logger);
    if (values.org && !(await deps.organisations.find(values.org))) {
      const codes = (await deps.organisations.list()).map((o) => o.code).join(', ');
      console.error(`Unknown organisation "${values.org}". Known: ${codes}`);
      return 1;
    }
    const id = await deps.accountService.createWithPassword({
      email: values.email,
      name: values.name,
      password,
      roles,
      orgCode: values.org ?? null,
      lang: values.lang,
    });
    console.log(`Created user #${id} ${values.email} with role(s) ${roles.join(', ')}.`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      const details = err.details.map(
        (d) => `  ${d.field}: ${LANGUAGES.map((l) => translate(l, d.messageKey, d.params ?? {})).join(' / ')}`,
      );
      console.error([translate(DEFAULT_LANG, err.messageKey), ...details].join('\n'));
      return 1;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof ConfigError ? err.message : `Failed: ${(err as Error).message}`);
    process.exit(1);
  });
