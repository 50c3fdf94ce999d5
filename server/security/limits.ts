// Every per-IP limit of the app in one place, each counted in the database (KnexRateLimitStore) so that all
// instances share the counts. A limit of 0 turns one off (load tests).
import type { Express, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Knex } from 'knex';
import type { Config } from '../config/config';
import type { Clock } from '../db/time';
import { TooManyRequests } from '../http/errors';
import { LANGUAGES } from '../i18n/languages';
import { KnexRateLimitStore } from './rate-limit-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface Limiters {
  /** Failed sign-ins (and nothing else) per IP across accounts. */
  signIn: RequestHandler;
  tickets: RequestHandler;
  passwordResets: RequestHandler;
  clauseFeedback: RequestHandler;
  requesterReplies: RequestHandler;
  documents: RequestHandler;
  /** The market's public forms (announce, subscribe, register): each sends a confirmation e-mail. */
  marketForms: RequestHandler;
}

const noLimit: RequestHandler = (_req, _res, next) => next();

function perIp(
  db: Knex,
  clock: Clock,
  opts: { name: string; windowMs: number; limit: number; messageKey: string; onlyFailures?: boolean },
): RequestHandler {
  if (opts.limit <= 0) return noLimit;
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    skipSuccessfulRequests: opts.onlyFailures ?? false,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new KnexRateLimitStore(db, clock, opts.name),
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new TooManyRequests(opts.messageKey)),
  });
}

export function createLimiters(db: Knex, clock: Clock, config: Config): Limiters {
  const limits = config.rateLimits;
  const tooMany = 'errors.too_many_requests';
  return {
    signIn: perIp(db, clock, {
      name: 'signin-ip',
      windowMs: 15 * MINUTE,
      limit: 20,
      onlyFailures: true,
      messageKey: 'accounts.ip_limited',
    }),
    tickets: perIp(db, clock, {
      name: 'tickets-ip',
      windowMs: HOUR,
      limit: config.tickets.rateLimitPerHour,
      messageKey: 'helpdesk.errors.rate_limited',
    }),
    passwordResets: perIp(db, clock, {
      name: 'reset-ip',
      windowMs: HOUR,
      limit: limits.passwordResets,
      messageKey: tooMany,
    }),
    clauseFeedback: perIp(db, clock, {
      name: 'feedback-ip',
      windowMs: HOUR,
      limit: limits.clauseFeedback,
      messageKey: tooMany,
    }),
    requesterReplies: perIp(db, clock, {
      name: 'replies-ip',
      windowMs: HOUR,
      limit: limits.requesterReplies,
      messageKey: tooMany,
    }),
    documents: perIp(db, clock, {
      name: 'documents-ip',
      windowMs: MINUTE,
      limit: limits.documentsPerMinute,
      messageKey: tooMany,
    }),
    marketForms: perIp(db, clock, {
      name: 'market-ip',
      windowMs: HOUR,
      limit: config.tickets.rateLimitPerHour,
      messageKey: 'helpdesk.errors.rate_limited',
    }),
  };
}

const inEveryLanguage = (path: string) => LANGUAGES.map((lang) => `/${lang}${path}`);

/**
 * The limits that guard routes owned by other domains, mounted by path before those routes run
 * (sign-in, tickets and password resets are passed to their routers).
 */
export function applyRouteLimits(app: Express, limiters: Limiters): void {
  app.post(inEveryLanguage('/clauses/:id/feedback'), limiters.clauseFeedback);
  app.post(inEveryLanguage('/helpdesk/track/:token/reply'), limiters.requesterReplies);
  app.post([...inEveryLanguage('/tender/download'), ...inEveryLanguage('/action-plan')], limiters.documents);
  app.post(['/api/v1/tender-documents', '/api/v1/action-plans'], limiters.documents);
  app.post(
    ['/market/announce', '/market/subscribe', '/agenda/:id/register'].flatMap(inEveryLanguage),
    limiters.marketForms,
  );
}
