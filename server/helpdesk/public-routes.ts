// Buyers' helpdesk pages: the question form (with suggestions), the private tracking page, FAQ pages.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import type { ClauseRepository } from '../clauses/repository';
import { THEMES } from '../clauses/vocabulary';
import { NotFound, ValidationFailed } from '../http/errors';
import { bodyString, errorSummary, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { SearchService } from '../search/service';
import { answerParagraphs, type FaqService } from './faq';
import { requesterMayClose } from './permissions';
import type { TicketIntake } from './intake';
import { RATING_COMMENT_MAX, RATING_SCORES, type TicketRatings } from './ratings';
import { POSTED_TEXT_CAP, TEXT_LIMITS, TICKET_STAGES } from './vocabulary';
import { orRerender } from '../http/validation';
import { uploadedFiles } from '../http/multipart';
import type { AttachmentLimits } from './attachments';
import { fileField, placeAttachments, withFileAnchors } from './attachment-view';

const lang = (res: Response) => res.locals.lang as Lang;
const HONEYPOT = 'website';

/** The rating form's choices, the one typed before kept checked. */
const ratingForm = (chosen: string | undefined) => ({
  scores: RATING_SCORES.map((score) => ({ score, checked: String(score) === chosen })),
  commentMax: RATING_COMMENT_MAX,
});

export interface HelpdeskPublicDeps {
  tickets: TicketIntake;
  faq: FaqService;
  search: SearchService;
  clauseRepo: ClauseRepository;
  ticketLimiter: RequestHandler;
  ratings: TicketRatings;
  /** For the name of the organisation that answered a FAQ entry. */
  organisations: OrganisationRepository;
  attachmentLimits: AttachmentLimits;
}

/** Clauses and published FAQ answers that match a question (for suggestions while typing). */
export function suggestionsFor(search: SearchService, q: string, l: Lang) {
  const text = q.slice(0, 1000);
  if (text.trim().length < 3) return { clauses: [], faqs: [] };
  const clauses = search.search({ q: text, lang: l, filters: {}, type: 'clause', page: 1, pageSize: 5 });
  const faqs = search.search({ q: text, lang: l, filters: {}, type: 'faq', page: 1, pageSize: 3 });
  return {
    clauses: clauses.hits.map((h) => ({ id: h.doc.id, title: h.doc.title[l], url: `/${l}/clauses/${h.doc.id}` })),
    faqs: faqs.hits.map((h) => ({
      id: h.doc.id,
      title: h.doc.title[l],
      url: `/${l}/faq/${h.doc.id.replace('FAQ-', '')}`,
    })),
  };
}

export function helpdeskPublicRoutes({
  tickets,
  faq,
  search,
  clauseRepo,
  ticketLimiter,
  ratings,
  organisations,
  attachmentLimits,
}: HelpdeskPublicDeps): Router {
  const router = Router();

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const categories = await clauseRepo.categories();
    res.status(status).render('helpdesk/ask', {
      section: 'helpdesk',
      title: translate(l, 'helpdesk.title'),
      values,
      errors,
      errorSummary: withFileAnchors(errorSummary(errors)),
      files: fileField('attachments', attachmentLimits, errors),
      limits: TEXT_LIMITS,
      themes: THEMES,
      stages: TICKET_STAGES,
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      suggestions: values.question ? suggestionsFor(search, values.question, l) : undefined,
      csrfToken: csrfToken(req),
      scripts: ['suggestions.js'],
    });
  };

  router.get('/helpdesk', async (req, res) => {
    await renderForm(req, res, 200, {
      theme: '',
      question: typeof req.query.q === 'string' ? req.query.q.slice(0, 5000) : '',
    });
  });

  const fields = [
    'question',
    'theme',
    'category',
    'stage',
    'tenderReference',
    'pilotCode',
    'name',
    'email',
    'organisation',
  ] as const;

  router.post('/helpdesk', ticketLimiter, async (req, res) => {
    const l = lang(res);
    const values = Object.fromEntries(fields.map((f) => [f, bodyString(req, f, POSTED_TEXT_CAP)])) as Record<
      string,
      string
    >;
    if (bodyString(req, HONEYPOT)) {
      // A filled hidden field means a robot: answer as if all went well, store nothing.
      return res.status(200).render('helpdesk/sent-spam', { section: 'helpdesk' });
    }
    const privacyError: Record<string, string> =
      bodyString(req, 'privacy') !== 'yes' ? { privacy: translate(l, 'helpdesk.errors.privacy_needed') } : {};
    await orRerender(
      l,
      async () => {
        // Every problem at once: the fields and the privacy notice.
        const parsed = (() => {
          try {
            return tickets.parseNew({ ...values, lang: l });
          } catch (err) {
            if (err instanceof ValidationFailed && Object.keys(privacyError).length > 0)
              err.details.push({ field: 'privacy', messageKey: 'helpdesk.errors.privacy_needed' });
            throw err;
          }
        })();
        if (Object.keys(privacyError).length > 0) return renderForm(req, res, 422, values, privacyError);
        const { token, ticket } = await tickets.create(parsed, uploadedFiles(req, 'attachments'));
        setFlash(req, 'ok', 'helpdesk.sent', { reference: ticket.reference });
        res.redirect(303, `/${l}/helpdesk/track/${token}`);
      },
      async (errors) => {
        await renderForm(req, res, 422, values, errors);
      },
    );
  });

  const renderTracking = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
  ) => {
    const token = String(req.params.token);
    const ticket = await tickets.byToken(token);
    const placed = placeAttachments(await tickets.publicMessages(ticket), await tickets.publicAttachments(ticket));
    const rating = await ratings.forTicket(ticket.id);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.status(status).render('helpdesk/track', {
      section: 'helpdesk',
      title: ticket.reference,
      ticket,
      messages: placed.messages,
      questionFiles: placed.question,
      attachmentBase: `/${lang(res)}/helpdesk/track/${token}/attachments`,
      files: fileField('attachments', attachmentLimits, errors),
      expected: await tickets.expectedAnswer(ticket, lang(res)),
      token,
      errors,
      errorSummary: withFileAnchors(errorSummary(errors)),
      values,
      replyLimit: TEXT_LIMITS.requesterReply,
      canReply: true,
      rating,
      rate: ratings.canRate(ticket, rating) ? ratingForm(values.score) : undefined,
      canClose: requesterMayClose(ticket),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/helpdesk/track/:token', (req, res) => renderTracking(req, res));

  router.post('/helpdesk/track/:token/reply', async (req, res) => {
    const body = bodyString(req, 'body', POSTED_TEXT_CAP);
    await orRerender(
      lang(res),
      async () => {
        await tickets.requesterReply(String(req.params.token), body, uploadedFiles(req, 'attachments'));
        setFlash(req, 'ok', 'helpdesk.reply_sent');
        res.redirect(303, `/${lang(res)}/helpdesk/track/${req.params.token}`);
      },
      async (errors) => {
        await renderTracking(req, res, 422, errors, { body });
      },
    );
  });

  router.post('/helpdesk/track/:token/rating', async (req, res) => {
    const values = { score: bodyString(req, 'score', 10), comment: bodyString(req, 'comment', POSTED_TEXT_CAP) };
    await orRerender(
      lang(res),
      async () => {
        await ratings.rate(await tickets.byToken(String(req.params.token)), values);
        setFlash(req, 'ok', 'helpdesk_misc.rating.thanks');
        res.redirect(303, `/${lang(res)}/helpdesk/track/${req.params.token}`);
      },
      (errors) => renderTracking(req, res, 422, errors, values),
    );
  });

  router.post('/helpdesk/track/:token/close', async (req, res) => {
    await tickets.requesterClose(String(req.params.token));
    setFlash(req, 'ok', 'helpdesk.closed');
    res.redirect(303, `/${lang(res)}/helpdesk/track/${req.params.token}`);
  });

  router.get('/faq', async (_req, res) => {
    const l = lang(res);
    res.render('helpdesk/faq-list', {
      section: 'helpdesk',
      title: translate(l, 'faq.title'),
      entries: (await faq.list('published')).map((e) => ({ id: e.id, question: e.question[l] })),
    });
  });

  router.get('/faq/:id', async (req, res) => {
    const l = lang(res);
    const entry = await faq.published(Number(req.params.id)).catch(() => {
      throw new NotFound();
    });
    const org = await organisations.find(entry.orgCode);
    res.render('helpdesk/faq', {
      section: 'helpdesk',
      title: entry.question[l],
      entry: {
        question: entry.question[l],
        answer: answerParagraphs(entry.answer[l]),
        theme: entry.theme,
        answeredBy: org ? organisationName(org, l) : null,
        updatedAt: entry.updatedAt,
      },
    });
  });

  return router;
}
