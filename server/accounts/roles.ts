// Staff roles and the middleware that guards staff routes.
import type { RequestHandler } from 'express';
import { Forbidden, Unauthorized } from '../http/errors';
import { wantsJson } from '../http/error-handler';
import { DEFAULT_LANG, type Lang } from '../i18n/languages';

export const ROLES = ['facilitator', 'editor', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  orgCode: string | null;
  roles: Role[];
  preferredLang: Lang;
}

export function hasRole(user: CurrentUser | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** Signed-in users only: pages send anonymous visitors to the sign-in page, the API answers 401. */
export const requireSignedIn: RequestHandler = (req, res, next) => {
  if (req.currentUser) return next();
  if (wantsJson(req) || req.method !== 'GET') return next(new Unauthorized());
  const lang = res.locals.lang ?? DEFAULT_LANG;
  res.redirect(303, `/${lang}/signin?next=${encodeURIComponent(req.originalUrl)}`);
};

/** The user must hold at least one of the roles. */
export function requireRole(...roles: Role[]): RequestHandler[] {
  return [
    requireSignedIn,
    (req, _res, next) => {
      if (roles.some((role) => hasRole(req.currentUser, role))) return next();
      next(new Forbidden());
    },
  ];
}

declare module 'express-serve-static-core' {
  interface Request {
    currentUser?: CurrentUser;
  }
}
