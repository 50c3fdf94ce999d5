// The controlled vocabularies of the clause library (codes in English; names live in the message catalogs).

export const THEMES = ['environmental', 'social', 'ethical', 'sme', 'innovation', 'anti_dumping'] as const;
export type Theme = (typeof THEMES)[number];

/** Where a clause goes in a tender, in the order the tender document uses. */
export const STAGES = [
  'procedure',
  'exclusion',
  'selection',
  'technical_specification',
  'award',
  'performance',
] as const;
export type Stage = (typeof STAGES)[number];

export const LEVELS = ['basis', 'advanced', 'ambitious'] as const;
export type Level = (typeof LEVELS)[number];

export const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ClauseStatus = (typeof STATUSES)[number];

/** When the buyer checks the proof: when comparing offers, or while the contract runs. */
export const MOMENTS = ['award', 'execution'] as const;
export type Moment = (typeof MOMENTS)[number];

export const PARAMETER_TYPES = ['percentage', 'integer', 'number', 'money', 'text'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** Facilitator organisations and the coordination cell (also seeded as data by a migration). */
export const ORGANISATIONS = [
  'environment_brussels',
  'innoviris',
  'economy_employment',
  'actiris',
  'price_observatory',
  'coordination_cell',
] as const;
export type OrganisationCode = (typeof ORGANISATIONS)[number];

/** A clause id starts with its theme's prefix: SOC-CLEAN-003. */
export const THEME_ID_PREFIX: Record<Theme, string> = {
  environmental: 'ENV',
  social: 'SOC',
  ethical: 'ETH',
  sme: 'SME',
  innovation: 'INN',
  anti_dumping: 'DMP',
};

export const CLAUSE_ID_PATTERN = /^(ENV|SOC|ETH|SME|INN|DMP)-[A-Z0-9]{2,6}-\d{3}$/;
