// The action plan page: a contracting authority's yearly plan of sustainable purchases, as a .docx.
import { Router, type Request, type Response } from 'express';
import type { ClauseRepository } from '../clauses/repository';
import { bodyList, bodyString, errorSummary } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { isLang, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { sendDocx } from './api-routes';
import type { TenderService } from './service';

const lang = (res: Response) => res.locals.lang as Lang;

export function actionPlanRoutes(tenders: TenderService, repo: ClauseRepository): Router {
  const router = Router();

  const renderPlanForm = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, unknown>,
    errors: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const categories = await repo.categories();
    res.status(status).render('tenders/action-plan', {
      section: 'tender',
      title: translate(l, 'plan.page_title'),
      values,
      errors,
      errorSummary: errorSummary(errors),
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/action-plan', async (req, res) => {
    await renderPlanForm(req, res, 200, {
      lang: lang(res),
      categories: [],
      includeOptional: true,
      year: String(new Date().getUTCFullYear() + 1),
    });
  });

  router.post('/action-plan', async (req, res) => {
    const l = lang(res);
    const docLang = bodyString(req, 'lang', 2);
    const year = bodyString(req, 'year', 10).trim();
    const values = {
      lang: isLang(docLang) ? docLang : l,
      authority: bodyString(req, 'authority', 300),
      year,
      categories: bodyList(req, 'categories').slice(0, 20),
      includeOptional: bodyString(req, 'includeOptional') === 'yes',
    };
    await orRerender(
      l,
      async () => {
        const request = tenders.parseActionPlan({ ...values, year: year ? Number(year) : undefined });
        sendDocx(res, await tenders.generateActionPlan(request));
      },
      async (errors) => {
        await renderPlanForm(req, res, 422, values, errors);
      },
    );
  });

  return router;
}
