// What browsers and proxies may keep: nothing of a signed-in page (tickets, outbox links, audit IPs, CSVs), and
// nothing of a page whose address holds a one-time token, which must not leak through the Referer either.
import type { Express, RequestHandler } from 'express';
import { LANGUAGES } from '../i18n/languages';

/** Pages whose path carries a secret token (reset, invitation, ticket tracking). */
export const TOKEN_PAGES = ['/password/reset/:token', '/invitation/:token', '/helpdesk/track/:token'];

export const noStoreWhenSignedIn: RequestHandler = (req, res, next) => {
  if (req.currentUser) res.setHeader('Cache-Control', 'no-store');
  next();
};

const tokenPageHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
};

export function applyCachePolicy(app: Express): void {
  app.use(noStoreWhenSignedIn);
  // app.use matches the prefix, so the forms posted under a token page (…/reply, …/close) are covered too.
  const tokenPaths = LANGUAGES.flatMap((lang) => TOKEN_PAGES.map((p) => `/${lang}${p}`));
  app.use(tokenPaths, tokenPageHeaders);
}
