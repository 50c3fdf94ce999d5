// The monitoring dashboard (coordinators: everything; facilitators: their organisation's tickets),
// each figure as a chart and a table, downloadable as CSV; and GET /api/v1/stats for coordinators.
import { Router, type Request, type Response } from 'express';
import type { OrganisationRepository } from '../accounts/organisations';
import { hasRole, requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import type { Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';
import { errorSummary, fieldErrors } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { helpdeskBesideNotices } from '../observatory/beside-helpdesk';
import type { ObservatoryService } from '../observatory/service';
import { figureGroups, headlineCards, PERIOD_FIELDS } from './dashboard-view';
import { clauseIdsIn, figures, type Figure, type FigureNames } from './figures';
import { isPeriodKind, periodFrom, periodProblems } from './period';
import type { StatsService } from './stats';
import { barChart, lineChart, toCsv } from './svg';

const lang = (res: Response) => res.locals.lang as Lang;
const WIDE_TABLE_COLUMNS = 4;

export interface MonitoringDeps {
  stats: StatsService;
  organisations: OrganisationRepository;
  clauseRepo: ClauseRepository;
  clock: Clock;
  /** When given, the dashboard shows the helpdesk's categories beside the published notices. */
  observatory?: ObservatoryService;
}

/** Facilitators see the part of their organisation; coordinators see all. */
function scopeOf(req: Request): string | null {
  const user = req.currentUser!;
  return hasRole(user, 'coordinator') ? null : (user.orgCode ?? '__none__');
}

async function names(deps: MonitoringDeps, clauseIds: string[]): Promise<FigureNames> {
  const [orgs, categories, clauseTitles] = await Promise.all([
    deps.organisations.list(),
    deps.clauseRepo.categories(),
    deps.clauseRepo.publishedTitles(clauseIds),
  ]);
  return {
    organisations: new Map(orgs.map((o) => [o.code, o])),
    categories: new Map(categories.map((c) => [c.code, c])),
    clauseTitles,
  };
}

function chartFor(figure: Figure, l: Lang): string | undefined {
  if (!figure.chart || figure.rows.length === 0) return undefined;
  const description = translate(l, 'monitoring.chart_description');
  if (figure.chart.kind === 'line') {
    const labels = figure.headers.slice(1, -1);
    return lineChart(
      `chart-${figure.key}`,
      figure.title,
      description,
      labels,
      figure.rows.map((r) => ({ name: String(r[0]), values: r.slice(1, -1).map(Number) })),
    );
  }
  const { column, label = 0 } = figure.chart;
  return barChart(
    `chart-${figure.key}`,
    figure.title,
    description,
    figure.rows.map((r) => ({ label: String(r[label] || r[0]), value: Number(r[column] ?? 0) })),
  );
}

export function monitoringRoutes(deps: MonitoringDeps): Router {
  const router = Router();
  router.use('/staff/monitoring', ...requireRole('facilitator', 'coordinator'));

  router.get('/staff/monitoring', async (req, res) => {
    const l = lang(res);
    // A period with problems shows the default period with every problem named (422), never an error page.
    const problems = periodProblems(req.query as Record<string, unknown>);
    const period = periodFrom(problems.length > 0 ? {} : (req.query as Record<string, unknown>), deps.clock.now());
    const errors = problems.length > 0 ? fieldErrors(new ValidationFailed(problems), l) : {};
    // The fields of the period type asked for stay on screen when that period has problems, so each can be fixed.
    const shownKind = isPeriodKind(req.query.period) ? req.query.period : period.kind;
    const scope = scopeOf(req);
    const [stats, headline] = await Promise.all([
      deps.stats.compute(period, scope),
      deps.stats.headline(period, scope),
    ]);
    const query = new URLSearchParams(
      Object.entries(req.query).filter(([, v]) => typeof v === 'string') as [string, string][],
    ).toString();
    res.status(problems.length > 0 ? 422 : 200).render('monitoring/dashboard', {
      errorSummary: errorSummary(errors),
      section: 'staff',
      title: translate(l, 'staff.monitoring'),
      period,
      scoped: scope !== null,
      query: query ? `?${query}` : '',
      year: period.fromDay.slice(0, 4),
      month: Number(period.fromDay.slice(5, 7)),
      quarter: Math.ceil(Number(period.fromDay.slice(5, 7)) / 3),
      months: Array.from({ length: 12 }, (_, i) => i + 1),
      headline: headlineCards(headline, l),
      shownKind,
      periodFields: Object.fromEntries(PERIOD_FIELDS[shownKind].map((f) => [f, true])),
      groups: figureGroups(
        figures(stats, l, await names(deps, clauseIdsIn(stats))).map((f) => ({
          ...f,
          chart: chartFor(f, l),
          // A table of many columns gets the full width (under its chart) instead of scrolling sideways.
          wide: f.headers.length > WIDE_TABLE_COLUMNS,
        })),
        l,
      ),
      scripts: ['monitoring-period.js'],
      besideNotices: deps.observatory
        ? await helpdeskBesideNotices(deps.observatory, stats.tickets.byCategory, period, l)
        : undefined,
    });
  });

  router.get('/staff/monitoring/:figure.csv', async (req, res) => {
    const period = periodFrom(req.query as Record<string, unknown>, deps.clock.now());
    const stats = await deps.stats.compute(period, scopeOf(req));
    const figure = figures(stats, lang(res), await names(deps, clauseIdsIn(stats))).find(
      (f) => f.key === req.params.figure,
    );
    if (!figure) throw new NotFound();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${figure.key}_${period.fromDay}_${period.toDay}.csv"`);
    res.send(toCsv(figure.headers, figure.rows));
  });

  return router;
}

export function statsApiRoutes(deps: MonitoringDeps): Router {
  const router = Router();
  router.get('/stats', ...requireRole('coordinator'), async (req, res) => {
    const { from, to } = req.query;
    // No dates: this year; one or both: a custom period, checked like the dashboard's (422 naming each field).
    const period = periodFrom(
      from === undefined && to === undefined ? {} : { period: 'custom', from, to },
      deps.clock.now(),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.stats.compute(period, null));
  });
  return router;
}
