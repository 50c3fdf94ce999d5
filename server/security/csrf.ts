// CSRF protection (synchroniser token in the session) for every state-changing request that relies on
// the session cookie. The JSON API under /api/ is exempt: it never acts on the session.
import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    const header = req.headers['x-csrf-token'];
    return typeof header === 'string' ? header : undefined;
  },
});

export const csrfProtection: RequestHandler = (req, res, next) => {
  if (req.originalUrl.startsWith('/api/')) return next();
  csrfSynchronisedProtection(req, res, next);
};

/** The token for a form on this page (creates the session when there is none yet). */
export function csrfToken(req: Request): string {
  return generateToken(req);
}

/** Pages of signed-in users carry the token (the header has a sign-out form). */
export const csrfTokenForSignedIn: RequestHandler = (req, res, next) => {
  if (req.currentUser) res.locals.csrfToken = generateToken(req);
  next();
};
