import assert from 'node:assert/strict';
import request from 'supertest';
import { ROLES, type Role } from '../../server/accounts/roles';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { STAFF_ROUTES } from './staff-routes';

describe('staff route permissions', () => {
  let ctx: TestContext;
  const agents = new Map<Role, request.Agent>();
  const tokens = new Map<Role, string>();
  let otherUserId = 0;

  before(async () => {
    ctx = await createTestContext();
    for (const role of ROLES) {
      const user = await createUser(ctx, { roles: [role] });
      const agent = await signInAgent(ctx, user.email, user.password);
      agents.set(role, agent);
      tokens.set(role, await tokenFor(agent, '/nl/staff/profile'));
    }
    otherUserId = (await createUser(ctx, { roles: ['facilitator'] })).id;
  });
  after(async () => ctx.close());

  const resolve = (path: string) => `/nl${path.replace(':user', String(otherUserId))}`;

  for (const route of STAFF_ROUTES) {
    it(`${route.method} ${route.path} refuses anonymous visitors`, async () => {
      const res =
        route.method === 'GET'
          ? await request(ctx.app).get(resolve(route.path))
          : await request(ctx.app).post(resolve(route.path)).type('form').send({});
      if (route.method === 'GET') {
        assert.equal(res.status, 303);
        assert.match(res.headers.location, /^\/nl\/signin\?next=/);
      } else {
        assert.ok([401, 403].includes(res.status), `got ${res.status}`);
      }
    });

    for (const role of ROLES) {
      const allowed = route.roles === 'any-staff' || route.roles.includes(role);
      it(`${route.method} ${route.path} ${allowed ? 'admits' : 'refuses'} the role ${role}`, async () => {
        const agent = agents.get(role)!;
        const res =
          route.method === 'GET'
            ? await agent.get(resolve(route.path))
            : await agent
                .post(resolve(route.path))
                .type('form')
                .send({ _csrf: tokens.get(role) });
        if (allowed) assert.notEqual(res.status, 403, `${role} was refused`);
        else assert.equal(res.status, 403, `${role} got ${res.status}`);
        if (allowed && route.method === 'GET') assert.equal(res.status, 200);
      });
    }
  }
});
