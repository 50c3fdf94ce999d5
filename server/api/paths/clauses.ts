// OpenAPI paths of the clause library: search, one clause, categories.
import { FACETS } from '../../search/query';
import { LEVELS, STAGES, THEMES } from '../../clauses/vocabulary';
import { DEFAULT_LANG, LANGUAGES } from '../../i18n/languages';

import { errorSchema, listParameter, localizedSchema } from './common';

export const clausePaths: Record<string, unknown> = {
  '/clauses': {
    get: {
      summary: 'Search published clauses',
      description:
        'Full-text search in Dutch or French with facets. Every query answers 200; odd parameters fall back to defaults.',
      parameters: [
        {
          name: 'q',
          in: 'query',
          schema: { type: 'string' },
          description: 'Words, a clause id or a CPV code (or its first digits).',
        },
        { name: 'lang', in: 'query', schema: { type: 'string', enum: [...LANGUAGES], default: DEFAULT_LANG } },
        listParameter('theme', `One or more of ${THEMES.join(', ')}`),
        listParameter('category', 'One or more category codes (GET /categories)'),
        { name: 'cpv', in: 'query', schema: { type: 'string', pattern: '^[0-9]{2,8}(-[0-9])?$' } },
        listParameter('stage', `One or more of ${STAGES.join(', ')}`),
        listParameter('level', `One or more of ${LEVELS.join(', ')}`),
        listParameter('owner', 'One or more organisation codes'),
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        {
          name: 'literal',
          in: 'query',
          description: '1: take the words as typed, without typo correction',
          schema: { type: 'string', enum: ['1'] },
        },
      ],
      responses: {
        200: {
          description: 'Results and facet counts',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['total', 'page', 'pageSize', 'facets', 'results'],
                properties: {
                  total: { type: 'integer' },
                  page: { type: 'integer' },
                  pageSize: { type: 'integer' },
                  partial: {
                    type: 'boolean',
                    description: 'No clause matched every word (or its synonyms); results match some of them.',
                  },
                  corrected: {
                    type: ['string', 'null'],
                    description: 'The query as read with misspelt words corrected (null when none was)',
                  },
                  facets: {
                    type: 'object',
                    properties: Object.fromEntries(
                      FACETS.map((f) => [
                        f,
                        {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: { value: { type: 'string' }, count: { type: 'integer' } },
                          },
                        },
                      ]),
                    ),
                  },
                  results: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        version: { type: 'integer' },
                        title: { type: 'string' },
                        snippet: {
                          type: 'string',
                          description: 'HTML-escaped extract with <mark> around matched words',
                        },
                        theme: { type: 'string' },
                        categories: { type: 'array', items: { type: 'string' } },
                        stage: { type: 'string' },
                        level: { type: 'string' },
                        score: { type: 'number' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  '/clauses/{id}': {
    get: {
      summary: 'A published clause, both languages',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', examples: ['SOC-CLEAN-001'] } }],
      responses: {
        200: {
          description: 'The clause',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  version: { type: 'integer' },
                  title: localizedSchema,
                  text: localizedSchema,
                  theme: { type: 'string' },
                  stage: { type: 'string' },
                  level: { type: 'string' },
                  categories: { type: 'array', items: { type: 'string' } },
                  award_weight: { type: 'integer' },
                  legal_basis: { type: 'array' },
                  parameters: { type: 'array' },
                  verification: { type: 'object' },
                  guidance: { type: 'object' },
                },
              },
            },
          },
        },
        404: { description: 'Unknown or unpublished clause', content: { 'application/json': { schema: errorSchema } } },
      },
    },
  },
  '/categories': {
    get: {
      summary: 'Procurement categories with names, CPV codes and the number of published clauses',
      responses: {
        200: {
          description: 'Categories',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  categories: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        code: { type: 'string' },
                        name: localizedSchema,
                        cpv: { type: 'array' },
                        clauseCount: { type: 'integer' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  '/categories/{code}': {
    get: {
      summary: 'One category with its introduction',
      parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The category' },
        404: { description: 'Unknown category', content: { 'application/json': { schema: errorSchema } } },
      },
    },
  },
};
