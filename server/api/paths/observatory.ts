// OpenAPI paths of the procurement observatory (coordinators only).
import { errorSchema as error } from './common';

const codes = { type: 'array', items: { type: 'string' } };
const strategic = {
  type: 'object',
  description:
    'BT-06 strategic procurement, BT-774 environmental impact, BT-775 social objective, BT-776 innovation, BT-805 GPP criteria (codes of the eForms code lists, "none" left out)',
  properties: { bt06: codes, bt774: codes, bt775: codes, bt776: codes, bt805: codes },
};
const filters = [
  {
    name: 'region',
    in: 'query',
    description: "The buyer's NUTS code or its first characters (BE100: Brussels-Capital Region; BE2: Flanders)",
    schema: { type: 'string', pattern: '^[A-Z]{2}[A-Z0-9]{0,3}$', default: 'BE100' },
  },
  {
    name: 'from',
    in: 'query',
    description: 'First issue date (BT-05) included',
    schema: { type: 'string', format: 'date' },
  },
  { name: 'to', in: 'query', description: 'Last issue date included', schema: { type: 'string', format: 'date' } },
];
const coordinatorOnly = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: error } } },
  403: { description: 'Signed in without the coordinator role', content: { 'application/json': { schema: error } } },
  422: { description: 'Invalid parameter, each one named', content: { 'application/json': { schema: error } } },
};
const figures = {
  procedures: {
    type: 'integer',
    description: 'Procedures (ContractFolderID), each counted once with its latest notice',
  },
  withoutStrategic: {
    type: 'integer',
    description: 'Procedures with no strategic-procurement code (BT-06, BT-774–776)',
  },
  withoutAspect: {
    type: 'integer',
    description: 'Procedures with no strategic code, no GPP criteria and no reservation',
  },
  strategic: {
    type: 'object',
    properties: { 'env-imp': { type: 'integer' }, 'soc-obj': { type: 'integer' }, 'inn-pur': { type: 'integer' } },
  },
  gpp: { type: 'integer', description: 'Procedures using GPP criteria (BT-805)' },
  reserved: { type: 'integer', description: 'Reserved participation (BT-71) or reserved execution (BT-736)' },
  averageNonPriceWeight: {
    type: ['number', 'null'],
    description: 'Average share (%) of the award weight on quality criteria',
  },
  withAwardWeights: { type: 'integer' },
  tendersReceived: { type: 'integer', description: 'Tenders received, from award notices that give it' },
  smeTenders: { type: 'integer' },
};

export const observatoryPaths: Record<string, unknown> = {
  '/notices': {
    get: {
      summary: 'Published eForms notices imported into the observatory (coordinators)',
      description:
        'Each notice at its latest version, newest first. suggestedClauses: the basis clauses of its categories whose theme the notice does not already pursue. Needs a coordinator session.',
      parameters: [
        ...filters,
        {
          name: 'category',
          in: 'query',
          description: 'A library category code (GET /categories)',
          schema: { type: 'string' },
        },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      ],
      responses: {
        200: {
          description: 'Notices',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['total', 'results'],
                properties: {
                  total: { type: 'integer' },
                  page: { type: 'integer' },
                  pageSize: { type: 'integer' },
                  results: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        noticeId: { type: 'string' },
                        version: { type: 'integer' },
                        procedureId: { type: ['string', 'null'] },
                        type: { type: 'string', examples: ['cn-standard', 'can-standard'] },
                        subtype: { type: 'string' },
                        issueDate: { type: 'string', format: 'date' },
                        buyer: { type: 'string' },
                        buyerLegalId: { type: ['string', 'null'] },
                        nuts: { type: ['string', 'null'] },
                        country: { type: ['string', 'null'] },
                        cpv: { ...codes, description: 'Main CPV first, then the additional and the lots’ codes' },
                        categories: codes,
                        strategic,
                        reserved: { type: 'boolean' },
                        reservedParticipation: codes,
                        reservedExecution: { type: 'boolean' },
                        awardCriteria: {
                          type: 'array',
                          items: {
                            type: 'object',
                            properties: {
                              type: { type: 'string', enum: ['price', 'cost', 'quality'] },
                              weight: { type: ['number', 'null'] },
                              weightKind: { type: ['string', 'null'] },
                            },
                          },
                        },
                        nonPriceWeight: { type: ['number', 'null'] },
                        tendersReceived: { type: ['integer', 'null'] },
                        smeTenders: { type: ['integer', 'null'] },
                        latestOfProcedure: { type: 'boolean' },
                        suggestedClauses: codes,
                      },
                    },
                  },
                },
              },
            },
          },
        },
        ...coordinatorOnly,
      },
    },
  },
  '/notice-stats': {
    get: {
      summary: 'Observatory figures for a region and period, in total and per library category (coordinators)',
      parameters: filters,
      responses: {
        200: {
          description: 'Figures',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  region: { type: 'string' },
                  from: { type: ['string', 'null'] },
                  to: { type: ['string', 'null'] },
                  ...figures,
                  byCategory: {
                    type: 'array',
                    items: { type: 'object', properties: { category: { type: 'string' }, ...figures } },
                  },
                },
              },
            },
          },
        },
        ...coordinatorOnly,
      },
    },
  },
};
