// Property-based requests against every public page and API operation: strings with control characters, huge
// numbers, arrays and objects where strings are expected, unknown fields. Whatever comes in, the answer is never
// a 5xx and never shows a stack trace. Bounded (FUZZ_RUNS per route) so the file stays well under a minute.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import request from 'supertest';
import { paths as documentedApiPaths } from '../../server/api/openapi';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const STACK_TRACE = /\bat [\w.<>]+ \(?[^)\s]*:\d+:\d+\)?|node:internal|\.ts:\d+:\d+/;

/** Public pages under /nl and /fr (staff pages are covered by the role tests). */
const PAGES: [method: 'get' | 'post', path: string][] = [
  ['get', '/'],
  ['get', '/accessibility'],
  ['get', '/privacy'],
  ['get', '/clauses'],
  ['get', '/clauses/:id'],
  ['get', '/clauses/:id/diff'],
  ['post', '/clauses/:id/feedback'],
  ['get', '/categories'],
  ['get', '/categories/:code'],
  ['get', '/tender'],
  ['get', '/tender/new'],
  ['get', '/tender/form'],
  ['post', '/tender/form'],
  ['get', '/tender/review'],
  ['post', '/tender/download'],
  ['post', '/tender/selection'],
  ['post', '/tender/selection/set'],
  ['get', '/tender/shared'],
  ['post', '/tender/shared'],
  ['get', '/action-plan'],
  ['post', '/action-plan'],
  ['get', '/helpdesk'],
  ['post', '/helpdesk'],
  ['get', '/helpdesk/track/:token'],
  ['post', '/helpdesk/track/:token/reply'],
  ['post', '/helpdesk/track/:token/close'],
  ['get', '/faq'],
  ['get', '/faq/:id'],
  ['get', '/signin'],
  ['post', '/signin'],
  ['post', '/signout'],
  ['get', '/password/forgot'],
  ['post', '/password/forgot'],
  ['get', '/password/reset/:token'],
  ['post', '/password/reset/:token'],
  ['get', '/invitation/:token'],
  ['post', '/invitation/:token'],
];

/** Every operation of the OpenAPI document, plus the undocumented ones (tickets, suggestions, stats). */
function apiOperations(): [method: 'get' | 'post', path: string][] {
  const documented = Object.entries(documentedApiPaths).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter((m): m is 'get' | 'post' => m === 'get' || m === 'post')
      .map((m) => [m, path.replace(/\{(\w+)\}/g, ':$1')] as ['get' | 'post', string]),
  );
  const extra: ['get' | 'post', string][] = [
    ['post', '/tickets'],
    ['get', '/suggestions'],
    ['get', '/stats'],
    ['get', '/openapi.json'],
  ];
  const all = [...documented, ...extra];
  return all.filter(([m, p], i) => all.findIndex(([m2, p2]) => m2 === m && p2 === p) === i);
}

const FIELDS = [
  'question',
  'theme',
  'category',
  'stage',
  'name',
  'email',
  'organisation',
  'lang',
  'kind',
  'comment',
  'password',
  'confirmation',
  'clauses',
  'clause',
  'c',
  'level',
  'authority',
  'title',
  'procedure',
  'estimatedValue',
  'durationDays',
  'lots',
  'clauseIds',
  'parameters',
  'year',
  'categories',
  'includeOptional',
  'body',
  'return',
  'action',
  'remove_clause',
  'next',
  'privacy',
  'tenderReference',
  'pilotCode',
  'from',
  'to',
  'q',
  'page',
  'type',
  'period',
  'month',
  'quarter',
  'sort',
  'status',
  'version',
];

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'SOC\u0000',
    'a\u0007b',
    '\r\n',
    '%00',
    '../../etc/passwd',
    '<script>x</script>',
    "' OR 1=1 --",
  ),
  fc.constantFrom('9999-12-31', '0001-01-01', '2026-02-30', '1e308', '-1', 'NaN', 'Infinity', '99999999999999999999'),
  fc.constantFrom('SOC-CLEAN-001', 'cleaning', 'social', 'nl', 'fr', 'open', 'basis', 'custom', 'useful'),
);
const hugeNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e308, -1e308, 2 ** 53 + 1, -0),
  fc.integer(),
);
const leaf = fc.oneof(nastyString, hugeNumber, fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 3 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), tie('any'), {
    maxKeys: 3,
  }),
})).any;
const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), value, {
  maxKeys: 8,
});
/** Query values as a query string can carry them: strings, lists and nested keys. */
const queryValue = fc.oneof(
  nastyString,
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), nastyString, { maxKeys: 2 }),
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), queryValue, {
  maxKeys: 5,
});

function assertSafe(res: request.Response, what: string) {
  assert.ok(res.status < 500, `${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  assert.doesNotMatch(res.text ?? '', STACK_TRACE, `${what} shows a stack trace`);
}

describe('fuzzing every public route and API operation', function () {
  this.timeout(120_000);
  let ctx: TestContext;
  let csrf: string;
  let agent: request.Agent;
  let trackingToken: string;

  before(async () => {
    ctx = await createTestContext({
      TRUST_PROXY: '1',
      TICKET_RATE_LIMIT: '0',
      FEEDBACK_RATE_LIMIT: '0',
      REPLY_RATE_LIMIT: '0',
      DOCUMENT_RATE_LIMIT: '0',
      PASSWORD_RESET_RATE_LIMIT: '0',
    });
    agent = request.agent(ctx.app);
    csrf = csrfFrom((await agent.get('/nl/signin')).text);
    trackingToken = (await askViaApi(ctx)).token;
  });
  after(async () => ctx.close());

  const param = () =>
    fc.oneof(
      nastyString.filter((s) => s.length > 0),
      fc.constantFrom('SOC-CLEAN-001', 'cleaning', '1', '0', '-1', '99999999999999999999'),
    );
  const fill = (path: string, values: string[]) => {
    let i = 0;
    return path.replace(/:(\w+)/g, (_m, name: string) =>
      encodeURIComponent(name === 'token' && values[i] === 'SOC-CLEAN-001' ? trackingToken : (values[i++] ?? 'x')),
    );
  };
  let client = 0;
  const ip = () => {
    client += 1;
    return `10.99.${(client >> 8) & 255}.${client & 255}`;
  };

  for (const [method, path] of PAGES) {
    it(`${method.toUpperCase()} /{nl,fr}${path}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('nl', 'fr'),
          fc.array(param(), { minLength: 2, maxLength: 2 }),
          query,
          fields,
          async (lang, params, q, body) => {
            const url = `/${lang}${fill(path, params)}`;
            const res =
              method === 'get'
                ? await agent.get(url).set('X-Forwarded-For', ip()).query(q)
                : await agent
                    .post(url)
                    .set('X-Forwarded-For', ip())
                    .query(q)
                    .type('form')
                    .send({ ...body, _csrf: csrf });
            assertSafe(res, `${method.toUpperCase()} ${url}`);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  for (const [method, path] of apiOperations()) {
    it(`${method.toUpperCase()} /api/v1${path}`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(param(), { minLength: 2, maxLength: 2 }),
          query,
          fc.oneof(fields, value),
          async (params, q, body) => {
            const url = `/api/v1${fill(path, params)}`;
            const res =
              method === 'get'
                ? await request(ctx.app).get(url).set('X-Forwarded-For', ip()).query(q)
                : await request(ctx.app)
                    .post(url)
                    .set('X-Forwarded-For', ip())
                    .set('Content-Type', 'application/json')
                    .send(JSON.stringify(body));
            assertSafe(res, `${method.toUpperCase()} ${url}`);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
