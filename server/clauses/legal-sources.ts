// The legal texts a clause may cite, with their official titles in Dutch and French.
// Only texts verified for this project are listed (see ../shared/REFERENCE.md); add one here before citing it.
import type { Lang } from '../i18n/languages';

/** The official title of a legal text in each language. */
export type LegalSource = Record<Lang, string>;

export const LEGAL_SOURCES = {
  law_2016: {
    nl: 'Wet van 17 juni 2016 inzake overheidsopdrachten',
    fr: 'Loi du 17 juin 2016 relative aux marchés publics',
  },
  rd_2017_award: {
    nl: 'Koninklijk besluit van 18 april 2017 plaatsing overheidsopdrachten in de klassieke sectoren',
    fr: 'Arrêté royal du 18 avril 2017 relatif à la passation des marchés publics dans les secteurs classiques',
  },
  ord_2014_env_ethical: {
    nl: 'Ordonnantie van 8 mei 2014 betreffende het opnemen van milieu- en ethische clausules in de overheidsopdrachten',
    fr: "Ordonnance du 8 mai 2014 relative à l'inclusion de clauses environnementales et éthiques dans les marchés publics",
  },
  ord_2014_observatory: {
    nl: 'Ordonnantie van 3 april 2014 tot oprichting van een Observatorium van de referentieprijzen in de overheidsopdrachten',
    fr: "Ordonnance du 3 avril 2014 portant création d'un Observatoire des prix de référence dans les marchés publics",
  },
  circ_2018_social: {
    nl: 'Brusselse omzendbrief van 19 juli 2018 over sociale clausules in overheidsopdrachten',
    fr: 'Circulaire bruxelloise du 19 juillet 2018 relative aux clauses sociales dans les marchés publics',
  },
  vademecum_social: {
    nl: 'Brussels vademecum sociale clausules (Actiris, 2020–2021)',
    fr: 'Vade-mecum bruxellois des clauses sociales (Actiris, 2020–2021)',
  },
  rd_2013_execution: {
    nl: 'Koninklijk besluit van 14 januari 2013 tot bepaling van de algemene uitvoeringsregels van de overheidsopdrachten',
    fr: "Arrêté royal du 14 janvier 2013 établissant les règles générales d'exécution des marchés publics",
  },
  directive_2014_24: {
    nl: 'Richtlijn 2014/24/EU van 26 februari 2014 betreffende het plaatsen van overheidsopdrachten',
    fr: 'Directive 2014/24/UE du 26 février 2014 sur la passation des marchés publics',
  },
  law_1965_wages: {
    nl: 'Wet van 12 april 1965 betreffende de bescherming van het loon der werknemers',
    fr: 'Loi du 12 avril 1965 concernant la protection de la rémunération des travailleurs',
  },
  law_1996_wellbeing: {
    nl: 'Wet van 4 augustus 1996 betreffende het welzijn van de werknemers bij de uitvoering van hun werk',
    fr: "Loi du 4 août 1996 relative au bien-être des travailleurs lors de l'exécution de leur travail",
  },
  programme_law_2006: {
    nl: 'Programmawet (I) van 27 december 2006 (Limosa-melding)',
    fr: 'Loi-programme (I) du 27 décembre 2006 (déclaration Limosa)',
  },
  circ_2014_federal: {
    nl: 'Federale omzendbrief van 16 mei 2014 over duurzame overheidsopdrachten',
    fr: 'Circulaire fédérale du 16 mai 2014 relative aux marchés publics durables',
  },
  circ_2020_social: {
    nl: 'Omzendbrief van de Brusselse Hoofdstedelijke Regering van 26 november 2020 betreffende de verplichting tot opname van sociale clausules in de gewestelijke overheidsopdrachten',
    fr: "Circulaire du Gouvernement de la Région de Bruxelles-Capitale du 26 novembre 2020 relative à l'obligation d'insertion de clauses sociales dans les marchés publics régionaux",
  },
  ord_2018_social_enterprises: {
    nl: 'Ordonnantie van 23 juli 2018 betreffende de erkenning en de ondersteuning van de sociale ondernemingen',
    fr: "Ordonnance du 23 juillet 2018 relative à l'agrément et au soutien des entreprises sociales",
  },
  social_penal_code: {
    nl: 'Sociaal Strafwetboek',
    fr: 'Code pénal social',
  },
  law_1969_social_security: {
    nl: 'Wet van 27 juni 1969 tot herziening van de besluitwet van 28 december 1944 betreffende de maatschappelijke zekerheid der arbeiders',
    fr: "Loi du 27 juin 1969 révisant l'arrêté-loi du 28 décembre 1944 concernant la sécurité sociale des travailleurs",
  },
  income_tax_code_1992: {
    nl: 'Wetboek van de inkomstenbelastingen 1992',
    fr: 'Code des impôts sur les revenus 1992',
  },
  programme_law_2022: {
    nl: 'Programmawet van 26 december 2022 (elektronische aanwezigheidsregistratie in de schoonmaak)',
    fr: 'Loi-programme du 26 décembre 2022 (enregistrement électronique des présences dans le nettoyage)',
  },
  circ_2014_joint_liability: {
    nl: 'Omzendbrief van 22 juli 2014 overheidsopdrachten – Hoofdelijke aansprakelijkheid voor loonschulden van een opdrachtnemer of onderaannemer en uitbreiding van de hoofdelijke aansprakelijkheid voor fiscale en sociale schulden tot bepaalde fraudegevoelige sectoren',
    fr: "Circulaire du 22 juillet 2014 marchés publics – Responsabilité solidaire pour les dettes salariales d'un adjudicataire ou d'un sous-traitant et extension de la responsabilité solidaire pour les dettes fiscales et sociales à certains secteurs sensibles à la fraude",
  },
  cjeu_2014_bundesdruckerei: {
    nl: 'Arrest van het Hof van Justitie van 18 september 2014, zaak C-549/13, Bundesdruckerei',
    fr: 'Arrêt de la Cour de justice du 18 septembre 2014, affaire C-549/13, Bundesdruckerei',
  },
} as const satisfies Record<string, LegalSource>;

export type LegalSourceCode = keyof typeof LEGAL_SOURCES;
export const LEGAL_SOURCE_CODES = Object.keys(LEGAL_SOURCES) as LegalSourceCode[];
