// Sessions in the database (connect-session-knex), shared by every instance. Idle timeout via a rolling
// cookie and store expiry; absolute timeout and "disabled user" checks on every request.
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { ConnectSessionKnexStore } from 'connect-session-knex';
import type { Knex } from 'knex';
import type { Config } from '../config/config';
import type { Clock } from '../db/time';
import { readSetting, settleSetting } from '../db/settings';
import type { AccountRepository } from './repository';
import type { Lang } from '../i18n/languages';

import { cookieName } from '../security/cookies';

/** `__Host-helpdesk.sid` in production (see security/cookies.ts). */
export const sessionCookieName = (config: Pick<Config, 'isProduction'>) =>
  cookieName('helpdesk.sid', config.isProduction);

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    epoch?: number;
    signedInAt?: number;
    lang?: Lang;
    flash?: { kind: 'ok' | 'warn' | 'error'; key: string; params?: Record<string, string | number> };
    /** Staff drafts not yet sent, per ticket id, so sending one panel never loses the other's text. */
    ticketDrafts?: Record<string, { reply?: string; note?: string }>;
  }
}

/** SESSION_SECRET when set; otherwise one generated secret kept in the database, so all instances agree. */
export async function sessionSecret(db: Knex, config: Config, clock: Clock): Promise<string> {
  if (config.session.secret) return config.session.secret;
  const key = 'session.secret';
  return (await readSetting(db, key)) ?? settleSetting(db, clock, key, randomBytes(48).toString('base64url'));
}

export function sessionMiddleware(
  db: Knex,
  config: Config,
  secret: string,
): { middleware: RequestHandler; store: ConnectSessionKnexStore } {
  const store = new ConnectSessionKnexStore({
    knex: db,
    tableName: 'sessions',
    createTable: false,
    cleanupInterval: 5 * 60_000,
  });
  const middleware = session({
    name: sessionCookieName(config),
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy !== false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // A __Host- cookie must be Secure: production is served over HTTPS (TRUST_PROXY behind a proxy).
      secure: config.isProduction ? true : 'auto',
      maxAge: config.session.idleMinutes * 60_000,
      path: '/',
    },
  });
  return { middleware, store };
}

/** Loads the signed-in user; ends the session when the user is disabled, the password changed
 * elsewhere (epoch), or the absolute lifetime is over. */
export function loadCurrentUser(accounts: AccountRepository, config: Config, clock: Clock): RequestHandler {
  const absoluteMs = config.session.absoluteHours * 3600_000;
  return async (req, res, next) => {
    const userId = req.session?.userId;
    if (!userId) return next();
    const user = await accounts.findById(userId);
    const expired = !req.session.signedInAt || clock.now().getTime() - req.session.signedInAt > absoluteMs;
    if (!user || user.disabledAt || user.sessionEpoch !== req.session.epoch || expired) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      return next();
    }
    req.currentUser = {
      id: user.id,
      email: user.email,
      name: user.name,
      orgCode: user.orgCode,
      roles: user.roles,
      preferredLang: user.preferredLang,
    };
    res.locals.currentUser = req.currentUser;
    res.locals.isCoordinator = user.roles.includes('coordinator');
    res.locals.isEditor = user.roles.includes('editor');
    res.locals.isFacilitator = user.roles.includes('facilitator');
    next();
  };
}
