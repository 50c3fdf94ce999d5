// Sign-in, sign-out, forgotten password and invitation pages (no account needed to reach them).
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../db/time';
import { ValidationFailed, type AppError } from '../http/errors';
import { bodyString, errorSummary, fieldErrors, safeLocalPath, setFlash, type FieldErrors } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { Limiters } from '../security/limits';
import type { AccountService } from './service';
import type { UserRecord } from './repository';

function lang(res: Response): Lang {
  return res.locals.lang as Lang;
}

/** A fresh session id at sign-in (no fixation), holding who signed in and when. */
async function startSession(req: Request, user: UserRecord, now: number): Promise<void> {
  const flash = req.session.flash;
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.userId = user.id;
  req.session.epoch = user.sessionEpoch;
  req.session.signedInAt = now;
  if (flash) req.session.flash = flash;
  await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

export function accountRoutes(
  service: AccountService,
  limiters: Pick<Limiters, 'signIn' | 'passwordResets'>,
  clock: Clock,
  sessionCookie: string,
): Router {
  const router = Router();

  const renderSignIn = (
    req: Request,
    res: Response,
    status: number,
    values: { email: string; next: string },
    error?: string,
  ) => {
    res.status(status).render('accounts/signin', {
      title: translate(lang(res), 'accounts.sign_in_title'),
      section: 'signin',
      values,
      error,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/signin', (req, res) => {
    if (req.currentUser) return res.redirect(303, `/${lang(res)}/staff`);
    renderSignIn(req, res, 200, { email: '', next: safeLocalPath(req.query.next, lang(res), '') });
  });

  router.post('/signin', limiters.signIn, async (req, res) => {
    const values = {
      email: bodyString(req, 'email', 254),
      next: safeLocalPath(bodyString(req, 'next'), lang(res), ''),
    };
    try {
      const user = await service.signIn(values.email, bodyString(req, 'password', 1000), { ip: req.ip });
      await startSession(req, user, clock.now().getTime());
      res.redirect(303, values.next || `/${lang(res)}/staff`);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 401 || status === 429) {
        const e = err as AppError;
        return renderSignIn(req, res, status, values, translate(lang(res), e.messageKey, e.params));
      }
      throw err;
    }
  });

  router.post('/signout', async (req, res) => {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie(sessionCookie, { path: '/' });
    res.redirect(303, `/${lang(res)}/`);
  });

  router.get('/password/forgot', (req, res) => {
    res.render('accounts/forgot', { section: 'signin', values: { email: '' }, csrfToken: csrfToken(req) });
  });

  router.post('/password/forgot', limiters.passwordResets, async (req, res) => {
    const email = bodyString(req, 'email', 254);
    await service.requestPasswordReset(email, lang(res), { ip: req.ip });
    res.render('accounts/forgot-sent', { section: 'signin' });
  });

  const renderNewPassword = (
    req: Request,
    res: Response,
    view: string,
    status: number,
    extra: Record<string, unknown>,
    errors: FieldErrors = {},
  ) => {
    res.status(status).render(view, {
      section: 'signin',
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
      ...extra,
    });
  };

  router.get('/password/reset/:token', async (req, res) => {
    const found = await service.findResetToken(req.params.token);
    if (!found) return res.status(404).render('accounts/link-invalid', { section: 'signin' });
    renderNewPassword(req, res, 'accounts/reset', 200, { token: req.params.token });
  });

  router.post('/password/reset/:token', async (req, res) => {
    try {
      await service.resetPassword(
        req.params.token,
        bodyString(req, 'password', 1000),
        bodyString(req, 'confirmation', 1000),
        { ip: req.ip },
      );
      setFlash(req, 'ok', 'accounts.password_reset_done');
      res.redirect(303, `/${lang(res)}/signin`);
    } catch (err) {
      if (err instanceof ValidationFailed)
        return renderNewPassword(
          req,
          res,
          'accounts/reset',
          422,
          { token: req.params.token },
          fieldErrors(err, lang(res)),
        );
      if ((err as { status?: number }).status === 404)
        return res.status(404).render('accounts/link-invalid', { section: 'signin' });
      throw err;
    }
  });

  router.get('/invitation/:token', async (req, res) => {
    const found = await service.findInvitation(req.params.token);
    if (!found) return res.status(404).render('accounts/link-invalid', { section: 'signin' });
    renderNewPassword(req, res, 'accounts/invitation', 200, {
      token: req.params.token,
      invitee: { name: found.user.name, email: found.user.email },
    });
  });

  router.post('/invitation/:token', async (req, res) => {
    try {
      const user = await service.acceptInvitation(
        req.params.token,
        bodyString(req, 'password', 1000),
        bodyString(req, 'confirmation', 1000),
        { ip: req.ip },
      );
      await startSession(req, user, clock.now().getTime());
      setFlash(req, 'ok', 'accounts.welcome', { name: user.name });
      res.redirect(303, `/${lang(res)}/staff`);
    } catch (err) {
      if (err instanceof ValidationFailed) {
        const found = await service.findInvitation(req.params.token);
        return renderNewPassword(
          req,
          res,
          'accounts/invitation',
          422,
          { token: req.params.token, invitee: found ? { name: found.user.name, email: found.user.email } : undefined },
          fieldErrors(err, lang(res)),
        );
      }
      if ((err as { status?: number }).status === 404)
        return res.status(404).render('accounts/link-invalid', { section: 'signin' });
      throw err;
    }
  });

  return router;
}
