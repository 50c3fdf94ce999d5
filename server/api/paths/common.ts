// Schemas and parameters shared by the API's path descriptions.
import { z } from 'zod';
import { FURTHER_LANGUAGE, LANGUAGES } from '../../i18n/languages';

export const errorSchema = {
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

export const localizedSchema = {
  type: 'object',
  required: [...LANGUAGES],
  // Clause files may carry a further, optional language (FURTHER_LANGUAGE in i18n/languages.ts).
  properties: Object.fromEntries([...LANGUAGES, FURTHER_LANGUAGE].map((l) => [l, { type: 'string' }])),
};
export const listParameter = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
});

export const docxContent = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    schema: { type: 'string', format: 'binary' },
  },
};
export const invalidResponse = {
  description: 'Invalid request: each invalid field is named',
  content: { 'application/json': { schema: errorSchema } },
};

/** The JSON Schema of a request body, generated from the zod schema that validates it (one definition). */
export function requestSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return jsonSchema;
}
