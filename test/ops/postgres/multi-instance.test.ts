import assert from 'node:assert/strict';
import knexFactory from 'knex';
import { realClause } from '../../support/clause-files';
import { formBody } from '../../support/clause-form';
import { runScript, startApp, stopApp, type AppProcess } from '../../support/app-process';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PASSWORD = 'two instances share one database';

/** A cookie jar over fetch, enough for sign-in and forms. */
class Browser {
  private cookies = new Map<string, string>();
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name.trim(), value.join('='));
    }
    return res;
  }
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async token(url: string): Promise<string> {
    const page = await this.request(url);
    const html = await page.text();
    const match = html.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error(`no CSRF token at ${url} (${page.status})`);
    return match[1];
  }
  async post(url: string, tokenFrom: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    body.append('_csrf', await this.token(tokenFrom));
    for (const [key, value] of Object.entries(fields))
      for (const v of ([] as string[]).concat(value)) body.append(key, v);
    return this.request(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }
  async signIn(base: string, email: string, password = PASSWORD): Promise<Response> {
    return this.post(`${base}/nl/signin`, `${base}/nl/signin`, { email, password });
  }
}

describe('several instances on one PostgreSQL database', () => {
  const name = `helpdesk_multi_${process.pid}`;
  let databaseUrl: string;
  let a: AppProcess;
  let b: AppProcess;

  before(async function () {
    if (!ADMIN_URL) throw new Error('TEST_DATABASE_URL is required (run npm run test:ops:pg)');
    const admin = knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
    await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const env = { DATABASE_URL: databaseUrl, SEARCH_REFRESH_SECONDS: '1', TICKET_RATE_LIMIT: '0' };
    a = await startApp(env);
    b = await startApp(env);
    for (const [email, role, org] of [
      ['anna@editor.example', 'editor', undefined],
      ['bert@editor.example', 'editor', undefined],
      ['fien@actiris.example', 'facilitator', 'actiris'],
      ['lock@editor.example', 'editor', undefined],
    ] as const) {
      await runScript(
        'scripts/user-create.ts',
        ['--email', email, '--name', email.split('@')[0], '--role', role, ...(org ? ['--org', org] : [])],
        { DATABASE_URL: databaseUrl, NEW_USER_PASSWORD: PASSWORD },
      );
    }
  });

  after(async () => {
    if (a) await stopApp(a);
    if (b) await stopApp(b);
    if (ADMIN_URL) {
      const admin = knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    }
  });

  it('accepts on one instance a session made on the other', async () => {
    const browser = new Browser();
    assert.equal((await browser.signIn(a.url, 'anna@editor.example')).status, 303);
    const onB = await fetch(`${b.url}/nl/staff`, { headers: { Cookie: browser.cookieHeader() }, redirect: 'manual' });
    assert.equal(onB.status, 200);
  });

  it('shows a clause published on one instance in the other’s search within 5 seconds', async () => {
    const anna = new Browser();
    const bert = new Browser();
    await anna.signIn(a.url, 'anna@editor.example');
    await bert.signIn(a.url, 'bert@editor.example');
    const clause = {
      ...realClause('SOC-CLEAN-001'),
      id: 'SOC-CLEAN-950',
      title: { nl: 'Proefclausule gevelreinigingsploegen', fr: 'Clause d’essai équipes de nettoyage de façades' },
    };
    const created = await anna.post(
      `${a.url}/nl/staff/clauses/new`,
      `${a.url}/nl/staff/clauses/new`,
      formBody(clause, { reason: 'multi-instance' }) as Record<string, string | string[]>,
    );
    assert.equal(created.status, 303);
    await anna.post(
      `${a.url}/nl/staff/clauses/SOC-CLEAN-950/versions/1/review`,
      `${a.url}/nl/staff/clauses/SOC-CLEAN-950`,
      {},
    );
    const published = await bert.post(
      `${a.url}/nl/staff/clauses/SOC-CLEAN-950/versions/1/publish`,
      `${a.url}/nl/staff/clauses/SOC-CLEAN-950`,
      {},
    );
    assert.equal(published.status, 303);
    const started = Date.now();
    let found = false;
    while (!found && Date.now() - started < 5000) {
      const res = await fetch(`${b.url}/api/v1/clauses?q=gevelreinigingsploegen`);
      // The word's parts (gevel, reiniging, ploegen) find other clauses too: the new one must be first.
      found = ((await res.json()) as { results: { id: string }[] }).results[0]?.id === 'SOC-CLEAN-950';
      if (!found) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(found, 'instance B found the clause within 5 s');
  });

  it("puts a ticket created on one instance in the other's queue", async () => {
    const res = await fetch(`${a.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        question: 'Multi-instance vraag over werkplekleren',
        theme: 'social',
        name: 'N',
        email: 'n@example.org',
        organisation: 'O',
        lang: 'nl',
      }),
    });
    assert.equal(res.status, 201);
    const { reference } = (await res.json()) as { reference: string };
    const fien = new Browser();
    await fien.signIn(b.url, 'fien@actiris.example');
    const queue = await fien.request(`${b.url}/nl/staff/tickets`);
    assert.match(await queue.text(), new RegExp(reference));
  });

  it('counts failed sign-ins made on both instances towards one lockout', async () => {
    for (const [instance, attempt] of [
      [a, 1],
      [b, 2],
      [a, 3],
      [b, 4],
    ] as const) {
      const res = await new Browser().signIn(instance.url, 'lock@editor.example', `wrong password ${attempt}`);
      assert.equal(res.status, 401);
    }
    const fifth = await new Browser().signIn(a.url, 'lock@editor.example', 'wrong password 5');
    assert.equal(fifth.status, 429);
    const right = await new Browser().signIn(b.url, 'lock@editor.example');
    assert.equal(right.status, 429, 'locked on the other instance too, even with the right password');
  });
});
