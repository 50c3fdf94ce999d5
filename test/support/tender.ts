// Tender fixtures: a buyer (cookie agent) who gathered one clause and opened the tender form.
import request from 'supertest';
import type { Lang } from '../../server/i18n/languages';
import type { TestContext } from './context';
import { csrfFrom } from './accounts';

/** Adds a clause to a new buyer's selection from its page and opens the form; returns the agent and the form page. */
export async function buyerWithClause(
  ctx: TestContext,
  lang: Lang,
  clauseId: string,
): Promise<{ agent: request.Agent; form: request.Response }> {
  const agent = request.agent(ctx.app);
  const page = await agent.get(`/${lang}/clauses/${clauseId}`);
  await agent
    .post(`/${lang}/tender/selection`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), clause: clauseId });
  return { agent, form: await agent.get(`/${lang}/tender/form`) };
}

/** Posts the tender form of `formPage` (its CSRF token included) from a page in `pageLang`. */
export function submitTenderForm(
  agent: request.Agent,
  pageLang: Lang,
  formPage: request.Response,
  fields: Record<string, unknown>,
): request.Test {
  return agent
    .post(`/${pageLang}/tender/form`)
    .type('form')
    .send({ _csrf: csrfFrom(formPage.text), ...fields });
}
