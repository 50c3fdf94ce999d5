// The shape of a clause file (clauses/<ID>.yaml) and of the category list (clauses/_categories.yaml),
// with the rules that a schema alone cannot say (placeholders, award weights, id prefix).
import { z } from 'zod';
import {
  ENVIRONMENTAL_CODES,
  GPP_CODES,
  INNOVATIVE_CODES,
  RESERVED_PARTICIPATION_CODES,
  SOCIAL_CODES,
  STRATEGIC_CODES,
} from './eforms-codes';
import { LEGAL_SOURCE_CODES } from './legal-sources';
import {
  CLAUSE_ID_PATTERN,
  LEVELS,
  MOMENTS,
  ORGANISATIONS,
  PARAMETER_TYPES,
  STAGES,
  STATUSES,
  THEME_ID_PREFIX,
  THEMES,
} from './vocabulary';
import { DEFAULT_LANG, everyLanguage, FURTHER_LANGUAGE, LANGUAGES, otherLanguages } from '../i18n/languages';

const text = z.string().trim().min(1, { message: 'must not be empty' });
/** A text in each of the app's languages; English may follow. */
export const localized = z.strictObject({ ...everyLanguage(() => text), [FURTHER_LANGUAGE]: text.optional() });
export type Localized = z.infer<typeof localized>;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' }));

export const PARAMETER_NAME = /^[a-z][a-z0-9_]{1,40}$/;

const parameter = z.strictObject({
  name: z.string().regex(PARAMETER_NAME, { message: 'must be lower_snake_case, 2 to 41 characters' }),
  type: z.enum(PARAMETER_TYPES),
  default: z.union([z.number(), z.string()]),
  min: z.number().optional(),
  max: z.number().optional(),
  label: localized,
});
export type ClauseParameter = z.infer<typeof parameter>;

const legalBasis = z.strictObject({
  source: z.enum(LEGAL_SOURCE_CODES as [string, ...string[]]),
  article: z.string().trim().min(1).max(60).optional(),
});

/** Advice to the buyer, one text per heading; the headings' order is the page's and the document's. */
const guidanceSchema = z.strictObject({
  when_to_use: localized,
  market_readiness: localized,
  cost_impact: localized,
  pitfalls: localized,
});
export type GuidanceKey = keyof typeof guidanceSchema.shape;
export const GUIDANCE_KEYS = Object.keys(guidanceSchema.shape) as GuidanceKey[];

export const clauseSchema = z.strictObject({
  id: z
    .string()
    .regex(CLAUSE_ID_PATTERN, { message: 'must look like SOC-CLEAN-003 (theme prefix, category, three digits)' }),
  version: z.number().int().positive(),
  status: z.enum(STATUSES),
  theme: z.enum(THEMES),
  stage: z.enum(STAGES),
  level: z.enum(LEVELS),
  categories: z.array(z.string().regex(/^[a-z_]+$/)).min(1, { message: 'needs at least one category' }),
  owner: z.enum(ORGANISATIONS),
  reviewed: isoDate,
  award_weight: z.number().int().min(1).max(60).optional(),
  legal_basis: z.array(legalBasis).min(1, { message: 'needs at least one legal basis' }),
  parameters: z.array(parameter).default([]),
  title: localized,
  text: localized,
  verification: z.strictObject({
    proof: localized,
    check: localized,
    moments: z.array(z.enum(MOMENTS)).min(1),
  }),
  guidance: guidanceSchema,
  related: z.array(z.string().regex(CLAUSE_ID_PATTERN)).optional(),
  /** What to declare in the eForms notice when a tender uses this clause (codes of the SDK code lists). */
  eforms: z
    .strictObject({
      strategic: z.array(z.enum(STRATEGIC_CODES)).optional(),
      environmental: z.array(z.enum(ENVIRONMENTAL_CODES)).optional(),
      social: z.array(z.enum(SOCIAL_CODES)).optional(),
      innovative: z.array(z.enum(INNOVATIVE_CODES)).optional(),
      gpp: z.array(z.enum(GPP_CODES)).optional(),
      reserved_participation: z.array(z.enum(RESERVED_PARTICIPATION_CODES)).optional(),
      reserved_execution: z.boolean().optional(),
    })
    .optional(),
  /** Annexes (clauses/_annexes/<ID>.yaml) the clause text refers to. */
  annexes: z.array(z.string().regex(/^ANX-[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})?$/)).optional(),
  /** A retired clause names the clause that replaces it, so that old tender selections and links keep working. */
  replaced_by: z.string().regex(CLAUSE_ID_PATTERN).optional(),
  /** A clause that derogates from the general execution rules (RD 14 January 2013): which articles, and why. */
  derogation: z.strictObject({ articles: z.string().trim().min(1).max(120), reason: localized }).optional(),
});

export type ClauseDocument = z.infer<typeof clauseSchema>;

export const categorySchema = z.strictObject({
  code: z.string().regex(/^[a-z_]+$/),
  name: localized,
  intro: localized,
  cpv: z
    .array(z.strictObject({ code: z.string().regex(/^\d{8}$/, { message: 'must be 8 digits' }), label: localized }))
    .min(1),
});
export const categoriesFileSchema = z.strictObject({ categories: z.array(categorySchema).min(1) });
export type Category = z.infer<typeof categorySchema>;

export interface Problem {
  field: string;
  message: string;
  /** The same problem as a message-catalog key, for the editor's form. */
  key: string;
  params?: Record<string, string | number>;
}

/** A parameter's place in a clause text: {{name}}. The one definition every reader and writer uses. */
export const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The rules across fields. Returns problems with the field path they concern. */
export function crossCheck(clause: ClauseDocument, categoryCodes: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const prefix = THEME_ID_PREFIX[clause.theme];
  if (!clause.id.startsWith(`${prefix}-`)) {
    problems.push({
      field: 'id',
      message: `must start with ${prefix}- for theme ${clause.theme}`,
      key: 'clauses.problem.id_prefix',
      params: { prefix },
    });
  }
  if (clause.stage === 'award' && clause.award_weight === undefined) {
    problems.push({
      field: 'award_weight',
      message: 'is required when the stage is award',
      key: 'clauses.problem.weight_required',
    });
  }
  if (clause.stage !== 'award' && clause.award_weight !== undefined) {
    problems.push({
      field: 'award_weight',
      message: 'is only allowed when the stage is award',
      key: 'clauses.problem.weight_forbidden',
    });
  }
  clause.categories.forEach((code, i) => {
    if (!categoryCodes.has(code))
      problems.push({ field: `categories.${i}`, message: `unknown category "${code}"`, key: 'validation.one_of' });
  });
  if (new Set(clause.categories).size !== clause.categories.length) {
    problems.push({ field: 'categories', message: 'lists a category twice', key: 'validation.invalid' });
  }
  const declared = new Set(clause.parameters.map((p) => p.name));
  if (declared.size !== clause.parameters.length)
    problems.push({ field: 'parameters', message: 'declares a name twice', key: 'clauses.problem.parameter_twice' });
  for (const lang of LANGUAGES) {
    const used = new Set(placeholdersIn(clause.text[lang]));
    for (const name of used) {
      if (!declared.has(name))
        problems.push({
          field: `text.${lang}`,
          message: `uses {{${name}}} which is not declared in parameters`,
          key: 'clauses.problem.placeholder_undeclared',
          params: { name },
        });
    }
    for (const name of declared) {
      if (!used.has(name))
        problems.push({
          field: `text.${lang}`,
          message: `does not use the declared parameter {{${name}}}`,
          key: 'clauses.problem.parameter_unused',
          params: { name },
        });
    }
  }
  clause.parameters.forEach((p, i) => {
    const numeric = p.type !== 'text';
    if (numeric && typeof p.default !== 'number')
      problems.push({
        field: `parameters.${i}.default`,
        message: `must be a number for type ${p.type}`,
        key: 'validation.number',
      });
    if (!numeric && typeof p.default !== 'string')
      problems.push({
        field: `parameters.${i}.default`,
        message: 'must be a text for type text',
        key: 'validation.invalid',
      });
    if (typeof p.default === 'number' && p.min !== undefined && p.default < p.min)
      problems.push({
        field: `parameters.${i}.default`,
        message: 'is below min',
        key: 'clauses.problem.default_out_of_range',
      });
    if (typeof p.default === 'number' && p.max !== undefined && p.default > p.max)
      problems.push({
        field: `parameters.${i}.default`,
        message: 'is above max',
        key: 'clauses.problem.default_out_of_range',
      });
  });
  if (clause.replaced_by !== undefined && clause.status !== 'retired')
    problems.push({
      field: 'replaced_by',
      message: 'is only allowed on a retired clause',
      key: 'validation.invalid',
    });
  if (clause.replaced_by === clause.id)
    problems.push({ field: 'replaced_by', message: 'must name another clause', key: 'validation.invalid' });
  for (const field of ['title', 'text'] as const) {
    for (const lang of otherLanguages(DEFAULT_LANG))
      if (clause[field][lang].trim() === clause[field][DEFAULT_LANG].trim())
        problems.push({
          field: `${field}.${lang}`,
          message: 'is the same as the Dutch text',
          key: 'clauses.problem.same_as_dutch',
        });
  }
  return problems;
}
