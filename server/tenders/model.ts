// What a buyer asks for when generating a tender document: the same shape from the form and the API.
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { CLAUSE_ID_PATTERN, LEVELS } from '../clauses/vocabulary';
import { messageKey } from '../http/validation';
import { readNumber } from '../i18n/numbers';
import type { ClauseChoice } from './resolve-clauses';

const WEIGHT_RANGE = messageKey('validation.number_range', { min: 0, max: 100 });

/** What a number stands for decides the example its error message shows (`480.000`, `7,5`, `365`). */
export type NumberKind = 'amount' | 'number' | 'integer';

/** The catalog key for a number the parser could not read, by kind and problem. */
export const numberProblemKey = (kind: NumberKind, problem: 'invalid' | 'ambiguous') =>
  `tender.numbers.${kind}_${problem}`;

/** A number as JSON sends it or as a Belgian buyer types it (`480.000`, `1 250 000,50`, `7,5`). */
const typedNumber = (kind: NumberKind) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const parsed = readNumber(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: messageKey(numberProblemKey(kind, parsed.problem)).message });
    return z.NEVER;
  });

export const PROCEDURES = [
  'open',
  'restricted',
  'negotiated_with_publication',
  'negotiated_without_publication',
  'competitive_dialogue',
  'innovation_partnership',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const CONTRACT_TYPES = ['works', 'supplies', 'services'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const MAX_CLAUSES = 200;
export const MAX_LOTS = 50;

const text = (max: number) => z.string().trim().min(1).max(max);
const parameterValue = z.union([z.string().max(500), z.number().finite()]);

export const tenderRequestSchema = z.strictObject({
  lang: z.enum(LANGUAGES),
  authority: text(200),
  title: text(300),
  reference: z.string().trim().max(100).optional().default(''),
  procedure: z.enum(PROCEDURES),
  contractType: z.enum(CONTRACT_TYPES).optional(),
  estimatedValue: typedNumber('amount')
    .pipe(z.number().nonnegative().max(1e11))
    .optional()
    .describe('euro without VAT: a number, or text as a Belgian buyer types it ("480.000", "1 250 000,50")'),
  durationDays: typedNumber('integer')
    .pipe(z.number().int().nonnegative().max(36500))
    .optional()
    .describe('days: an integer, or text ("1.095")'),
  category: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  level: z.enum(LEVELS).optional(),
  lots: z
    .array(z.strictObject({ name: text(200) }))
    .max(MAX_LOTS)
    .default([]),
  clauseIds: z
    .array(z.string().regex(CLAUSE_ID_PATTERN))
    .min(1, messageKey('tender.errors.none_selected'))
    .max(MAX_CLAUSES),
  /** The versions the buyer selected (from the session or a shared link), to point out later revisions. */
  selectedVersions: z
    .record(z.string(), z.number().int().positive())
    .optional()
    .describe('clause id → version chosen; later revisions are reported'),
  /** Clauses whose chosen (older) version is printed instead of the newer published one. */
  keepVersions: z
    .array(z.string().regex(CLAUSE_ID_PATTERN))
    .max(MAX_CLAUSES)
    .optional()
    .describe('clause ids whose version in selectedVersions is printed although a newer version is published'),
  parameters: z
    .record(z.string(), z.record(z.string(), parameterValue))
    .default({})
    .describe('clause id → { parameter name → value }; numbers as JSON numbers or typed the Belgian way ("7,5")'),
  weights: z
    .record(z.string(), typedNumber('number').pipe(z.number().min(0, WEIGHT_RANGE).max(100, WEIGHT_RANGE)))
    .optional()
    .describe('"price" and award clause ids → points (a number, or text such as "7,5")'),
});

export type TenderRequest = z.infer<typeof tenderRequestSchema>;

export const actionPlanRequestSchema = z.strictObject({
  lang: z.enum(LANGUAGES),
  authority: text(200),
  year: z.number().int().min(2020).max(2100).optional(),
  categories: z
    .array(z.string().regex(/^[a-z_]{2,40}$/))
    .min(1)
    .max(20),
  includeOptional: z.boolean().default(true),
});

export type ActionPlanRequest = z.infer<typeof actionPlanRequestSchema>;

/**
 * What can be read of the clause part of a request that failed the schema (clause ids, parameters, weights,
 * versions), so that the clause parameters are checked in the same pass and every problem is shown at once.
 */
export function readableClauseChoice(input: unknown): ClauseChoice {
  const body = objectOf(input);
  const ids = Array.isArray(body.clauseIds) ? body.clauseIds : [];
  const clauseIds = ids.filter((id): id is string => typeof id === 'string' && CLAUSE_ID_PATTERN.test(id));
  const parameters = Object.fromEntries(Object.entries(objectOf(body.parameters)).map(([id, v]) => [id, objectOf(v)]));
  const weights: Record<string, number> = {};
  for (const [key, value] of Object.entries(objectOf(body.weights))) {
    const parsed = readNumber(value);
    if (parsed.ok) weights[key] = parsed.value;
  }
  const selectedVersions: Record<string, number> = {};
  for (const [id, value] of Object.entries(objectOf(body.selectedVersions)))
    if (Number.isInteger(value) && (value as number) > 0) selectedVersions[id] = value as number;
  const keep = Array.isArray(body.keepVersions) ? body.keepVersions : [];
  return {
    clauseIds: clauseIds.slice(0, MAX_CLAUSES),
    parameters,
    weights,
    selectedVersions,
    keepVersions: keep.filter((id): id is string => typeof id === 'string'),
  };
}

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
