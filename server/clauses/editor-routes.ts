// Editors' pages: list, create, edit (each save a new version), preview, send for review, publish, retire, feedback.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../accounts/roles';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { AppError, NotFound, ValidationFailed } from '../http/errors';
import { bodyString, errorSummary, fieldErrors, safeLocalPath, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { diffVersions } from './diff';
import { FEEDBACK_STATES, type ClauseFeedback, type FeedbackState } from './feedback';
import { candidateFromForm, formValues } from './editor-form';
import { LEGAL_SOURCE_CODES, LEGAL_SOURCES } from './legal-sources';
import type { ClauseRepository } from './repository';
import { clauseView, loadNames } from './routes';
import type { ClauseService } from './service';
import { LEVELS, MOMENTS, ORGANISATIONS, PARAMETER_TYPES, STAGES, STATUSES, THEMES } from './vocabulary';
import { versionReasonText } from './version-reason';

const lang = (res: Response) => res.locals.lang as Lang;

/** The feedback filter on the editors' list: open by default. */
const feedbackStateOf = (value: unknown): FeedbackState => FEEDBACK_STATES.find((state) => state === value) ?? 'open';

export function editorRoutes(deps: {
  clauses: ClauseService;
  repo: ClauseRepository;
  organisations: OrganisationRepository;
  feedback: ClauseFeedback;
}): Router {
  const router = Router();
  router.use('/staff/clauses', ...requireRole('editor'));

  const choices = async (res: Response) => {
    const l = lang(res);
    const names = await loadNames(deps.repo, deps.organisations);
    return {
      themes: THEMES,
      stages: STAGES,
      levels: LEVELS,
      moments: MOMENTS,
      parameterTypes: PARAMETER_TYPES,
      owners: ORGANISATIONS.map((code) => {
        const org = names.organisations.get(code);
        return { code, name: org ? organisationName(org, l) : code };
      }),
      categories: [...names.categories.values()].map((c) => ({ code: c.code, name: c.name[l] })),
      legalSources: LEGAL_SOURCE_CODES.map((code) => ({ code, name: LEGAL_SOURCES[code][l] })),
    };
  };

  router.get('/staff/clauses', async (req, res) => {
    const status =
      typeof req.query.status === 'string' && (STATUSES as readonly string[]).includes(req.query.status)
        ? req.query.status
        : undefined;
    const list = await deps.repo.list({ status });
    const feedbackState = feedbackStateOf(req.query.feedback);
    res.render('editor/list', {
      section: 'staff',
      title: translate(lang(res), 'staff.clauses'),
      clauses: list,
      statuses: STATUSES,
      status,
      feedbackStates: FEEDBACK_STATES,
      feedbackState,
      feedback: await deps.feedback.list({ state: feedbackState, limit: 30 }),
      back: req.originalUrl,
      csrfToken: csrfToken(req),
    });
  });

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    view: { mode: 'new' | 'edit'; id?: string; values: Record<string, unknown>; basedOn?: number; reason?: string },
    errors: Record<string, string> = {},
  ) => {
    res.status(status).render('editor/form', {
      section: 'staff',
      title: translate(lang(res), view.mode === 'new' ? 'clauses.editor.new_title' : 'clauses.editor.edit_title', {
        id: view.id ?? '',
      }),
      ...view,
      errors,
      errorSummary: errorSummary(errors),
      choices: await choices(res),
      csrfToken: csrfToken(req),
    });
  };

  const handleFormError = async (err: unknown, req: Request, res: Response, view: Parameters<typeof renderForm>[3]) => {
    if (err instanceof ValidationFailed) return renderForm(req, res, 422, view, fieldErrors(err, lang(res)));
    if (err instanceof AppError && err.status === 409)
      return renderForm(req, res, 409, view, { id: translate(lang(res), err.messageKey, err.params) });
    throw err;
  };

  router.get('/staff/clauses/new', async (req, res) => {
    await renderForm(req, res, 200, {
      mode: 'new',
      values: formValues({ reviewed: new Date().toISOString().slice(0, 10) }),
    });
  });

  router.post('/staff/clauses/new', async (req, res) => {
    const candidate = candidateFromForm(req.body);
    const reason = bodyString(req, 'reason', 600);
    try {
      const document = await deps.clauses.create(candidate, req.currentUser!, reason);
      setFlash(req, 'ok', 'clauses.editor.saved', { id: document.id, version: document.version });
      res.redirect(303, `/${lang(res)}/staff/clauses/${document.id}`);
    } catch (err) {
      await handleFormError(err, req, res, { mode: 'new', values: formValues(candidate as never), reason });
    }
  });

  router.get('/staff/clauses/:id', async (req, res) => {
    const { record, versions } = await deps.clauses.forEditor(String(req.params.id));
    res.render('editor/clause', {
      section: 'staff',
      title: record.id,
      record,
      versions: versions.map((v, i) => ({
        ...v,
        reason: versionReasonText(v.reason, lang(res)),
        previous: versions[i + 1]?.version,
        title: v.document.title[lang(res)],
        canPublish: v.status === 'in_review' && v.authorUserId !== req.currentUser!.id,
        ownVersion: v.authorUserId === req.currentUser!.id,
      })),
      feedback: await deps.feedback.list({ clauseId: record.id, limit: 100 }),
      back: req.originalUrl,
      csrfToken: csrfToken(req),
    });
  });

  router.post('/staff/clauses/feedback/:feedbackId/handled', async (req, res) => {
    const back = safeLocalPath(bodyString(req, 'back', 500), lang(res), `/${lang(res)}/staff/clauses`);
    await deps.feedback.markHandled(
      Number(req.params.feedbackId),
      Number(bodyString(req, 'version', 10)),
      req.currentUser!,
      req.ip,
    );
    setFlash(req, 'ok', 'helpdesk_misc.feedback.marked');
    res.redirect(303, back);
  });

  router.post('/staff/clauses/feedback/:feedbackId/reopen', async (req, res) => {
    const back = safeLocalPath(bodyString(req, 'back', 500), lang(res), `/${lang(res)}/staff/clauses`);
    await deps.feedback.reopen(Number(req.params.feedbackId), req.currentUser!, req.ip);
    setFlash(req, 'ok', 'helpdesk_misc.feedback.reopened');
    res.redirect(303, back);
  });

  router.get('/staff/clauses/:id/edit', async (req, res) => {
    const { record } = await deps.clauses.forEditor(String(req.params.id));
    const latest = await deps.clauses.version(record.id, record.latestVersion);
    await renderForm(req, res, 200, {
      mode: 'edit',
      id: record.id,
      values: formValues(latest.document),
      basedOn: record.latestVersion,
    });
  });

  router.post('/staff/clauses/:id/edit', async (req, res) => {
    const id = String(req.params.id);
    const reason = bodyString(req, 'reason', 600);
    const basedOn = Number(bodyString(req, 'based_on')) || undefined;
    const { record } = await deps.clauses.forEditor(id);
    const base = await deps.clauses.version(record.id, Math.min(basedOn ?? record.latestVersion, record.latestVersion));
    const candidate = candidateFromForm(req.body, base.document);
    try {
      const document = await deps.clauses.saveVersion(id, candidate, req.currentUser!, reason, basedOn);
      setFlash(req, 'ok', 'clauses.editor.saved', { id, version: document.version });
      res.redirect(303, `/${lang(res)}/staff/clauses/${id}`);
    } catch (err) {
      await handleFormError(err, req, res, {
        mode: 'edit',
        id,
        values: formValues({ ...(candidate as Record<string, unknown>), id } as never),
        basedOn,
        reason,
      });
    }
  });

  router.get('/staff/clauses/:id/versions/:version', async (req, res) => {
    const version = await deps.clauses.version(String(req.params.id), Number(req.params.version));
    const names = await loadNames(deps.repo, deps.organisations);
    res.render('editor/preview', {
      section: 'staff',
      title: version.document.title[lang(res)],
      clause: clauseView(version.document, lang(res), names),
      version,
    });
  });

  router.get('/staff/clauses/:id/diff', async (req, res) => {
    const id = String(req.params.id);
    const to = await deps.clauses.version(id, Number(req.query.to));
    const from = await deps.clauses.version(id, Number(req.query.from));
    const l = lang(res);
    res.render('clauses/diff', {
      section: 'staff',
      title: translate(l, 'clauses.diff_title', { id, from: from.version, to: to.version }),
      clauseId: id,
      clauseTitle: to.document.title[l],
      from: from.version,
      to: to.version,
      reason: versionReasonText(to.reason, l),
      staff: true,
      sections: diffVersions(from.document, to.document, l, {
        added: translate(l, 'clauses.added'),
        removed: translate(l, 'clauses.removed'),
      }),
    });
  });

  const action = (name: string, run: (req: Request) => Promise<void>, message: string) =>
    router.post(`/staff/clauses/:id/${name}`, async (req, res) => {
      try {
        await run(req);
        setFlash(req, 'ok', message, {
          id: String(req.params.id),
          version: String((req.params as Record<string, string>).version ?? ''),
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err instanceof NotFound) throw err;
        setFlash(req, 'error', err.messageKey, err.params);
      }
      res.redirect(303, `/${lang(res)}/staff/clauses/${req.params.id}`);
    });

  action(
    'versions/:version/review',
    (req) => deps.clauses.sendForReview(String(req.params.id), Number(req.params.version)),
    'clauses.editor.sent_for_review',
  );
  action(
    'versions/:version/publish',
    (req) => deps.clauses.publish(String(req.params.id), Number(req.params.version), req.currentUser!),
    'clauses.editor.published',
  );
  action('retire', (req) => deps.clauses.retire(String(req.params.id)), 'clauses.editor.retired');

  return router;
}
