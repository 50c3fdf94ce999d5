// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. Each domain describes its
// paths in server/api/paths/<domain>.ts; add a new domain's paths to PATH_GROUPS.
import { clausePaths } from './paths/clauses';
import { errorSchema, localizedSchema } from './paths/common';
import { observatoryPaths } from './paths/observatory';
import { tenderPaths } from './paths/tenders';
import { marketPaths } from './paths/market';

const PATH_GROUPS: Record<string, unknown>[] = [clausePaths, tenderPaths, observatoryPaths, marketPaths];

export const paths: Record<string, unknown> = Object.assign({}, ...PATH_GROUPS);

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Brussels sustainable public procurement helpdesk and clause library API',
      version: '1.0.0',
      description:
        'Clauses, categories, tender documents and helpdesk tickets. Errors are { error: { code, message, details } } in the language asked (lang or Accept-Language).',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths,
    components: { schemas: { Error: errorSchema, Localized: localizedSchema } },
  };
}
