// Where each legal source (and article) cited by the clause library was checked. What is left for a lawyer is in
// legal-to-confirm.ts, the CPV codes in cpv-verification.ts; the coverage test keeps the library to these lists and
// docs/legal-sources.md is their readable version (npx tsx scripts/legal-sources-doc.ts).
import type { LegalSourceCode } from './legal-sources';

export interface SourceCheck {
  source: LegalSourceCode;
  /** The articles (as clauses cite them) whose content was read in the source below. */
  articles: string[];
  /** What the source confirmed, in one line. */
  fact: string;
  url: string;
  checkedOn: string;
}

export const CHECKED_ON = '2026-12-03';

export const SOURCE_CHECKS: SourceCheck[] = [
  {
    source: 'circ_2020_social',
    articles: [],
    fact: 'Title, date (26 November 2020), publication (Belgian Official Journal 16 December 2020, numac 2020016351); it imposes social clauses in regional public procurement',
    url: 'https://www.etaamb.be/fr/circulaire-du-26-novembre-2020_n2020016351.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'circ_2018_social',
    articles: [],
    fact: 'Superseded by the circular of 26 November 2020; it asked social clauses for regional works above 750,000 euro and services above the EU thresholds lasting over 60 calendar days',
    url: 'https://equal-partners.eu/actualites/obligation-clauses-sociales-bruxelles',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'circ_2014_federal',
    articles: [],
    fact: 'Addressed to federal contracting authorities only (title: "marchés publics passés par les autorités adjudicatrices fédérales"): context, not a legal basis for a Brussels buyer',
    url: 'https://etaamb.openjustice.be/fr/circulaire-du-16-mai-2014_n2014021063.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'rd_2017_award',
    articles: ['art. 36 §2', 'art. 36 §4', 'art. 2, 13°'],
    fact: 'Art. 36 §2: the tenderer gets at least twelve days (an effective minimum, Council of State no. 253.125 of 28 March 2022); art. 36 §4: mandatory check in works and fraud-sensitive services (open procedure, price only, at least 4 offers, 15 % below the average; Council of State no. 249.334 of 24 December 2020)',
    url: 'https://xn--marchspublics-fhb.be/index.php/ce-arret-n253125-du-28-03-2022-sa-ceba-confort/ ; https://elegis.be/nl/node/35118 ; https://xn--marchspublics-fhb.be/index.php/ce-arret-n249334-du-24-12-2020-sa-etudes-et-techniques-speciales-de-construction/',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'programme_law_2022',
    articles: [],
    fact: 'Electronic attendance registration (Check in and out at Work) compulsory in cleaning (joint committee 121) from 1 September 2024; own cleaning staff of public and private bodies and service-voucher firms are outside it',
    url: 'https://cgslb.be/fr/services-aux-entreprises/nettoyage-ouvriers/articles/cp-121-enregistrement-des-presences-partir-du ; https://www.multimasters.be/fr/news/ciao-c-est-quoi/',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'social_penal_code',
    articles: ['art. 184/1/5'],
    fact: 'Since 1 January 2025 a subcontractor in construction (works on immovable property), meat or removals may not subcontract the whole of its contract nor keep only its coordination (law of 15 May 2024)',
    url: 'https://vandelanotte.be/current/public/fr/actuel/nouvelle-interdiction-de-sous-traitance-financiere-dans-le-secteur-de-la-construction ; https://blog.forumforthefuture.be/fr/article/sous-traitance-ces-secteurs-de-la-construction-de-lindustrie-de-la-viande-et-des-services-de-demenagement-seront-fort-impactes/26109',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'rd_2013_execution',
    articles: [],
    fact: 'Title and structure (Justel); a procès-verbal of shortcomings is sent by registered or equivalent electronic mail, the contractor has 15 days to remedy or to answer, its silence then counts as admission; the shortcomings expose it to measures such as penalties and measures of office',
    url: 'http://www.ejustice.just.fgov.be/eli/arrete/2013/01/14/2013021005/justel ; https://financesconnect.be/actualites/actualite/74029018386532021',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'rd_2013_execution',
    articles: ['art. 9', 'art. 12-15', 'art. 44 §2', 'art. 47 §2'],
    fact: 'The consolidated table of contents (Justel): art. 9 derogations and unfair clauses, art. 12 to 15 subcontractors; a bilingual official text refers to the measures of office of art. 47 §2, which must be preceded by a procès-verbal and by the time limit of art. 44 §2 for the contractor to put forward its defence',
    url: 'http://www.ejustice.just.fgov.be/eli/arrete/2013/01/14/2013021005/justel ; http://wordscope.be/neerlandais/francais/maatregelen+van+ambtshalve.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'directive_2014_24',
    articles: ['art. 18(2)', 'art. 20'],
    fact: 'Table of contents of the directive: art. 18 principles of procurement, art. 20 reserved contracts',
    url: 'https://service.betterregulation.com/document/630399',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'programme_law_2006',
    articles: ['art. 139'],
    fact: 'Art. 139: the prior Limosa declaration of posted workers; the Belgian end user or principal checks the L-1 acknowledgement before the work starts and reports its absence to the NSSO (RSZ/ONSS)',
    url: 'https://www.socialsecurity.be/employer/instructions/dmfa/fr/2013-3/instructions/obligations/obligations_nsso/limosa/belgianuserobligations.html ; https://www.international.socialsecurity.be/working_in_belgium/fr/lieux-occupation.html ; https://securex.be/fr/lex4you/employeur/themes/obligations-de-l-employeur/declaration-limosa/quelles-sont-les-obligations-de-l-utilisateur-final',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'circ_2014_joint_liability',
    articles: [],
    fact: 'Federal circular addressed to all contracting authorities: joint liability for the wage debts of a contractor or subcontractor, and its extension for tax and social debts to fraud-sensitive sectors',
    url: 'https://etaamb.openjustice.be/fr/circulaire-du-22-juillet-2014_n2014021081.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'ord_2018_social_enterprises',
    articles: ['art. 2'],
    fact: "Brussels ordinance on the accreditation and support of social enterprises; art. 2 defines the social enterprise and the accredited social integration enterprise (entreprise sociale d'insertion / sociale inschakelingsonderneming)",
    url: 'https://etaamb.openjustice.be/fr/nl/ordonnance-du-23-juillet-2018_n2018031816.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'ord_2014_observatory',
    articles: ['art. 3'],
    fact: 'Art. 3: the Observatory of reference prices for public works and services contracts, at the request of regional and local contracting authorities (communes, autonomous municipal companies, intermunicipal bodies, police zones; not the CPAS)',
    url: 'http://www.ces.irisnet.be/fr/observatory/ ; http://pouvoirs-locaux.brussels/theme/marches-publics/actualites/18-aout-2014 ; http://wordscope.be/neerlandais/francais/wetgeving+opgerichte+administratieve.html',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'law_2016',
    articles: ['art. 7', 'art. 53', 'art. 81'],
    fact: 'Art. 7 (compliance with environmental, social and labour law), art. 53 (technical specifications), art. 81 (award criteria): verified for this project before (shared REFERENCE.md); art. 53 (technical specifications) and art. 81 (award criteria: price, cost or best price-quality ratio, linked to the subject-matter) re-read in Flemish and Council of State summaries. The law is numac 2016021053 (etaamb.be), not 2016021052 as an earlier note had it',
    url: 'https://www.ejustice.just.fgov.be/eli/loi/2016/06/17/2016021053/justel ; https://www.etaamb.be/fr/loi-du-17-juin-2016_n2016021053.html ; https://www.agion.be/richtlijnen-mbt-de-technische-specificaties-van-de-materialen ; https://xn--marchspublics-fhb.be/index.php/ce-arret-n245257-du-31-07-2019-scrl-callens-pirenne-theunissen-co/',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'law_2016',
    articles: ['art. 15'],
    fact: 'Art. 15 of the public procurement law (quoted in full by a law firm on Council of State ruling 255.415 of 29 December 2022): a contracting authority may reserve participation to sheltered workshops and to operators whose main aim is the social and professional integration of disabled or disadvantaged persons, or reserve performance to sheltered employment programmes, provided at least thirty per cent of their workers are disabled or disadvantaged; the notice mentions the reservation with a reference to this article; regional terminology may be used but equivalent conditions must be accepted',
    url: 'https://www.gdena-advocaten.be/nieuws/sociaal-aanbesteden-en-artikel-60-tewerkstelling-hand-in-hand',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'law_2016',
    articles: ['art. 71'],
    fact: 'Art. 71: qualitative selection criteria; the Council of State (ruling 243.855 of 28 February 2019, SA TRBA) tests the proportionality of a selection criterion requiring specific experience against articles 5 and 71 of the law of 17 June 2016',
    url: 'https://xn--marchspublics-fhb.be/index.php/ce-arret-n243855-du-28-02-2019-sa-trba/',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'law_2016',
    articles: ['art. 58'],
    fact: 'Art. 58: every contracting authority considers dividing the contract into lots and, if it does not divide, states its main reasons in the procurement documents or the file kept under art. 164 §1; the duty applies from the revisable European threshold for federal supplies and services (then 135,000 euro, royal decree of 18 April 2017 art. 11), also for works',
    url: 'https://cms-lawnow.com/fr/ealerts/2017/10/seuil-applicable-pour-l-obligation-d-envisager-la-division-du-marche-en-lots',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'directive_2014_24',
    articles: ['art. 40', 'art. 67', 'art. 68', 'art. 70', 'art. 71'],
    fact: 'Commentaries on the UK regulations that copy the directive out, article by article: art. 40 preliminary market consultations, art. 67 contract award criteria, art. 68 life-cycle costing, art. 70 conditions for performance of contracts (linked to the subject-matter within the meaning of art. 67(3)), art. 71 subcontracting',
    url: 'http://pcr2015.uk/regulations/regulation-40-preliminary-market-consultations/ ; http://pcr2015.uk/regulations/regulation-67-contract-award-criteria/ ; http://pcr2015.uk/regulations/regulation-68-life-cycle-costing/ ; http://pcr2015.uk/regulations/regulation-70-conditions-for-performance-of-contracts/ ; http://pcr2015.uk/regulations/regulation-71-subcontracting/',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'directive_2014_24',
    articles: ['art. 69'],
    fact: 'Art. 69: abnormally low tenders (Court of Justice, 10 September 2020, C-367/19, Tax-Fin-Lex, on a tender priced at zero euro)',
    url: 'https://curia.europa.eu/juris/document/document.jsf?docid=230864&doclang=nl',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'directive_2014_24',
    articles: ['art. 46'],
    fact: 'Art. 46 (division of contracts into lots) is the article that art. 58 of the law of 17 June 2016 transposes',
    url: 'https://cms-lawnow.com/fr/ealerts/2017/10/seuil-applicable-pour-l-obligation-d-envisager-la-division-du-marche-en-lots',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'law_2016',
    articles: ['art. 67', 'art. 68', 'art. 69'],
    fact: 'Exclusion grounds of the public procurement law (art. 66 §1, 2°; art. 67 to 70): art. 67 mandatory exclusion grounds, art. 68 tax and social security debts, art. 69 optional exclusion grounds (with art. 61 to 63 of the royal decree of 18 April 2017)',
    url: 'https://vlaanderen.be/het-facilitair-bedrijf-overheidsopdrachten-en-raamcontracten/selectie-overheidsopdrachten',
    checkedOn: CHECKED_ON,
  },
  {
    source: 'cjeu_2014_bundesdruckerei',
    articles: [],
    fact: "Art. 56 TFEU precludes requiring a subcontractor established in another Member State, whose workers perform the contract exclusively there, to pay them the minimum wage of the contracting authority's Member State",
    url: 'https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:62013CA0549',
    checkedOn: CHECKED_ON,
  },
];

/** Sources that no published clause may cite as a legal basis. */
export const NOT_A_LEGAL_BASIS: Partial<Record<LegalSourceCode, string>> = {
  circ_2018_social: 'superseded by circ_2020_social',
  circ_2014_federal: 'binds federal contracting authorities only; mention it in guidance as context',
};

export function isVerifiedArticle(source: LegalSourceCode, article: string): boolean {
  return SOURCE_CHECKS.some((c) => c.source === source && c.articles.includes(article));
}
