// Writes docs/legal-sources.md from legal-verification.ts and legal-sources.ts (npx tsx scripts/legal-sources-doc.ts after changing them).
import fs from 'node:fs';
import path from 'node:path';
import { LEGAL_SOURCES } from '../server/clauses/legal-sources';
import { ARTICLES_TO_CONFIRM, NOT_A_LEGAL_BASIS, SOURCE_CHECKS } from '../server/clauses/legal-verification';
const lines: string[] = [];
lines.push('# Legal sources of the clause library: where each was verified');
lines.push('');
lines.push(
  'Generated from `server/clauses/legal-verification.ts` (the coverage test reads the same data). A clause may cite',
);
lines.push(
  'an article only when it is listed here as verified or as to confirm. Facts carry over from the sources; the clause',
);
lines.push('sentences are our own.');
lines.push('');
lines.push('## Verified');
lines.push('');
lines.push('| source | articles read | what the source confirmed | checked at | on |');
lines.push('| --- | --- | --- | --- | --- |');
for (const c of SOURCE_CHECKS) {
  const title = LEGAL_SOURCES[c.source].nl;
  lines.push(
    `| ${title} (\`${c.source}\`) | ${c.articles.join(', ') || '—'} | ${c.fact.replaceAll('|', '/')} | ${c.url
      .split(' ; ')
      .map((u) => `<${u}>`)
      .join(' ')} | ${c.checkedOn} |`,
  );
}
lines.push('');
lines.push('## Not a legal basis');
lines.push('');
for (const [source, why] of Object.entries(NOT_A_LEGAL_BASIS)) lines.push(`- \`${source}\`: ${why}.`);
lines.push('');
lines.push('## For a lawyer to confirm');
lines.push('');
lines.push('Articles cited by clauses whose number no source read for this project confirmed:');
lines.push('');
lines.push('| source | article | why |');
lines.push('| --- | --- | --- |');
for (const a of ARTICLES_TO_CONFIRM) lines.push(`| \`${a.source}\` | ${a.article} | ${a.why} |`);
lines.push('');
lines.push('Also to confirm, outside the article list:');
lines.push('');
for (const item of [
  'The thresholds of the Brussels circular of 26 November 2020 (its own text was not read beyond its title and context; the tender check keeps the 2018 amounts: works above 750,000 euro, services above the EU threshold lasting over 60 days).',
  'The articles of the law of 17 June 2016 for reserved contracts (art. 15?), labels (art. 54?), life-cycle costing (art. 82?), abnormally low offers (art. 84?), performance conditions (art. 87?) and selection (art. 71?): clauses cite the law without an article where the issue expected these numbers.',
  'The articles of the royal decree of 14 January 2013 on the procès-verbal and the 15 days to answer (art. 44?), penalties (art. 45?) and the listing of derogations (art. 9 §4?): the model penalty clause DMP-ALL-002 cites the decree without an article.',
  'The derogations flagged on DMP-ALL-003 (suspended payment after a wage-debt notice) and SME-GREEN-002 (monthly payment, shorter verification period): which articles of the royal decree of 14 January 2013 they depart from.',
  'The share of at least 30 % disabled or disadvantaged workers for reserved contracts (directive 2014/24/EU art. 20, stated in ANX-RESERVED-PROOF): only the heading of art. 20 was read.',
  'The withholding percentages on invoices (law of 27 June 1969 art. 30bis; Income Tax Code 1992 art. 403 and following), deliberately not written into DMP-ALL-005.',
  'EU thresholds 2026–2027: Commission Delegated Regulation (EU) 2025/2152 of 22 October 2025, sub-central services 216,000 euro (read in secondary sources: <https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027>, WTO notification <http://web.wtocenter.org.tw/Page/14590/418925>).',
  'CPV codes of the new categories: 98310000 and 98311200 (laundry), 79810000 and 64122000 (printing and mail), 50700000 and 50324200 (maintenance), 90500000 and 90513100 (waste) were seen in cpvcodes.eu, tenderview.ai and tender notices; 79800000, 79820000, 64110000, 50710000–50750000, 90510000–90512000 were not confirmed and are not used.',
])
  lines.push(`- ${item}`);
lines.push('');
fs.writeFileSync(path.resolve(import.meta.dirname, '../docs/legal-sources.md'), lines.join('\n'));
