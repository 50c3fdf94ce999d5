// Writes docs/legal-sources.md from legal-verification.ts, legal-to-confirm.ts, cpv-verification.ts and legal-sources.ts
// (npx tsx scripts/legal-sources-doc.ts after changing them).
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { LEGAL_SOURCES } from '../server/clauses/legal-sources';
import { CPV_CHECKS } from '../server/clauses/cpv-verification';
import { ARTICLES_TO_CONFIRM, CITATIONS_AWAITING_ARTICLE } from '../server/clauses/legal-to-confirm';
import { NOT_A_LEGAL_BASIS, SOURCE_CHECKS } from '../server/clauses/legal-verification';
const lines: string[] = [];
lines.push('# Legal sources of the clause library: where each was verified');
lines.push('');
lines.push(
  'Generated from `server/clauses/legal-verification.ts`, `legal-to-confirm.ts` and `cpv-verification.ts` (the coverage test reads the same data). A clause may cite',
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
lines.push(
  'Clauses that cite the law of 17 June 2016 without an article, because no public source read for this project',
);
lines.push('states the article their subject needs (the coverage test lets no other clause cite the law without one):');
lines.push('');
lines.push('| subject | article expected | clauses |');
lines.push('| --- | --- | --- |');
for (const c of CITATIONS_AWAITING_ARTICLE)
  lines.push(`| ${c.subject} (\`${c.source}\`) | ${c.expected ? `${c.expected}?` : '—'} | ${c.clauses.join(', ')} |`);
lines.push('');
lines.push('Also to confirm, outside the article lists:');
lines.push('');
for (const item of [
  'The thresholds and exceptions of the Brussels circular of 26 November 2020: searched again on 2026-12-03, but only its title and its context section could be read (etaamb.be, numac 2020016351); the tender check keeps the amounts verified for the 2018 circular it replaced (works above 750,000 euro, services above the EU threshold lasting over 60 calendar days; exceptions for overriding urgency, inapplicability, a single possible operator under art. 42 §1, 1° d), 3° and 4° c) of the law, and electronic catalogues).',
  'The articles of the law of 17 June 2016 on labels (art. 54?), life-cycle costing (art. 82?) and abnormally low offers (art. 84?) were not found stated in a public source; no clause cites them: label, life-cycle-cost and price-check clauses cite art. 53, art. 81 and the royal decree of 18 April 2017 art. 36.',
  'The article of the royal decree of 14 January 2013 on penalties (art. 45?) and the paragraph of art. 9 that requires derogations to be listed and motivated (§4?): DMP-ALL-002 cites art. 44 §2 (the time limit for the defence after the procès-verbal) and art. 47 §2 (measures of office), both verified; the 15 days of art. 44 §2 come from a secondary source.',
  'The derogations flagged on DMP-ALL-003 (suspended payment after a wage-debt notice) and SME-GREEN-002 (monthly payment, shorter verification period): which articles of the royal decree of 14 January 2013 they depart from.',
  'The withholding percentages on invoices (law of 27 June 1969 art. 30bis; Income Tax Code 1992 art. 403 and following), deliberately not written into DMP-ALL-005.',
  'EU thresholds 2026–2027: Commission Delegated Regulation (EU) 2025/2152 of 22 October 2025, sub-central services 216,000 euro (read in secondary sources: <https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027>, WTO notification <http://web.wtocenter.org.tw/Page/14590/418925>).',
])
  lines.push(`- ${item}`);
lines.push('');
lines.push('## CPV codes of the categories');
lines.push('');
for (const c of CPV_CHECKS) {
  lines.push(`${c.fact} (checked at <${c.url}> on ${c.checkedOn}):`);
  lines.push('');
  lines.push(c.codes.join(', ') + '.');
  lines.push('');
}
// Written as Prettier writes it, so that `npm run format:check` passes right after a regeneration.
const target = path.resolve(import.meta.dirname, '../docs/legal-sources.md');
const options = (await prettier.resolveConfig(target)) ?? {};
fs.writeFileSync(target, await prettier.format(lines.join('\n'), { ...options, filepath: target }));
