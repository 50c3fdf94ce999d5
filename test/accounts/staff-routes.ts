// The table of staff routes and who may use them; the role-matrix test walks it. Add every new staff
// route here. `path` may contain :user (another user's id).
import type { Role } from '../../server/accounts/roles';

export interface StaffRoute {
  method: 'GET' | 'POST';
  path: string;
  roles: Role[] | 'any-staff';
}

export const STAFF_ROUTES: StaffRoute[] = [
  { method: 'GET', path: '/staff', roles: 'any-staff' },
  { method: 'GET', path: '/staff/profile', roles: 'any-staff' },
  { method: 'POST', path: '/staff/profile', roles: 'any-staff' },
  { method: 'GET', path: '/staff/users', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/users/new', roles: ['coordinator'] },
  { method: 'POST', path: '/staff/users/new', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/users/:user', roles: ['coordinator'] },
  { method: 'POST', path: '/staff/users/:user', roles: ['coordinator'] },
  { method: 'POST', path: '/staff/users/:user/status', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/organisations', roles: ['coordinator'] },
  { method: 'POST', path: '/staff/organisations/actiris', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/outbox', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/audit', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/clauses', roles: ['editor'] },
  { method: 'GET', path: '/staff/clauses/new', roles: ['editor'] },
  { method: 'POST', path: '/staff/clauses/new', roles: ['editor'] },
  { method: 'GET', path: '/staff/clauses/SOC-CLEAN-001', roles: ['editor'] },
  { method: 'GET', path: '/staff/clauses/SOC-CLEAN-001/edit', roles: ['editor'] },
  { method: 'POST', path: '/staff/clauses/SOC-CLEAN-001/edit', roles: ['editor'] },
  { method: 'GET', path: '/staff/clauses/ENV-CLEAN-001/versions/1', roles: ['editor'] },
  { method: 'GET', path: '/staff/clauses/ENV-CLEAN-001/diff?from=1&to=1', roles: ['editor'] },
  { method: 'POST', path: '/staff/clauses/ENV-CLEAN-001/versions/1/review', roles: ['editor'] },
  { method: 'POST', path: '/staff/clauses/ENV-CLEAN-001/versions/1/publish', roles: ['editor'] },
  { method: 'POST', path: '/staff/clauses/ENV-CLEAN-002/retire', roles: ['editor'] },
  { method: 'GET', path: '/staff/tickets', roles: ['facilitator', 'coordinator'] },
  { method: 'GET', path: '/staff/canned', roles: ['facilitator', 'coordinator'] },
  { method: 'POST', path: '/staff/canned', roles: ['facilitator', 'coordinator'] },
  { method: 'GET', path: '/staff/faq', roles: ['facilitator', 'coordinator'] },
  { method: 'GET', path: '/staff/pilot-codes', roles: ['coordinator'] },
  { method: 'POST', path: '/staff/pilot-codes', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/privacy', roles: ['coordinator'] },
  { method: 'GET', path: '/staff/monitoring', roles: ['facilitator', 'coordinator'] },
  { method: 'GET', path: '/staff/monitoring/tickets_by_theme.csv', roles: ['facilitator', 'coordinator'] },
];
