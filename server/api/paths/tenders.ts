// OpenAPI paths of the tender templates and action plans.
import { actionPlanRequestSchema, tenderRequestSchema } from '../../tenders/model';
import { docxContent, errorSchema, invalidResponse, requestSchema } from './common';

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
            schema: requestSchema(actionPlanRequestSchema),
          },
        },
      },
      responses: { 200: { description: 'The Word document', content: docxContent }, 422: invalidResponse },
    },
  },
};
