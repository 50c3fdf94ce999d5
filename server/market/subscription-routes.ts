// Following categories: the subscription form on /market, its confirmation link, and unsubscribing by the
// link in every e-mail (a page with one button; mail clients use the one-click POST of the API instead).
import { Router, type Request, type Response } from 'express';
import type { ClauseRepository } from '../clauses/repository';
import { bodyList, bodyString, errorSummary } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { Market } from './service';
import { categoryOptions } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
const done = (res: Response, titleKey: string, messageKey: string) =>
  res.render('market/done', {
    section: 'market',
    title: translate(lang(res), titleKey),
    message: translate(lang(res), messageKey),
  });

export function marketSubscriptionRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();

  router.post('/market/subscribe', async (req: Request, res: Response) => {
    const l = lang(res);
    const input = {
      email: bodyString(req, 'email', 254),
      lang: bodyString(req, 'lang', 2),
      categories: bodyList(req, 'categories'),
      cpvPrefixes: bodyString(req, 'cpvPrefixes', 300),
      isSme: bodyString(req, 'isSme', 5),
      isSocialEconomy: bodyString(req, 'isSocialEconomy', 5),
      immediate: bodyString(req, 'immediate', 5),
    };
    await orRerender(
      l,
      async () => {
        await market.subscriptions.subscribe(await market.subscriptions.parse(input));
        res.render('market/check-mail', { section: 'market', title: translate(l, 'market.check_mail.title') });
      },
      async (errors) => {
        res.status(422).render('market/subscribe', {
          section: 'market',
          title: translate(l, 'market.subscribe.title'),
          languages: LANGUAGES,
          subscription: { values: input, errors },
          errorSummary: errorSummary(errors),
          categories: categoryOptions(await clauseRepo.categories(), l, input.categories),
          csrfToken: csrfToken(req),
        });
      },
    );
  });

  router.get('/market/subscribe/confirm/:token', async (req, res) => {
    await market.subscriptions.confirm(String(req.params.token));
    res.setHeader('Referrer-Policy', 'no-referrer');
    done(res, 'market.subscribe.confirmed_title', 'market.subscribe.confirmed');
  });

  router.get('/market/unsubscribe/:token', async (req, res) => {
    const l = lang(res);
    const subscriber = await market.subscriptions.byUnsubscribeToken(String(req.params.token));
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.render('market/unsubscribe', {
      section: 'market',
      title: translate(l, 'market.unsubscribe.title'),
      email: subscriber.email,
      token: String(req.params.token),
      csrfToken: csrfToken(req),
    });
  });

  router.post('/market/unsubscribe/:token', async (req, res) => {
    await market.subscriptions.unsubscribe(String(req.params.token));
    done(res, 'market.unsubscribe.title', 'market.unsubscribe.done');
  });

  return router;
}
