// Helpers for HTML forms: field errors in the page's language, safe redirect targets, flash messages.
import type { Request } from 'express';
import { catalogs, translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { ValidationFailed } from './errors';

export type FieldErrors = Record<string, string>;

/** The e-mail check used wherever an address is typed (the helpdesk form uses zod's own). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first message per field, for showing next to each input and in the error summary. */
/**
 * The message of each field. A generic one ("This field is required.") names its field when the catalogs know the
 * field's label (`fields.<name>`), so that the error summary reads on its own: "Name: this field is required."
 */
export function fieldErrors(err: ValidationFailed, lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const problem of err.details) {
    if (out[problem.field]) continue;
    const message = translate(lang, problem.messageKey, problem.params ?? {});
    const label = catalogs[lang].get(`fields.${problem.field}`);
    out[problem.field] =
      label && problem.messageKey.startsWith('validation.')
        ? translate(lang, 'polish.field_error', { label, message: message.charAt(0).toLowerCase() + message.slice(1) })
        : message;
  }
  return out;
}

export function errorSummary(errors: FieldErrors): { field: string; message: string }[] {
  return Object.entries(errors).map(([field, message]) => ({ field, message }));
}

/** Only a path on this site in the given language may be a redirect target. */
export function safeLocalPath(value: unknown, lang: Lang, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith(`/${lang}/`) || value.startsWith('//') || value.includes('\\') || /[\r\n]/.test(value))
    return fallback;
  return value;
}

export function bodyString(req: Request, field: string, max = 10_000): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export function bodyList(req: Request, field: string): string[] {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function setFlash(
  req: Request,
  kind: 'ok' | 'warn' | 'error',
  key: string,
  params?: Record<string, string | number>,
): void {
  req.session.flash = { kind, key, params };
}
