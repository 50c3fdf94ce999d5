// Language in the path: /nl/… and /fr/…. Sets the page language, the hreflang alternates and the
// language switch; `/` sends the visitor to their language; /language/:lang remembers an explicit choice.
import { Router, type Request, type RequestHandler } from 'express';
import { safeLocalPath } from '../http/forms';
import { LANG_COOKIE, LANGUAGES, isLang, negotiateLang, otherLang, type Lang } from './languages';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** The same page in another language: swap the first path segment, keep the query. */
export function pathInLang(originalUrl: string, lang: Lang): string {
  const [pathname, query] = splitOnce(originalUrl, '?');
  const segments = pathname.split('/');
  if (isLang(segments[1])) segments[1] = lang;
  else segments.splice(1, 0, lang);
  const path = segments.join('/') || `/${lang}/`;
  return query ? `${path}?${query}` : path;
}

function splitOnce(value: string, sep: string): [string, string | undefined] {
  const at = value.indexOf(sep);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** `origin` gives the site's absolute address for this request (never an arbitrary Host header). */
export function pageLanguage(lang: Lang, origin: (req: Request) => string): RequestHandler {
  return (req, res, next) => {
    res.locals.lang = lang;
    res.locals.otherLang = otherLang(lang);
    res.locals.currentPath = req.originalUrl;
    res.locals.alternates = LANGUAGES.map((l) => ({
      lang: l,
      href: origin(req) + pathInLang(req.originalUrl, l),
    }));
    res.locals.languageSwitch = LANGUAGES.filter((l) => l !== lang).map((l) => ({
      lang: l,
      href: `/language/${l}?return=${encodeURIComponent(pathInLang(req.originalUrl, l))}`,
    }));
    next();
  };
}

export function languageRoutes(secureCookies: boolean): Router {
  const router = Router();
  router.get('/', (req, res) => {
    res.setHeader('Vary', 'Accept-Language, Cookie');
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, `/${negotiateLang(req)}/`);
  });
  router.get('/language/:lang', (req, res, next) => {
    const lang = req.params.lang;
    if (!isLang(lang)) return next();
    res.cookie(LANG_COOKIE, lang, {
      maxAge: ONE_YEAR_MS,
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
    });
    res.redirect(303, safeLocalPath(req.query.return, lang, `/${lang}/`));
  });
  return router;
}
