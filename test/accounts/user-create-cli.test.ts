import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTestContext, type TestContext } from '../support/context';
import { signInAgent } from '../support/accounts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function runCli(ctx: TestContext, args: string[], password?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: ctx.config.database.url,
      NEW_USER_PASSWORD: password ?? '',
      LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
    timeout: 30_000,
    input: '',
  });
}

describe('npm run user:create', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('creates the first coordinator with the password from NEW_USER_PASSWORD', async () => {
    const run = runCli(
      ctx,
      [
        '--email',
        'chef@leefmilieu.example',
        '--name',
        'Marie Claes',
        '--role',
        'coordinator',
        '--org',
        'coordination_cell',
      ],
      'the first coordinator key',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Created user #\d+ chef@leefmilieu.example/);
    const agent = await signInAgent(ctx, 'chef@leefmilieu.example', 'the first coordinator key');
    assert.equal((await agent.get('/nl/staff/users')).status, 200);
  });

  it('refuses a common password and names the problem', () => {
    const run = runCli(ctx, ['--email', 'weak@example.brussels', '--name', 'Weak', '--role', 'editor'], 'password123');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /password: Dit wachtwoord komt voor in lijsten van gelekte wachtwoorden/);
  });

  it('explains its usage when a role is unknown', () => {
    const run = runCli(
      ctx,
      ['--email', 'x@example.brussels', '--name', 'X', '--role', 'admin'],
      'a long enough sentence',
    );
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage: npm run user:create/);
  });

  it('refuses an unknown organisation and lists the known ones', () => {
    const run = runCli(
      ctx,
      ['--email', 'y@example.brussels', '--name', 'Y', '--role', 'facilitator', '--org', 'nope'],
      'a long enough sentence',
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Unknown organisation "nope". Known: .*actiris/);
  });
});
