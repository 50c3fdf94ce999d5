// Helpdesk settings: pilot codes and data-subject requests (coordinators), canned answers (facilitators of
// the organisation, coordinators for any), FAQ entries (edit, unpublish).
import { Router, type Request, type Response } from 'express';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { hasRole, requireRole } from '../accounts/roles';
import type { Clock } from '../db/time';
import { Conflict, ValidationFailed } from '../http/errors';
import { bodyString, EMAIL_PATTERN, errorSummary, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import { LANGUAGES, toSuffixed, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { CannedAnswers } from './canned';
import { FAQ_FIELDS, type FaqService } from './faq';
import { canHandle } from './permissions';
import type { PilotCodeRepository } from './pilot-codes';
import type { HelpdeskPrivacy } from './privacy';
import { orRerender } from '../http/validation';

const lang = (res: Response) => res.locals.lang as Lang;

export interface HelpdeskAdminDeps {
  pilotCodes: PilotCodeRepository;
  clock: Clock;
  canned: CannedAnswers;
  faq: FaqService;
  privacy: HelpdeskPrivacy;
  organisations: OrganisationRepository;
}

export function helpdeskAdminRoutes({
  pilotCodes,
  clock,
  canned,
  faq,
  privacy,
  organisations,
}: HelpdeskAdminDeps): Router {
  const router = Router();
  router.use('/staff/pilot-codes', ...requireRole('coordinator'));
  router.use('/staff/privacy', ...requireRole('coordinator'));
  router.use('/staff/canned', ...requireRole('facilitator', 'coordinator'));
  router.use('/staff/faq', ...requireRole('facilitator', 'coordinator'));

  const renderPilots = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
  ) => {
    const codes = await pilotCodes.list();
    res.status(status).render('helpdesk/pilot-codes', {
      section: 'staff',
      title: translate(lang(res), 'helpdesk.pilot.title'),
      codes,
      errors,
      errorSummary: errorSummary(errors),
      values,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/pilot-codes', (req, res) => renderPilots(req, res));

  router.post('/staff/pilot-codes', async (req, res) => {
    const code = bodyString(req, 'code', 40).trim().toUpperCase();
    const description = bodyString(req, 'description', 300).trim();
    const errors: Record<string, string> = {};
    if (!/^[A-Z0-9-]{3,40}$/.test(code)) errors.code = translate(lang(res), 'helpdesk.pilot.code_format');
    if (!description) errors.description = translate(lang(res), 'validation.required');
    if (!errors.code && (await pilotCodes.find(code))) errors.code = translate(lang(res), 'helpdesk.pilot.code_taken');
    if (Object.keys(errors).length > 0) return renderPilots(req, res, 422, errors, { code, description });
    await pilotCodes.add(code, description, clock.now());
    setFlash(req, 'ok', 'helpdesk.pilot.added', { code });
    res.redirect(303, `/${lang(res)}/staff/pilot-codes`);
  });

  router.post('/staff/pilot-codes/:code/toggle', async (req, res) => {
    const pilot = await pilotCodes.find(req.params.code);
    if (pilot) await pilotCodes.setActive(pilot.code, !pilot.active);
    res.redirect(303, `/${lang(res)}/staff/pilot-codes`);
  });

  const renderCanned = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
  ) => {
    const user = req.currentUser!;
    const isCoordinator = hasRole(user, 'coordinator');
    const orgs = await organisations.list();
    res.status(status).render('helpdesk/canned', {
      section: 'staff',
      title: translate(lang(res), 'helpdesk.canned.title'),
      answers: await canned.list(isCoordinator ? undefined : (user.orgCode ?? '__none__')),
      orgs: isCoordinator ? orgs.map((o) => ({ code: o.code, name: organisationName(o, lang(res)) })) : undefined,
      errors,
      errorSummary: errorSummary(errors),
      values,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/canned', (req, res) => renderCanned(req, res));

  router.post('/staff/canned', async (req, res) => {
    const user = req.currentUser!;
    const values = {
      title: bodyString(req, 'title', 200),
      org: bodyString(req, 'org', 40),
      ...Object.fromEntries(LANGUAGES.map((l) => [`body_${l}`, bodyString(req, `body_${l}`, 10_000)])),
    } as Record<string, string>;
    const orgCode = hasRole(user, 'coordinator') ? values.org || user.orgCode || '' : (user.orgCode ?? '');
    await orRerender(
      lang(res),
      async () => {
        if (!(await organisations.find(orgCode)))
          throw new ValidationFailed([{ field: 'org', messageKey: 'validation.one_of' }]);
        const bodies = Object.fromEntries(LANGUAGES.map((l) => [l, values[`body_${l}`]])) as Record<Lang, string>;
        await canned.add({ orgCode, title: values.title, bodies });
        setFlash(req, 'ok', 'helpdesk.canned.added');
        res.redirect(303, `/${lang(res)}/staff/canned`);
      },
      async (errors) => {
        await renderCanned(req, res, 422, errors, values);
      },
    );
  });

  router.post('/staff/canned/:id/delete', async (req, res) => {
    const user = req.currentUser!;
    await canned.remove(Number(req.params.id), hasRole(user, 'coordinator') ? null : (user.orgCode ?? '__none__'));
    res.redirect(303, `/${lang(res)}/staff/canned`);
  });

  router.get('/staff/faq', async (req, res) => {
    const l = lang(res);
    res.render('helpdesk/faq-admin', {
      section: 'staff',
      title: translate(l, 'faq.admin_title'),
      entries: (await faq.list()).map((e) => ({
        ...e,
        questionText: e.question[l],
        canEdit: canHandle(req.currentUser!, e),
      })),
    });
  });

  const renderFaqEdit = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values?: Record<string, string>,
  ) => {
    const entry = await faq.editable(Number(req.params.id), req.currentUser!);
    res.status(status).render('helpdesk/faq-edit', {
      section: 'staff',
      title: translate(lang(res), 'faq.edit_title', { id: entry.id }),
      entry,
      versions: await faq.versions(entry.id),
      values: values ?? { ...toSuffixed('question', entry.question), ...toSuffixed('answer', entry.answer) },
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/faq/:id', (req, res) => renderFaqEdit(req, res));

  router.post('/staff/faq/:id', async (req, res) => {
    const values = Object.fromEntries(FAQ_FIELDS.map((f) => [f, bodyString(req, f, 6000)]));
    await orRerender(
      lang(res),
      async () => {
        await faq.update(
          Number(req.params.id),
          values,
          bodyString(req, 'status') === 'unpublished' ? 'unpublished' : 'published',
          { user: req.currentUser!, ip: req.ip },
        );
        setFlash(req, 'ok', 'faq.saved');
        res.redirect(303, `/${lang(res)}/staff/faq`);
      },
      async (errors) => {
        await renderFaqEdit(req, res, 422, errors, values);
      },
    );
  });

  router.get('/staff/privacy', (req, res) => {
    res.render('helpdesk/privacy', {
      section: 'staff',
      title: translate(lang(res), 'helpdesk.privacy_admin.title'),
      errors: {},
      csrfToken: csrfToken(req),
    });
  });

  router.post('/staff/privacy', async (req, res) => {
    const email = bodyString(req, 'email', 254).trim();
    const action = bodyString(req, 'action');
    if (!EMAIL_PATTERN.test(email)) {
      return res.status(422).render('helpdesk/privacy', {
        section: 'staff',
        title: translate(lang(res), 'helpdesk.privacy_admin.title'),
        values: { email },
        errors: { email: translate(lang(res), 'validation.email') },
        errorSummary: [{ field: 'email', message: translate(lang(res), 'validation.email') }],
        csrfToken: csrfToken(req),
      });
    }
    if (action === 'export') {
      const data = await privacy.export(email, req.currentUser!.id, req.ip);
      res.setHeader('Content-Disposition', 'attachment; filename="data-export.json"');
      res.setHeader('Cache-Control', 'no-store');
      return res.json(data);
    }
    if (action === 'erase' && bodyString(req, 'confirm') === 'yes') {
      const result = await privacy.erase(email, req.currentUser!.id, req.ip);
      setFlash(req, 'ok', 'helpdesk.privacy_admin.erased', { tickets: result.tickets, emails: result.emails });
      return res.redirect(303, `/${lang(res)}/staff/privacy`);
    }
    throw new Conflict('helpdesk.privacy_admin.confirm_needed');
  });

  return router;
}
