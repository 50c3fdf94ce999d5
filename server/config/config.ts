// Reads and validates the environment once at boot; the rest of the app gets a typed Config.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().nonnegative();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with sqlite: (a file path) or postgres:// (a connection URL)',
    })
    .optional(),
  DATABASE_POOL_MAX: positiveInt.default(10),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://marches.example.brussels' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().default('false'),
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Helpdesk <helpdesk@localhost>'),
  CLAUSES_DIR: z.string().default(path.join(ROOT, 'clauses')),
  DATA_DIR: z.string().default(path.join(ROOT, 'data')),
  SEARCH_REFRESH_SECONDS: positiveInt.default(2),
  TICKET_RATE_LIMIT: nonNegativeInt.default(20),
  PASSWORD_RESET_RATE_LIMIT: nonNegativeInt.default(10),
  FEEDBACK_RATE_LIMIT: nonNegativeInt.default(30),
  REPLY_RATE_LIMIT: nonNegativeInt.default(30),
  DOCUMENT_RATE_LIMIT: nonNegativeInt.default(30),
  TICKET_RETENTION_MONTHS: positiveInt.default(24),
  RETENTION_INTERVAL_HOURS: nonNegativeInt.default(24),
  MARKET_DIGEST_MINUTES: nonNegativeInt.default(15),
  HELPDESK_ALERT_MINUTES: nonNegativeInt.default(5),
  SLA_PILOT_BUSINESS_DAYS: positiveInt.default(1),
  SLA_DEFAULT_BUSINESS_DAYS: positiveInt.default(3),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt.default(10),
  EU_SERVICES_THRESHOLD_EUR: positiveInt.default(216_000),
  DOCUMENT_WORKERS: nonNegativeInt.max(64).optional(),
  DOCUMENT_QUEUE_LIMIT: positiveInt.default(32),
  VIEW_CACHE: boolean.optional(),
  ATTACHMENT_MAX_BYTES: positiveInt.default(10 * 2 ** 20),
  ATTACHMENT_MAX_FILES: positiveInt.max(50).default(5),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { message: 'must be a domain name such as helpdesk.example.brussels' })
    .optional(),
  INBOUND_MAX_BYTES: positiveInt.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  database: { client: 'sqlite' | 'postgres'; url: string; filename?: string; poolMax: number };
  publicUrl?: string;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean | number | string;
  session: { secret?: string; idleMinutes: number; absoluteHours: number };
  mail: { smtpUrl?: string; from: string };
  clausesDir: string;
  dataDir: string;
  searchRefreshSeconds: number;
  tickets: { rateLimitPerHour: number; retentionMonths: number; retentionIntervalHours: number };
  /** Requests per IP address (0 = no limit): per hour, except documents per minute. */
  rateLimits: { passwordResets: number; clauseFeedback: number; requesterReplies: number; documentsPerMinute: number };
  market: { digestIntervalMinutes: number };
  sla: { pilotBusinessDays: number; defaultBusinessDays: number; alertIntervalMinutes: number };
  shutdownTimeoutSeconds: number;
  euServicesThreshold: number;
  /** Worker threads that build generated documents (0: the main thread) and how many may wait for one. */
  documents: { workers: number; queueLimit: number };
  viewCache: boolean;
  /** Files on questions, replies and notes: the largest file and how many per message. */
  attachments: { maxBytes: number; maxFiles: number };
  /** Replies by e-mail: the SMTP listener (off without a port), the reply-address domain, the largest mail. */
  inbound: { port?: number; host: string; domain?: string; maxBytes: number };
  rootDir: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // an address list or a preset such as "loopback"
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (SMTP_URL= in a compose file) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`,
      ),
    );
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL)
    throw new ConfigError([
      'PUBLIC_URL: required when NODE_ENV=production (the absolute address of the site used in e-mail and hreflang links, e.g. https://marches.example.brussels)',
    ]);
  if (env.INBOUND_SMTP_PORT !== undefined && !env.INBOUND_EMAIL_DOMAIN)
    throw new ConfigError([
      'INBOUND_EMAIL_DOMAIN: required when INBOUND_SMTP_PORT is set (the domain of the reply addresses helpdesk+<token>@domain)',
    ]);
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${path.join(env.DATA_DIR, 'helpdesk.sqlite')}`;
  const isSqlite = databaseUrl.startsWith('sqlite:');
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    host: env.HOST,
    port: env.PORT,
    database: {
      client: isSqlite ? 'sqlite' : 'postgres',
      url: databaseUrl,
      filename: isSqlite ? path.resolve(databaseUrl.slice('sqlite:'.length)) : undefined,
      poolMax: env.DATABASE_POOL_MAX,
    },
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    session: {
      secret: env.SESSION_SECRET,
      idleMinutes: env.SESSION_IDLE_MINUTES,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    clausesDir: path.resolve(env.CLAUSES_DIR),
    dataDir: path.resolve(env.DATA_DIR),
    searchRefreshSeconds: env.SEARCH_REFRESH_SECONDS,
    tickets: {
      rateLimitPerHour: env.TICKET_RATE_LIMIT,
      retentionMonths: env.TICKET_RETENTION_MONTHS,
      retentionIntervalHours: env.RETENTION_INTERVAL_HOURS,
    },
    rateLimits: {
      passwordResets: env.PASSWORD_RESET_RATE_LIMIT,
      clauseFeedback: env.FEEDBACK_RATE_LIMIT,
      requesterReplies: env.REPLY_RATE_LIMIT,
      documentsPerMinute: env.DOCUMENT_RATE_LIMIT,
    },
    market: { digestIntervalMinutes: env.MARKET_DIGEST_MINUTES },
    sla: {
      pilotBusinessDays: env.SLA_PILOT_BUSINESS_DAYS,
      defaultBusinessDays: env.SLA_DEFAULT_BUSINESS_DAYS,
      alertIntervalMinutes: env.HELPDESK_ALERT_MINUTES,
    },
    shutdownTimeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    euServicesThreshold: env.EU_SERVICES_THRESHOLD_EUR,
    documents: { workers: env.DOCUMENT_WORKERS ?? os.availableParallelism(), queueLimit: env.DOCUMENT_QUEUE_LIMIT },
    viewCache: env.VIEW_CACHE ?? true,
    attachments: { maxBytes: env.ATTACHMENT_MAX_BYTES, maxFiles: env.ATTACHMENT_MAX_FILES },
    inbound: {
      port: env.INBOUND_SMTP_PORT,
      host: env.INBOUND_SMTP_HOST,
      domain: env.INBOUND_EMAIL_DOMAIN?.toLowerCase(),
      // Room for every file in base64 (4/3 larger) and the text, unless set.
      maxBytes:
        env.INBOUND_MAX_BYTES ?? Math.ceil((env.ATTACHMENT_MAX_BYTES * env.ATTACHMENT_MAX_FILES * 4) / 3) + 2 ** 20,
    },
    rootDir: ROOT,
  };
}
