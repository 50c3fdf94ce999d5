// Structured logs with pino. Request logs carry a request id, method, a redacted path, status and
// duration; never IP addresses, cookies, bodies, query strings or tokens (personal data and secrets).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Path segments after these words are secrets (one-time tokens) and never reach the logs. */
const SECRET_SEGMENT = /\/(track|reset|invitation|invite|token)\/[^/?#]+/gi;

export function redactPath(url: string): string {
  const pathOnly = url.split('?')[0] ?? '';
  return pathOnly.replace(SECRET_SEGMENT, '/$1/[redacted]');
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: redactPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return 'info';
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    quietReqLogger: true,
  });
}
