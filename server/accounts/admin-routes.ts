// Coordinator pages: users (invite, roles, organisation, disable), organisations, mail outbox, audit log.
import { Router, type Request, type Response } from 'express';
import { auditEventLabel, type AuditLog } from '../audit/audit-log';
import { NotFound, ValidationFailed } from '../http/errors';
import {
  bodyList,
  bodyString,
  EMAIL_PATTERN,
  errorSummary,
  fieldErrors,
  type FieldErrors,
  setFlash,
} from '../http/forms';
import { translate } from '../i18n/catalog';
import { LANGUAGES, isLang, type Lang } from '../i18n/languages';
import type { Mailer } from '../mail/mailer';
import { csrfToken } from '../security/csrf';
import { organisationName, type OrganisationRepository } from './organisations';
import type { AccountRepository } from './repository';
import { isRole, requireRole, ROLES, type Role } from './roles';
import type { AccountService } from './service';

const lang = (res: Response) => res.locals.lang as Lang;

export interface AdminDeps {
  service: AccountService;
  accounts: AccountRepository;
  organisations: OrganisationRepository;
  mailer: Mailer;
  audit: AuditLog;
}

function rolesFrom(req: Request): Role[] {
  return bodyList(req, 'roles').filter(isRole);
}

export function adminRoutes({ service, accounts, organisations, mailer, audit }: AdminDeps): Router {
  const router = Router();
  router.use('/staff/users', ...requireRole('coordinator'));
  router.use('/staff/organisations', ...requireRole('coordinator'));
  router.use('/staff/outbox', ...requireRole('coordinator'));
  router.use('/staff/audit', ...requireRole('coordinator'));

  const orgOptions = async (res: Response) =>
    (await organisations.list()).map((org) => ({ code: org.code, name: organisationName(org, lang(res)) }));

  router.get('/staff/users', async (_req, res) => {
    const orgs = new Map((await orgOptions(res)).map((o) => [o.code, o.name]));
    const users = (await accounts.list()).map((u) => ({
      ...u,
      orgName: u.orgCode ? orgs.get(u.orgCode) : undefined,
      pending: !u.passwordHash,
    }));
    res.render('accounts/users', { section: 'staff', users });
  });

  const renderInvite = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, unknown>,
    errors: FieldErrors = {},
  ) => {
    res.status(status).render('accounts/invite', {
      section: 'staff',
      values,
      errors,
      errorSummary: errorSummary(errors),
      roles: ROLES,
      orgs: await orgOptions(res),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/users/new', async (req, res) => {
    await renderInvite(req, res, 200, { roles: [], lang: lang(res) });
  });

  router.post('/staff/users/new', async (req, res) => {
    const values = {
      email: bodyString(req, 'email', 254),
      name: bodyString(req, 'name', 300),
      roles: rolesFrom(req),
      org: bodyString(req, 'org', 40) || null,
      lang: isLang(bodyString(req, 'lang')) ? bodyString(req, 'lang') : lang(res),
    };
    try {
      if (values.org && !(await organisations.find(values.org)))
        throw new ValidationFailed([{ field: 'org', messageKey: 'validation.one_of' }]);
      await service.invite(
        { ...values, lang: values.lang as Lang, orgCode: values.org },
        { ip: req.ip, actorUserId: req.currentUser!.id },
      );
      setFlash(req, 'ok', 'accounts.invitation_sent', { email: values.email });
      res.redirect(303, `/${lang(res)}/staff/users`);
    } catch (err) {
      if (err instanceof ValidationFailed) return renderInvite(req, res, 422, values, fieldErrors(err, lang(res)));
      if ((err as { status?: number }).status === 409)
        return renderInvite(req, res, 409, values, { email: translate(lang(res), 'accounts.email_taken') });
      throw err;
    }
  });

  const loadUser = async (req: Request) => {
    const id = Number(req.params.id);
    const user = Number.isInteger(id) ? await accounts.findById(id) : undefined;
    if (!user) throw new NotFound();
    return user;
  };

  const renderUser = async (req: Request, res: Response, status: number, errors: FieldErrors = {}) => {
    const user = await loadUser(req);
    res.status(status).render('accounts/user', {
      section: 'staff',
      user,
      errors,
      errorSummary: errorSummary(errors),
      roles: ROLES,
      orgs: await orgOptions(res),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/users/:id', async (req, res) => renderUser(req, res, 200));

  router.post('/staff/users/:id', async (req, res) => {
    const user = await loadUser(req);
    const org = bodyString(req, 'org', 40) || null;
    try {
      if (org && !(await organisations.find(org)))
        throw new ValidationFailed([{ field: 'org', messageKey: 'validation.one_of' }]);
      await service.updateUser(
        user.id,
        { roles: rolesFrom(req), orgCode: org },
        { ip: req.ip, actorUserId: req.currentUser!.id },
      );
      setFlash(req, 'ok', 'accounts.user_saved');
      res.redirect(303, `/${lang(res)}/staff/users/${user.id}`);
    } catch (err) {
      if (err instanceof ValidationFailed) return renderUser(req, res, 422, fieldErrors(err, lang(res)));
      throw err;
    }
  });

  router.post('/staff/users/:id/status', async (req, res) => {
    const user = await loadUser(req);
    const disable = bodyString(req, 'action') === 'disable';
    try {
      await service.setDisabled(user.id, disable, { ip: req.ip, actorUserId: req.currentUser!.id });
      setFlash(req, 'ok', disable ? 'accounts.user_disabled' : 'accounts.user_enabled');
      res.redirect(303, `/${lang(res)}/staff/users/${user.id}`);
    } catch (err) {
      if (err instanceof ValidationFailed) return renderUser(req, res, 422, fieldErrors(err, lang(res)));
      throw err;
    }
  });

  router.get('/staff/organisations', async (req, res) => {
    res.render('accounts/organisations', {
      section: 'staff',
      organisations: await organisations.list(),
      csrfToken: csrfToken(req),
    });
  });

  router.post('/staff/organisations/:code', async (req, res) => {
    const org = await organisations.find(req.params.code);
    if (!org) throw new NotFound();
    const changes = {
      names: Object.fromEntries(LANGUAGES.map((l) => [l, bodyString(req, `name_${l}`, 200).trim()])) as Record<
        Lang,
        string
      >,
      queueEmail: bodyString(req, 'queue_email', 254).trim() || null,
    };
    const problems = LANGUAGES.filter((l) => !changes.names[l]).map((l) => ({
      field: `name_${l}`,
      messageKey: 'validation.required',
    }));
    if (changes.queueEmail && !EMAIL_PATTERN.test(changes.queueEmail))
      problems.push({ field: 'queue_email', messageKey: 'validation.email' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await organisations.update(org.code, changes);
    await audit.record('organisation.updated', {
      actorUserId: req.currentUser!.id,
      ip: req.ip,
      details: { code: org.code },
    });
    setFlash(req, 'ok', 'accounts.organisation_saved');
    res.redirect(303, `/${lang(res)}/staff/organisations`);
  });

  router.get('/staff/outbox', async (_req, res) => {
    res.render('accounts/outbox', {
      section: 'staff',
      messages: await mailer.outbox(),
      outboxOnly: mailer.usesOutboxOnly,
    });
  });

  router.get('/staff/audit', async (_req, res) => {
    const l = res.locals.lang as Lang;
    const entries = (await audit.recent(300)).map((e) => ({ ...e, label: auditEventLabel(l, e.event) }));
    res.render('accounts/audit', { section: 'staff', entries });
  });

  return router;
}
