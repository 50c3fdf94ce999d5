// The languages the product speaks. Dutch and French are both official in the Brussels-Capital Region.
import type { Request } from 'express';

export const LANGUAGES = ['nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nl';
export const LANG_COOKIE = 'lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'nl' ? 'fr' : 'nl';
}

/** The explicit choice (cookie) wins; then the browser's Accept-Language; then Dutch. */
export function negotiateLang(req: Request): Lang {
  const fromCookie = readCookie(req, LANG_COOKIE);
  if (isLang(fromCookie)) return fromCookie;
  if (!req.headers['accept-language']) return DEFAULT_LANG;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return isLang(accepted) ? accepted : DEFAULT_LANG;
}

/** The language a request is in: the path prefix when there is one, else the negotiated one. */
export function requestLang(req: Request): Lang {
  const prefix = req.originalUrl.split('/')[1];
  if (isLang(prefix)) return prefix;
  const queryLang = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (isLang(queryLang)) return queryLang;
  const bodyLang = (req.body as { lang?: unknown } | undefined)?.lang;
  if (req.originalUrl.startsWith('/api/') && isLang(bodyLang)) return bodyLang;
  return negotiateLang(req);
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
