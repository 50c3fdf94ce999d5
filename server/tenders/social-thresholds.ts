// When the tender check reminds the buyer of the Brussels social clauses: the one place for these amounts.
// Source record: `circ_2018_social` in server/clauses/legal-verification.ts (circular of 19 July 2018: regional
// works above 750,000 euro, services above the EU threshold lasting over 60 calendar days). The circular of
// 26 November 2020 (`circ_2020_social`) replaced it; its own thresholds could not be read, so these are the 2018
// amounts until a lawyer (or the record) confirms the 2020 ones: change them here, and the record, together.
// The EU services threshold itself is configuration (EU_SERVICES_THRESHOLD_EUR).

/** Works above this amount (euro, excl. VAT) call for a social clause. */
export const SOCIAL_CLAUSE_WORKS_THRESHOLD = 750_000;
/** Services above the EU threshold lasting longer than this many calendar days call for a social clause. */
export const SOCIAL_CLAUSE_SERVICE_DAYS = 60;
/** The source record these amounts come from (server/clauses/legal-verification.ts). */
export const SOCIAL_CLAUSE_THRESHOLDS_SOURCE = 'circ_2018_social';
