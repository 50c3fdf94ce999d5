// Control characters are refused once, at the edge, for every path, query and body: a NUL byte would be stored
// by SQLite and make PostgreSQL fail, other controls have no business in text. Tab, line feed and carriage return
// stay allowed in bodies (multi-line text fields); the path and the query allow none.
import type { Request, RequestHandler } from 'express';
import { BadRequest, ValidationFailed, type FieldProblem } from './errors';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const MESSAGE_KEY = 'security.control_characters';

/** The names of the fields (dotted paths) whose key or text holds a refused character. */
export function fieldsWithControls(value: unknown, pattern: RegExp, prefix: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (pattern.test(value)) out.push(prefix);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => fieldsWithControls(item, pattern, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (pattern.test(key)) out.push(prefix || '(body)');
      else fieldsWithControls(item, pattern, name, out);
    }
  }
  return out;
}

function pathHasControls(req: Request): boolean {
  const raw = req.originalUrl.split('?')[0];
  try {
    return IN_LINE.test(decodeURIComponent(raw));
  } catch {
    throw new BadRequest('security.malformed_path');
  }
}

export const refuseControlCharacters: RequestHandler = (req, _res, next) => {
  const fields = [
    ...(pathHasControls(req) ? ['path'] : []),
    ...fieldsWithControls(req.query, IN_LINE, 'query'),
    ...fieldsWithControls(req.body, IN_BODY, ''),
  ];
  if (fields.length === 0) return next();
  const problems: FieldProblem[] = [...new Set(fields)].map((field) => ({ field, messageKey: MESSAGE_KEY }));
  next(new ValidationFailed(problems));
};
