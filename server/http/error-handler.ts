// The one error chain: typed errors become an HTML page in the request's language or JSON
// { error: { code, message, details } }; anything unexpected is logged with the request id and shown as 500.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { translate } from '../i18n/catalog';
import { requestLang, type Lang } from '../i18n/languages';
import { AppError, NotFound, ServiceUnavailable, toAppError } from './errors';

export function wantsJson(req: Request): boolean {
  if (req.path.startsWith('/api/') || req.originalUrl.startsWith('/api/')) return true;
  return req.accepts(['html', 'json']) === 'json';
}

function jsonBody(err: AppError, lang: Lang) {
  return {
    error: {
      code: err.code,
      message: translate(lang, err.messageKey, err.params),
      details: err.details.map((d) => ({ field: d.field, message: translate(lang, d.messageKey, d.params ?? {}) })),
    },
  };
}

function send(req: Request, res: Response, err: AppError, requestId: string) {
  const lang = requestLang(req);
  res.status(err.status);
  if (err instanceof ServiceUnavailable) res.setHeader('Retry-After', String(err.retryAfterSeconds));
  if (res.getHeader('Cache-Control') === undefined) res.setHeader('Cache-Control', 'no-store');
  if (wantsJson(req)) {
    res.json(jsonBody(err, lang));
    return;
  }
  const isNotFound = err.status === 404;
  const isServerError = err.status >= 500;
  const view = {
    lang,
    title: translate(
      lang,
      isNotFound ? 'errors.not_found_title' : isServerError ? 'errors.server_error_title' : 'errors.title',
    ),
    message: translate(lang, err.messageKey, err.params),
    details: err.details.map((d) => ({ field: d.field, message: translate(lang, d.messageKey, d.params ?? {}) })),
    showHelp: isNotFound,
    requestId: isServerError ? requestId : undefined,
  };
  res.render('errors/error', view, (renderErr: Error | null, html?: string) => {
    if (renderErr) {
      // The error page itself failed: fall back to plain text, still without internals.
      req.log?.error({ err: renderErr, requestId }, 'error page failed');
      res.type('text/plain').send(`${err.status} ${err.code} (${requestId})`);
      return;
    }
    res.type('html').send(html);
  });
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(new NotFound());

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const requestId = String((req as { id?: unknown }).id ?? '');
  const known = toAppError(err);
  if (!known || (known.status >= 500 && !(known instanceof ServiceUnavailable))) {
    req.log?.error({ err, requestId }, 'request failed');
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const appError = known ?? new AppError(500, 'internal_error', 'errors.server_error');
  send(req, res, appError, requestId);
};
