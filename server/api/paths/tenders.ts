// OpenAPI paths of the tender templates and action plans.
import { actionPlanRequestSchema, tenderRequestSchema } from '../../tenders/model';
import { docxContent, errorSchema, invalidResponse, requestSchema } from './common';

const checkMessage = {
  type: 'object',
  properties: {
    severity: { type: 'string', enum: ['error', 'warning', 'notice'] },
    key: { type: 'string', description: 'stable identifier of the check' },
    message: { type: 'string', description: "in the document's language" },
  },
};

const eformsHint = {
  type: 'object',
  properties: {
    term: { type: 'string', enum: ['BT-06', 'BT-774', 'BT-775', 'BT-776', 'BT-805', 'BT-71', 'BT-736'] },
    list: {
      type: 'string',
      description: 'eForms code list (listName in the notice XML)',
      examples: ['strategic-procurement'],
    },
    codes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string', examples: ['env-imp'] },
          label: { type: 'string', description: "the code list's label in the document's language" },
          clauses: { type: 'array', items: { type: 'string' }, description: 'the chosen clauses that imply the code' },
          derived: {
            type: 'boolean',
            description: "true when no clause file names the code: derived from the clauses' themes and categories",
          },
        },
      },
    },
    choose: {
      type: 'array',
      description: 'when the tender calls for the term but no clause says which code: the codes to choose from',
      items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } },
    },
  },
};

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
            schema: requestSchema(tenderRequestSchema),
          },
        },
      },
      responses: {
        200: {
          description:
            'The Word document; with Accept: application/zip, a ZIP of the .docx and the spreadsheet annexes (price schedule, price breakdown per joint committee, and the life-cycle cost worksheet when a clause prices energy)',
          content: { ...docxContent, 'application/zip': { schema: { type: 'string', format: 'binary' } } },
        },
        400: { description: 'Malformed JSON', content: { 'application/json': { schema: errorSchema } } },
        422: invalidResponse,
        503: {
          description: 'Too many documents wait to be built; retry after the seconds in the Retry-After header',
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    },
  },
  '/tender-documents/check': {
    post: {
      summary: 'Check a tender request: the review page’s checks and the eForms hints, without building the document',
      description:
        'Same body as POST /tender-documents. blocking is true when the document would be refused (award weights not totalling 100).',
      requestBody: { required: true, content: { 'application/json': { schema: requestSchema(tenderRequestSchema) } } },
      responses: {
        200: {
          description: 'Checks and eForms hints',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  blocking: { type: 'boolean' },
                  checks: { type: 'array', items: checkMessage },
                  eforms: { type: 'array', items: eformsHint },
                },
              },
            },
          },
        },
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
            schema: requestSchema(actionPlanRequestSchema),
          },
        },
      },
      responses: { 200: { description: 'The Word document', content: docxContent }, 422: invalidResponse },
    },
  },
};
