// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json.
import { FACETS } from '../search/query';
import { LEVELS, STAGES, THEMES } from '../clauses/vocabulary';
import { DEFAULT_LANG, LANGUAGES } from '../i18n/languages';

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', examples: ['validation_failed', 'not_found'] },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const localized = {
  type: 'object',
  required: [...LANGUAGES],
  properties: { nl: { type: 'string' }, fr: { type: 'string' }, en: { type: 'string' } },
};
const list = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
});

export const paths: Record<string, unknown> = {
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
        list('theme', `One or more of ${THEMES.join(', ')}`),
        list('category', 'One or more category codes (GET /categories)'),
        { name: 'cpv', in: 'query', schema: { type: 'string', pattern: '^[0-9]{2,8}(-[0-9])?$' } },
        list('stage', `One or more of ${STAGES.join(', ')}`),
        list('level', `One or more of ${LEVELS.join(', ')}`),
        list('owner', 'One or more organisation codes'),
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
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
                  partial: { type: 'boolean', description: 'No clause had every word; results match some of them.' },
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
                  title: localized,
                  text: localized,
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
        404: { description: 'Unknown or unpublished clause', content: { 'application/json': { schema: error } } },
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
                        name: localized,
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
        404: { description: 'Unknown category', content: { 'application/json': { schema: error } } },
      },
    },
  },
};

const docx = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    schema: { type: 'string', format: 'binary' },
  },
};
const invalid = {
  description: 'Invalid request: each invalid field is named',
  content: { 'application/json': { schema: error } },
};

paths['/tender-documents'] = {
  post: {
    summary: 'Generate a tender template (.docx) from chosen clauses',
    description:
      "Weights may be left out: the clauses' suggested weights are used and price gets the rest. Award weights (price included) must total 100.",
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['lang', 'authority', 'title', 'procedure', 'clauseIds'],
            additionalProperties: false,
            properties: {
              lang: { type: 'string', enum: [...LANGUAGES] },
              authority: { type: 'string', maxLength: 200 },
              title: { type: 'string', maxLength: 300 },
              reference: { type: 'string', maxLength: 100 },
              procedure: {
                type: 'string',
                enum: [
                  'open',
                  'restricted',
                  'negotiated_with_publication',
                  'negotiated_without_publication',
                  'competitive_dialogue',
                  'innovation_partnership',
                ],
              },
              contractType: { type: 'string', enum: ['works', 'supplies', 'services'] },
              estimatedValue: { type: 'number', minimum: 0 },
              durationDays: { type: 'integer', minimum: 0 },
              category: { type: 'string' },
              level: { type: 'string', enum: ['basis', 'advanced', 'ambitious'] },
              lots: {
                type: 'array',
                maxItems: 50,
                items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
              },
              clauseIds: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'string' } },
              selectedVersions: {
                type: 'object',
                additionalProperties: { type: 'integer' },
                description: 'clause id → version chosen; later revisions are reported',
              },
              parameters: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
                },
                description: 'clause id → { parameter name → value }',
              },
              weights: {
                type: 'object',
                additionalProperties: { type: 'number' },
                description: '"price" and award clause ids → points',
              },
            },
          },
        },
      },
    },
    responses: {
      200: { description: 'The Word document', content: docx },
      400: { description: 'Malformed JSON', content: { 'application/json': { schema: error } } },
      422: invalid,
    },
  },
};

paths['/action-plans'] = {
  post: {
    summary: 'Generate the action plan of a contracting authority (.docx)',
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['lang', 'authority', 'categories'],
            properties: {
              lang: { type: 'string', enum: [...LANGUAGES] },
              authority: { type: 'string' },
              year: { type: 'integer' },
              categories: { type: 'array', items: { type: 'string' } },
              includeOptional: { type: 'boolean', default: true },
            },
          },
        },
      },
    },
    responses: { 200: { description: 'The Word document', content: docx }, 422: invalid },
  },
};

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
    components: { schemas: { Error: error, Localized: localized } },
  };
}
