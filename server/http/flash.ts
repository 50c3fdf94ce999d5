// A one-time message carried across a redirect (Post/Redirect/Get), shown once in the page's language.
import type { RequestHandler } from 'express';
import { translate } from '../i18n/catalog';

export const exposeFlash: RequestHandler = (req, res, next) => {
  const flash = req.session?.flash;
  if (flash) {
    res.locals.flash = { kind: flash.kind, message: translate(res.locals.lang, flash.key, flash.params) };
    delete req.session.flash;
  }
  next();
};
