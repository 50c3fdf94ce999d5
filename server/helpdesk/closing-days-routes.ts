// Coordinators set the days an organisation (or every organisation) is closed; due times skip them.
import { Router, type Request, type Response } from 'express';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { requireRole } from '../accounts/roles';
import { bodyString, errorSummary, setFlash, type FieldErrors } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { formatMonthDay } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { BRUSSELS_REGIONAL_DAYS_OFF, type ClosingDays } from './closing-days';

const lang = (res: Response) => res.locals.lang as Lang;

export function closingDayRoutes(closingDays: ClosingDays, organisations: OrganisationRepository): Router {
  const router = Router();
  router.use('/staff/closing-days', ...requireRole('coordinator'));

  const render = async (req: Request, res: Response, status = 200, errors: FieldErrors = {}, values = {}) => {
    const orgs = (await organisations.list()).map((org) => ({
      code: org.code,
      name: organisationName(org, lang(res)),
      calendar: org.holidayCalendar,
    }));
    const nameOf = new Map(orgs.map((org) => [org.code, org.name]));
    const days = (await closingDays.list()).map((day) => ({
      ...day,
      orgName: day.orgCode ? (nameOf.get(day.orgCode) ?? day.orgCode) : null,
    }));
    res.status(status).render('helpdesk/closing-days', {
      section: 'staff',
      title: translate(lang(res), 'helpdesk_misc.closing.title'),
      orgs,
      days,
      regionalDaysOff: BRUSSELS_REGIONAL_DAYS_OFF.map((monthDay) => formatMonthDay(lang(res), monthDay)).join(', '),
      errors,
      errorSummary: errorSummary(errors),
      values,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/closing-days', (req, res) => render(req, res));

  router.post('/staff/closing-days', async (req, res) => {
    const values = {
      day: bodyString(req, 'day', 40),
      org: bodyString(req, 'org', 40),
      label: bodyString(req, 'label', 1000),
    };
    await orRerender(
      lang(res),
      async () => {
        await closingDays.add(
          { day: values.day, orgCode: values.org, label: values.label },
          { id: req.currentUser!.id, ip: req.ip },
        );
        setFlash(req, 'ok', 'helpdesk_misc.closing.added', { day: values.day.trim() });
        res.redirect(303, `/${lang(res)}/staff/closing-days`);
      },
      (errors) => render(req, res, 422, errors, values),
    );
  });

  router.post('/staff/closing-days/:id/delete', async (req, res) => {
    await closingDays.remove(Number(req.params.id), { id: req.currentUser!.id, ip: req.ip });
    setFlash(req, 'ok', 'helpdesk_misc.closing.removed');
    res.redirect(303, `/${lang(res)}/staff/closing-days`);
  });
  return router;
}
