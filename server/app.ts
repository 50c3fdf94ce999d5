// Builds the Express app from its dependencies; only server/main.ts opens a port.
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router } from 'express';
import { adminRoutes } from './accounts/admin-routes';
import { apiRoutes } from './api/routes';
import { editorRoutes } from './clauses/editor-routes';
import { clauseSearchApiRoutes } from './clauses/api-routes';
import { clauseRoutes } from './clauses/routes';
import { selectionRoutes } from './tenders/selection-routes';
import { exposeSelection } from './tenders/selection-view';
import { sharedSelectionRoutes } from './tenders/shared-routes';
import { tenderRoutes } from './tenders/routes';
import { actionPlanRoutes } from './tenders/action-plan-routes';
import { helpdeskAdminRoutes } from './helpdesk/admin-routes';
import { helpdeskPublicRoutes } from './helpdesk/public-routes';
import { helpdeskStaffRoutes } from './helpdesk/staff-routes';
import { attachmentRoutes, attachmentUploadBody } from './helpdesk/attachment-routes';
import { closingDayRoutes } from './helpdesk/closing-days-routes';
import { faqPublishRoutes } from './helpdesk/faq-publish-routes';
import { monitoringRoutes } from './monitoring/routes';
import { noticeUploadBody, observatoryRoutes } from './observatory/routes';
import { marketRoutes } from './market/routes';
import { accountRoutes } from './accounts/routes';
import { loadCurrentUser, sessionCookieName, sessionMiddleware } from './accounts/session';
import { staffRoutes } from './accounts/staff-routes';
import type { AppDeps } from './deps';
import { healthRoutes } from './health/routes';
import { sitePublishers } from './home/publishers';
import { homeRoutes } from './home/routes';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { refuseControlCharacters } from './http/control-characters';
import { exposeFlash } from './http/flash';
import { requestLogger } from './http/logger';
import { publicOrigin } from './http/public-url';
import { securityHeaders } from './http/security';
import { LANGUAGES } from './i18n/languages';
import { languageRoutes, pageLanguage } from './i18n/middleware';
import { applyCachePolicy } from './security/cache-policy';
import { csrfProtection, csrfTokenForSignedIn } from './security/csrf';
import { applyRouteLimits, createLimiters } from './security/limits';
import { createViewEngine } from './views/engine';

export function createApp(deps: AppDeps): express.Express {
  const { config, db, logger, clock } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'extended');

  const viewsDir = path.join(config.rootDir, 'views');
  const views = createViewEngine({ viewsDir, cache: config.viewCache });
  app.engine('hbs', views.expressEngine);
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);

  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(
    '/assets',
    express.static(path.join(config.rootDir, 'public'), { maxAge: config.isProduction ? '1d' : 0, index: false }),
  );
  // Browsers ask for /favicon.ico by themselves (outside the pages' <link rel="icon">).
  app.get('/favicon.ico', (_req, res) => {
    res.sendFile(path.join(config.rootDir, 'public', 'favicon.ico'), { maxAge: config.isProduction ? '1d' : 0 });
  });
  app.use(healthRoutes(db));
  app.use('/api/v1', clauseSearchApiRoutes(deps.search));
  app.use(languageRoutes(config.isProduction));

  app.use(cookieParser());
  app.use(sessionMiddleware(db, config, deps.sessionSecret).middleware);
  app.use(express.urlencoded({ extended: true, limit: '200kb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '1mb' }));
  app.use(loadCurrentUser(deps.accounts, config, clock));
  app.use(noticeUploadBody());
  app.use(attachmentUploadBody(config));
  // After the multipart readers, so the text fields of an upload form are checked too.
  app.use(refuseControlCharacters);
  app.use(csrfProtection(deps.sessionSecret, config.isProduction));
  applyCachePolicy(app);

  const limiters = createLimiters(db, clock, config);
  applyRouteLimits(app, limiters);

  app.use('/api/v1', apiRoutes(deps, limiters.tickets));

  const pages = Router();
  pages.use(exposeFlash, csrfTokenForSignedIn, exposeSelection);
  pages.use(homeRoutes(deps.clauseRepo));
  pages.use(
    clauseRoutes({
      clauses: deps.clauses,
      repo: deps.clauseRepo,
      search: deps.search,
      organisations: deps.organisations,
      usage: deps.usage,
      frameworks: (category, l) => deps.market.centrals.frameworkNotices(category, l),
    }),
  );
  pages.use(selectionRoutes(deps.clauses, deps.usage));
  pages.use(sharedSelectionRoutes(deps.clauses));
  pages.use(
    tenderRoutes({
      tenders: deps.tenders,
      clauses: deps.clauses,
      repo: deps.clauseRepo,
      search: deps.search,
      organisations: deps.organisations,
      frameworks: (category, l) => deps.market.centrals.frameworkNotices(category, l),
    }),
  );
  pages.use(actionPlanRoutes(deps.tenders, deps.clauseRepo));
  pages.use(
    helpdeskPublicRoutes({
      tickets: deps.intake,
      faq: deps.faq,
      search: deps.search,
      clauseRepo: deps.clauseRepo,
      ticketLimiter: limiters.tickets,
      ratings: deps.ratings,
      organisations: deps.organisations,
      attachmentLimits: config.attachments,
    }),
  );
  pages.use(attachmentRoutes({ tickets: deps.tickets, intake: deps.intake, attachments: deps.attachments }));
  pages.use(
    helpdeskStaffRoutes({
      tickets: deps.tickets,
      repo: deps.helpdeskRepo,
      accounts: deps.accounts,
      organisations: deps.organisations,
      clauseRepo: deps.clauseRepo,
      canned: deps.canned,
      queue: deps.queue,
      clock,
      attachmentLimits: config.attachments,
    }),
  );
  pages.use(
    helpdeskAdminRoutes({
      pilotCodes: deps.pilotCodes,
      clock,
      canned: deps.canned,
      faq: deps.faq,
      privacy: deps.privacy,
      organisations: deps.organisations,
    }),
  );
  pages.use(closingDayRoutes(deps.closingDays, deps.organisations));
  pages.use(faqPublishRoutes({ faq: deps.faq, repo: deps.helpdeskRepo }));
  pages.use(
    monitoringRoutes({
      stats: deps.stats,
      organisations: deps.organisations,
      clauseRepo: deps.clauseRepo,
      clock,
      observatory: deps.observatory,
    }),
  );
  pages.use(observatoryRoutes({ observatory: deps.observatory, clock }));
  pages.use(marketRoutes(deps.market, deps.clauseRepo));
  pages.use(
    editorRoutes({
      clauses: deps.clauses,
      repo: deps.clauseRepo,
      organisations: deps.organisations,
      feedback: deps.clauseFeedback,
    }),
  );
  pages.use(accountRoutes(deps.accountService, limiters, clock, sessionCookieName(config)));
  pages.use(staffRoutes(deps.accountService));
  pages.use(
    adminRoutes({
      service: deps.accountService,
      accounts: deps.accounts,
      organisations: deps.organisations,
      mailer: deps.mailer,
      audit: deps.audit,
    }),
  );

  for (const lang of LANGUAGES) {
    app.use(
      `/${lang}`,
      pageLanguage(lang, (req) => publicOrigin(req, config)),
      sitePublishers(deps.organisations),
      pages,
    );
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
