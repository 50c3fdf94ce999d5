// The staff area: a start page by role and the profile page (change one's password).
import { Router, type Response } from 'express';
import { bodyString, errorSummary, setFlash } from '../http/forms';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { requireSignedIn } from './roles';
import type { AccountService } from './service';
import { orRerender } from '../http/validation';

const lang = (res: Response) => res.locals.lang as Lang;

export function staffRoutes(service: AccountService): Router {
  const router = Router();

  router.get('/staff', requireSignedIn, (_req, res) => {
    res.render('accounts/staff-home', { section: 'staff' });
  });

  router.get('/staff/profile', requireSignedIn, (req, res) => {
    res.render('accounts/profile', { section: 'staff', errors: {}, csrfToken: csrfToken(req) });
  });

  router.post('/staff/profile', requireSignedIn, async (req, res) => {
    await orRerender(
      lang(res),
      async () => {
        const user = await service.changePassword(
          req.currentUser!.id,
          bodyString(req, 'current', 1000),
          bodyString(req, 'password', 1000),
          bodyString(req, 'confirmation', 1000),
          { ip: req.ip, actorUserId: req.currentUser!.id },
        );
        // The password change ended other sessions; this one continues under the new epoch.
        req.session.epoch = user.sessionEpoch;
        setFlash(req, 'ok', 'accounts.password_changed');
        res.redirect(303, `/${lang(res)}/staff/profile`);
      },
      async (errors) => {
        res.status(422).render('accounts/profile', {
          section: 'staff',
          errors,
          errorSummary: errorSummary(errors),
          csrfToken: csrfToken(req),
        });
      },
    );
  });

  return router;
}
