// Builds the Express app from its dependencies; only server/main.ts opens a port.
import path from 'node:path';
import express, { Router } from 'express';
import type { AppDeps } from './deps';
import { healthRoutes } from './health/routes';
import { homeRoutes } from './home/routes';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { requestLogger } from './http/logger';
import { securityHeaders } from './http/security';
import { LANGUAGES } from './i18n/languages';
import { languageRoutes, pageLanguage } from './i18n/middleware';
import { createViewEngine } from './views/engine';

export function createApp(deps: AppDeps): express.Express {
  const { config, db, logger } = deps;
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
  app.use('/assets', express.static(path.join(config.rootDir, 'public'), { maxAge: config.isProduction ? '1d' : 0, index: false }));
  app.use(healthRoutes(db));
  app.use(languageRoutes(config.isProduction));

  const pages = Router();
  pages.use(homeRoutes());

  for (const lang of LANGUAGES) {
    app.use(`/${lang}`, pageLanguage(lang, config.publicUrl), pages);
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
