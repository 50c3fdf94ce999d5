// Publishing an answered ticket as a FAQ entry: the redacted form, then a preview of the entry as the public will
// see it (both languages) with "publish" and "back to edit". Works without JavaScript: every typed text travels in
// the preview's hidden fields, and the redaction check runs before the preview and again at publishing.
import { Router, type Request, type Response } from 'express';
import { requireRole, type CurrentUser } from '../accounts/roles';
import { bodyString, errorSummary, setFlash } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { answerParagraphs, FAQ_FIELDS, type FaqService } from './faq';
import type { HelpdeskRepository } from './repository';

const lang = (res: Response) => res.locals.lang as Lang;
const postedFaq = (req: Request) => Object.fromEntries(FAQ_FIELDS.map((f) => [f, bodyString(req, f, 6000)]));

export function faqPublishRoutes(deps: { faq: FaqService; repo: HelpdeskRepository }): Router {
  const router = Router();
  router.use('/staff/tickets/:id/faq', ...requireRole('facilitator', 'coordinator'));
  const ticketOf = (req: Request) => deps.faq.publishableTicket(Number(req.params.id), req.currentUser as CurrentUser);

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string> = {},
  ) => {
    const ticket = await ticketOf(req);
    const replies = await deps.repo.messages(ticket.id, ['public_reply']);
    res.status(status).render('helpdesk/faq-form', {
      section: 'staff',
      title: translate(lang(res), 'faq.publish_title', { reference: ticket.reference }),
      ticket,
      // The question and the last answer prefill the fields of the ticket's own language.
      values: Object.fromEntries(
        LANGUAGES.flatMap((l) => [
          [`question_${l}`, values[`question_${l}`] ?? (ticket.lang === l ? ticket.question : '')],
          [`answer_${l}`, values[`answer_${l}`] ?? (ticket.lang === l ? (replies.at(-1)?.body ?? '') : '')],
        ]),
      ),
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/tickets/:id/faq', (req, res) => renderForm(req, res, 200, {}));

  router.post('/staff/tickets/:id/faq/preview', async (req, res) => {
    const values = postedFaq(req);
    await orRerender(
      lang(res),
      async () => {
        const text = await deps.faq.checkDraftFromTicket(Number(req.params.id), req.currentUser!, values);
        const ticket = await ticketOf(req);
        res.render('helpdesk/faq-preview', {
          section: 'staff',
          title: translate(lang(res), 'helpdesk_misc.faq_preview.title', { reference: ticket.reference }),
          ticket,
          entries: LANGUAGES.map((l) => ({
            lang: l,
            question: text[`question_${l}`],
            answer: answerParagraphs(text[`answer_${l}`]),
          })),
          hidden: FAQ_FIELDS.map((name) => ({ name, value: text[name] })),
          csrfToken: csrfToken(req),
        });
      },
      (errors) => renderForm(req, res, 422, values, errors),
    );
  });

  router.post('/staff/tickets/:id/faq/edit', (req, res) => renderForm(req, res, 200, postedFaq(req)));

  router.post('/staff/tickets/:id/faq', async (req, res) => {
    const values = postedFaq(req);
    await orRerender(
      lang(res),
      async () => {
        const id = await deps.faq.publishFromTicket(Number(req.params.id), req.currentUser!, values, req.ip);
        setFlash(req, 'ok', 'faq.published');
        res.redirect(303, `/${lang(res)}/faq/${id}`);
      },
      (errors) => renderForm(req, res, 422, values, errors),
    );
  });

  return router;
}
