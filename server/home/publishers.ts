// Who publishes the site, for the footer of every page: the coordination cell and the facilitator
// organisations, read from the organisations table (coordinators may rename them) in the page's language.
import type { RequestHandler } from 'express';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { formatList } from '../i18n/format';
import type { Lang } from '../i18n/languages';

export function sitePublishers(organisations: OrganisationRepository): RequestHandler {
  return async (_req, res, next) => {
    const lang = res.locals.lang as Lang;
    const all = await organisations.list();
    const names = (kind: string) => all.filter((o) => o.kind === kind).map((o) => organisationName(o, lang));
    res.locals.publishers = {
      coordination: formatList(lang, names('coordination')),
      facilitators: formatList(lang, names('facilitator')),
    };
    next();
  };
}
