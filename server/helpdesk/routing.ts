// Who answers a helpdesk question: the facilitator organisation of its theme (MPDI 4), else the coordination cell.
import type { OrganisationCode, Theme } from '../clauses/vocabulary';

export const COORDINATION_ORG: OrganisationCode = 'coordination_cell';

/** Which organisation answers the helpdesk questions of a theme. */
export const THEME_ORGANISATION: Record<Theme, OrganisationCode> = {
  environmental: 'environment_brussels',
  innovation: 'innoviris',
  sme: 'economy_employment',
  social: 'actiris',
  anti_dumping: 'price_observatory',
  ethical: 'environment_brussels',
};

export function answeringOrganisation(theme: Theme | null | undefined): OrganisationCode {
  return theme ? THEME_ORGANISATION[theme] : COORDINATION_ORG;
}
