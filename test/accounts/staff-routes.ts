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
];
