// OpenAPI paths of the tender templates and action plans.
import { LANGUAGES } from '../../i18n/languages';
import { docxContent, errorSchema, invalidResponse } from './common';

export const tenderPaths: Record<string, unknown> = {
  '/tender-documents': {
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
        200: { description: 'The Word document', content: docxContent },
        400: { description: 'Malformed JSON', content: { 'application/json': { schema: errorSchema } } },
        422: invalidResponse,
      },
    },
  },
  '/action-plans': {
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
      responses: { 200: { description: 'The Word document', content: docxContent }, 422: invalidResponse },
    },
  },
};
