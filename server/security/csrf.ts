// CSRF protection for every state-changing request that relies on cookies: a signed double-submit token
// (csrf-csrf) in the hidden field `_csrf` (or the X-CSRF-Token header), bound to the signed-in user's
// sign-in when there is one. It needs no server-side state, so showing a form to an anonymous visitor
// writes nothing to the database. The JSON API under /api/ never acts on cookies and is exempt.
import type { Request, RequestHandler } from 'express';
import { doubleCsrf } from 'csrf-csrf';

import { cookieName } from './cookies';

/** Staff tokens are bound to their sign-in, so a token from before sign-in (or another user's) fails. */
function sessionIdentifier(req: Request): string {
  return req.currentUser ? `user:${req.currentUser.id}:${req.session?.signedInAt ?? ''}` : 'anonymous';
}

export function csrfProtection(secret: string, isProduction: boolean): RequestHandler {
  const variant = (secure: boolean) =>
    doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: sessionIdentifier,
      cookieName: cookieName('helpdesk.csrf', isProduction),
      cookieOptions: { sameSite: 'lax', path: '/', secure, httpOnly: true },
      getCsrfTokenFromRequest: (req) => {
        const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
        if (typeof fromBody === 'string') return fromBody;
        const header = req.headers['x-csrf-token'];
        return typeof header === 'string' ? header : undefined;
      },
      skipCsrfProtection: (req) => req.originalUrl.startsWith('/api/'),
    });
  // The cookie is Secure when the request came over HTTPS (directly or through a trusted proxy).
  const overHttps = variant(true);
  // A __Host- cookie is refused without Secure: in production, every request is treated as HTTPS.
  const overHttp = isProduction ? overHttps : variant(false);
  return (req, res, next) => (req.secure ? overHttps : overHttp).doubleCsrfProtection(req, res, next);
}

/** The token for a form on this page (sets the CSRF cookie when the visitor has none yet). */
export function csrfToken(req: Request): string {
  if (!req.csrfToken) throw new Error('csrfProtection must run before csrfToken');
  return req.csrfToken();
}

/** Pages of signed-in users carry the token (the header has a sign-out form). */
export const csrfTokenForSignedIn: RequestHandler = (req, res, next) => {
  if (req.currentUser) res.locals.csrfToken = csrfToken(req);
  next();
};
