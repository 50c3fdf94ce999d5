// The observatory pages: figures per period and category for coordinators (facilitators: their themes'
// categories), the same figures as CSV, and the notice upload form for coordinators.
import { Router, type Request, type Response } from 'express';
import { hasRole, requireRole } from '../accounts/roles';
import type { Clock } from '../db/time';
import { ValidationFailed } from '../http/errors';
import { errorSummary } from '../http/forms';
import { multipartForm } from '../http/multipart';
import { parseOrFail } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { periodFrom } from '../monitoring/period';
import { toCsv } from '../monitoring/svg';
import { csrfToken } from '../security/csrf';
import { ImportRefused } from './importer';
import type { ImportReport } from './model';
import { problemText } from './problems';
import { noticeQuery, queryValues } from './params';
import type { ObservatoryService } from './service';
import { figureHeaders, figureRows, pageModel } from './view-model';
import { MAX_NOTICE_BYTES } from './xml';

const lang = (res: Response) => res.locals.lang as Lang;
const IMPORT_PATHS = new Set(LANGUAGES.map((l) => `/${l}/staff/observatory/import`));
/** One upload: up to 1,000 files and 60 MB in all (a single file of 50 MB or more is refused on its own). */
const UPLOAD_LIMITS = { maxBytes: MAX_NOTICE_BYTES + 10 * 2 ** 20, maxFiles: 1000, maxFields: 20 };

/** Reads the upload form's body before the CSRF check; only for a coordinator posting to the import path. */
export function noticeUploadBody() {
  return multipartForm(UPLOAD_LIMITS, (req) => IMPORT_PATHS.has(req.path) && hasRole(req.currentUser, 'coordinator'));
}

export interface ObservatoryDeps {
  observatory: ObservatoryService;
  clock: Clock;
}

function filterOf(req: Request, deps: ObservatoryDeps) {
  const values = queryValues(req.query as Record<string, unknown>);
  const query = parseOrFail(noticeQuery, { region: values.region });
  const period = periodFrom(values, deps.clock.now());
  return { period, filter: { region: query.region, from: period.fromDay, to: period.toDay } };
}

function reportModel(report: ImportReport, l: Lang) {
  return {
    counts: (['added', 'replaced', 'unchanged', 'older', 'refused'] as const).map((k) => ({
      label: translate(l, `observatory.outcomes.${k}`),
      count: report[k],
    })),
    refused: report.files
      .filter((f) => f.outcome === 'refused')
      .map((f) => ({ file: f.file, problems: f.problems.map((p) => problemText(l, p)) })),
  };
}

export function observatoryRoutes(deps: ObservatoryDeps): Router {
  const router = Router();
  router.use('/staff/observatory', ...requireRole('facilitator', 'coordinator'));
  router.use('/staff/observatory/import', ...requireRole('coordinator'));

  router.get('/staff/observatory', async (req, res) => {
    const l = lang(res);
    const { period, filter } = filterOf(req, deps);
    const scope = deps.observatory.scopeOf(req.currentUser!);
    const query = new URLSearchParams(
      Object.entries(req.query).filter(([, v]) => typeof v === 'string') as [string, string][],
    ).toString();
    res.render('observatory/page', {
      section: 'staff',
      title: translate(l, 'observatory.title'),
      period,
      region: filter.region,
      scoped: scope.themes !== null,
      canImport: hasRole(req.currentUser, 'coordinator'),
      query: query ? `?${query}` : '',
      year: period.fromDay.slice(0, 4),
      month: Number(period.fromDay.slice(5, 7)),
      quarter: Math.ceil(Number(period.fromDay.slice(5, 7)) / 3),
      months: Array.from({ length: 12 }, (_, i) => i + 1),
      ...(await pageModel(deps.observatory, filter, scope, l)),
    });
  });

  router.get('/staff/observatory/figures.csv', async (req, res) => {
    const l = lang(res);
    const { filter } = filterOf(req, deps);
    const scope = deps.observatory.scopeOf(req.currentUser!);
    const stats = await deps.observatory.stats(filter, scope);
    const names = new Map((await deps.observatory.categories(scope)).map((c) => [c.code, c.name]));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="observatory_${filter.region}_${filter.from}_${filter.to}.csv"`,
    );
    res.send(toCsv(figureHeaders(l), figureRows(stats, names, l)));
  });

  const renderImport = (req: Request, res: Response, extra: Record<string, unknown> = {}) =>
    res.render('observatory/import', {
      section: 'staff',
      title: translate(lang(res), 'observatory.import.title'),
      csrfToken: csrfToken(req),
      ...extra,
    });

  router.get('/staff/observatory/import', (req, res) => renderImport(req, res));

  router.post('/staff/observatory/import', async (req, res) => {
    const l = lang(res);
    const files = (req.files ?? []).filter((f) => f.field === 'notices');
    if (files.length === 0) {
      const errors = { notices: translate(l, 'observatory.import.choose_files') };
      res.status(422);
      return renderImport(req, res, { errors, errorSummary: errorSummary(errors) });
    }
    try {
      const report = await deps.observatory.importer.importDocuments(
        files.map((f) => ({ name: f.filename || f.field, content: f.content })),
      );
      renderImport(req, res, { report: reportModel(report, l) });
    } catch (err) {
      if (!(err instanceof ImportRefused)) throw err;
      throw new ValidationFailed([{ field: 'notices', messageKey: err.messageKey, params: err.params }]);
    }
  });

  return router;
}
