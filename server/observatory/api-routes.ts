// GET /api/v1/notices and GET /api/v1/notice-stats: the observatory for coordinators, read-only.
import { Router } from 'express';
import { requireRole } from '../accounts/roles';
import { ValidationFailed } from '../http/errors';
import { parseOrFail } from '../http/validation';
import type { ListedNotice } from './listing';
import { noticeQuery, queryValues } from './params';
import type { ObservatoryService } from './service';

function noticeJson(n: ListedNotice & { suggestedClauses: string[] }) {
  const r = n.record;
  return {
    noticeId: r.noticeId,
    version: r.version,
    procedureId: r.procedureId,
    type: r.type,
    subtype: r.subtype,
    issueDate: r.issueDate,
    buyer: r.buyer.name,
    buyerLegalId: r.buyer.legalId,
    nuts: r.buyer.nuts,
    country: r.buyer.country,
    cpv: [r.mainCpv, ...r.additionalCpv].filter(Boolean),
    categories: n.categories,
    strategic: r.strategic,
    reserved: r.reservedParticipation.length > 0 || r.reservedExecution,
    reservedParticipation: r.reservedParticipation,
    reservedExecution: r.reservedExecution,
    awardCriteria: r.awardCriteria,
    nonPriceWeight: r.nonPriceWeight,
    estimatedValue: r.estimatedValue,
    currency: r.currency,
    lots: r.lots.length,
    tendersReceived: r.tendersReceived,
    smeTenders: r.smeTenders,
    latestOfProcedure: n.latestOfProcedure,
    suggestedClauses: n.suggestedClauses,
  };
}

export function observatoryApiRoutes(observatory: ObservatoryService): Router {
  const router = Router();
  const known = async (category: string | undefined) => {
    if (!category) return;
    const codes = (await observatory.categories({ themes: null })).map((c) => c.code);
    if (!codes.includes(category)) throw new ValidationFailed([{ field: 'category', messageKey: 'validation.one_of' }]);
  };

  router.get('/notices', ...requireRole('coordinator'), async (req, res) => {
    const query = parseOrFail(noticeQuery, queryValues(req.query));
    await known(query.category);
    const { total, notices } = await observatory.notices(query, query.page, query.pageSize);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ total, page: query.page, pageSize: query.pageSize, results: notices.map(noticeJson) });
  });

  router.get('/notice-stats', ...requireRole('coordinator'), async (req, res) => {
    const query = parseOrFail(noticeQuery, queryValues(req.query));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await observatory.stats({ region: query.region, from: query.from, to: query.to }));
  });
  return router;
}
