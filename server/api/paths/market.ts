// OpenAPI paths of the market engagement pool: announcements, events, centrals, one-click unsubscribe.
import { LANGUAGES } from '../../i18n/languages';
import { ANNOUNCEMENT_STATUSES, CENTRAL_LEVELS, EVENT_TYPES, VALUE_RANGES } from '../../market/model';

const langParam = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'Language of the texts',
  schema: { type: 'string', enum: [...LANGUAGES] },
};
const localized = { $ref: '#/components/schemas/Localized' };
const json = (schema: unknown) => ({ 'application/json': { schema } });

const announcement = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    status: { type: 'string', enum: [...ANNOUNCEMENT_STATUSES] },
    title: { type: 'string' },
    authority: { type: 'string', description: 'The contracting authority' },
    category: { type: 'string' },
    cpv: { type: ['string', 'null'] },
    valueRange: { type: 'string', enum: [...VALUE_RANGES] },
    quarter: { type: 'string', examples: ['2027-Q1'] },
    lots: { type: 'integer' },
    consultation: {
      type: ['object', 'null'],
      properties: { date: { type: 'string', format: 'date' }, place: { type: ['string', 'null'] } },
    },
    contact: {
      type: 'object',
      description: 'The functional contact (no personal data)',
      properties: { email: { type: 'string' }, phone: { type: ['string', 'null'] } },
    },
    description: { type: 'string' },
    descriptionLang: { type: 'string', enum: [...LANGUAGES] },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

export const marketPaths: Record<string, unknown> = {
  '/announcements': {
    get: {
      summary: 'Published planned procurements (market engagement pool)',
      parameters: [
        langParam,
        { name: 'category', in: 'query', schema: { type: 'string' } },
        { name: 'cpv', in: 'query', schema: { type: 'string' }, description: 'A CPV code or its first digits' },
        { name: 'quarter', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } },
      ],
      responses: {
        200: {
          description: 'The announcements',
          content: json({ type: 'object', properties: { announcements: { type: 'array', items: announcement } } }),
        },
      },
    },
  },
  '/events': {
    get: {
      summary: 'Upcoming agenda events',
      parameters: [{ name: 'type', in: 'query', schema: { type: 'string', enum: [...EVENT_TYPES] } }],
      responses: {
        200: {
          description: 'The events, times in UTC',
          content: json({
            type: 'object',
            properties: {
              events: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    type: { type: 'string', enum: [...EVENT_TYPES] },
                    title: localized,
                    description: localized,
                    startsAt: { type: 'string', format: 'date-time' },
                    endsAt: { type: 'string', format: 'date-time' },
                    place: { type: ['string', 'null'] },
                    onlineUrl: { type: ['string', 'null'] },
                    language: { type: 'string' },
                    category: { type: ['string', 'null'] },
                    capacity: { type: 'integer' },
                    seatsLeft: { type: 'integer' },
                  },
                },
              },
            },
          }),
        },
      },
    },
  },
  '/centrals': {
    get: {
      summary: 'Purchasing centrals and their framework contracts',
      parameters: [langParam],
      responses: {
        200: {
          description: 'The centrals',
          content: json({
            type: 'object',
            properties: {
              centrals: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    name: { type: 'string' },
                    level: { type: 'string', enum: [...CENTRAL_LEVELS] },
                    website: { type: ['string', 'null'] },
                    contactEmail: { type: 'string' },
                    frameworks: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'integer' },
                          category: { type: 'string' },
                          title: { type: 'string' },
                          scope: { type: 'string' },
                          cpv: { type: 'array', items: { type: 'string' } },
                          endsOn: { type: 'string', format: 'date' },
                          whoMayJoin: { type: 'string' },
                          contactEmail: { type: 'string' },
                          clauseIds: { type: 'array', items: { type: 'string' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          }),
        },
      },
    },
  },
  '/market/unsubscribe/{token}': {
    post: {
      summary: 'One-click unsubscribe (RFC 8058), the target of the List-Unsubscribe header',
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 204: { description: 'Unsubscribed (or already gone)' } },
    },
  },
};
