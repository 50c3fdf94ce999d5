// The eForms codes a clause can imply, as they appear in the SDK code lists (eforms/codelists/*.gc).
// The labels are read from the code lists themselves; these are only the codes a clause file may name.

/** BT-06 strategic procurement (strategic-procurement.gc), without "none". */
export const STRATEGIC_CODES = ['env-imp', 'soc-obj', 'inn-pur'] as const;
/** BT-774 environmental impact (environmental-impact.gc). */
export const ENVIRONMENTAL_CODES = [
  'biodiv-eco',
  'circ-econ',
  'clim-adapt',
  'clim-mitig',
  'other',
  'pollu-prev',
  'water-mar',
] as const;
/** BT-775 social objective (social-objective.gc). */
export const SOCIAL_CODES = ['acc-all', 'et-eq', 'gen-eq', 'hum-right', 'opp', 'other', 'work-cond'] as const;
/** BT-776 innovative acquisition (innovative-acquisition.gc). */
export const INNOVATIVE_CODES = ['mar-nov', 'proc-innov', 'prod-innov', 'rd-act'] as const;
/** BT-805 green public procurement criteria (gpp-criteria.gc), without "none". */
export const GPP_CODES = ['eu', 'national', 'other'] as const;
/** BT-71 reserved participation (reserved-procurement.gc), without "none". */
export const RESERVED_PARTICIPATION_CODES = ['res-pub-ser', 'res-ws'] as const;
