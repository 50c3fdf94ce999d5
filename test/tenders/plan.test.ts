// planTender and inferContractType as pure rules, with the real clause files and no database.
import assert from 'node:assert/strict';
import type { ClauseService } from '../../server/clauses/service';
import type { ClauseDocument } from '../../server/clauses/schema';
import { NotFound } from '../../server/http/errors';
import { tenderRequestSchema, type TenderRequest } from '../../server/tenders/model';
import {
  hasBlockingCheck,
  inferContractType,
  planTender,
  referencedAnnexIds,
  type ClauseLookup,
} from '../../server/tenders/plan';
import { SOURCE_CHECKS } from '../../server/clauses/legal-verification';
import {
  SOCIAL_CLAUSE_SERVICE_DAYS,
  SOCIAL_CLAUSE_THRESHOLDS_SOURCE,
  SOCIAL_CLAUSE_WORKS_THRESHOLD,
} from '../../server/tenders/social-thresholds';
import { realClause } from '../support/clause-files';

/** A published-clause lookup over real clause files; other ids are not found, `failing` ones break. */
function library(ids: string[], failing: string[] = []): ClauseLookup {
  const documents = new Map(ids.map((id) => [id, realClause(id)]));
  return {
    publishedOrReplacement: async (id: string) => {
      if (failing.includes(id)) throw new Error('database unavailable');
      const document = documents.get(id);
      if (!document) throw new NotFound();
      return { record: {}, version: { document } } as Awaited<ReturnType<ClauseService['published']>>;
    },
    version: async () => {
      throw new NotFound();
    },
    annexes: async () => [],
  };
}

const request = (fields: Partial<TenderRequest> & { clauseIds: string[] }): TenderRequest =>
  tenderRequestSchema.parse({ lang: 'nl', authority: 'Gemeente', title: 'Schoonmaak', procedure: 'open', ...fields });

const EU_SERVICES = 221_000;

describe('tender plan rules', () => {
  it('orders clauses by stage, gives price what the award clauses leave and fills parameter defaults', async () => {
    const plan = await planTender(
      request({ clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-003', 'ENV-CLEAN-001'] }),
      library(['SOC-CLEAN-001', 'ENV-CLEAN-003', 'ENV-CLEAN-001']),
      EU_SERVICES,
    );
    assert.deepEqual(
      plan.clauses.map((c) => c.document.stage),
      ['technical_specification', 'award', 'performance'],
    );
    const award = plan.clauses.find((c) => c.document.id === 'ENV-CLEAN-003')!;
    assert.equal(award.weight, 10);
    assert.equal(plan.priceWeight, 90);
    assert.equal(plan.clauses.find((c) => c.document.id === 'SOC-CLEAN-001')!.values.training_hours_percent, 5);
    assert.equal(plan.contractType, 'services');
    assert.equal(hasBlockingCheck(plan), false);
  });

  it('blocks a download when the weights do not total 100', async () => {
    const plan = await planTender(
      request({ clauseIds: ['ENV-CLEAN-003'], weights: { price: 50, 'ENV-CLEAN-003': 10 } }),
      library(['ENV-CLEAN-003']),
      EU_SERVICES,
    );
    assert.deepEqual(
      plan.checks.filter((c) => c.severity === 'error'),
      [{ severity: 'error', key: 'tender.checks.weights_total', params: { total: 60 } }],
    );
    assert.equal(hasBlockingCheck(plan), true);
  });

  it('warns when a specification and an award criterion reward the same thing', async () => {
    const plan = await planTender(
      request({ clauseIds: ['ENV-CLEAN-003', 'ENV-CLEAN-001'] }),
      library(['ENV-CLEAN-003', 'ENV-CLEAN-001']),
      EU_SERVICES,
    );
    assert.ok(plan.checks.some((c) => c.key === 'tender.checks.spec_and_award' && c.params?.spec === 'ENV-CLEAN-001'));
  });

  it('reminds of the Brussels social clause for long services above the EU threshold, not below it', async () => {
    const ask = (estimatedValue: number) =>
      planTender(
        request({ clauseIds: ['ENV-CLEAN-001'], estimatedValue, durationDays: 365 }),
        library(['ENV-CLEAN-001']),
        EU_SERVICES,
      );
    assert.ok((await ask(300_000)).checks.some((c) => c.key === 'tender.checks.social_services'));
    assert.ok(!(await ask(100_000)).checks.some((c) => c.key === 'tender.checks.social_services'));
  });

  it('names every unknown clause, and lets a database failure through instead of calling it unknown', async () => {
    await assert.rejects(
      planTender(request({ clauseIds: ['ENV-CLEAN-001', 'SOC-XXXX-999'] }), library(['ENV-CLEAN-001']), EU_SERVICES),
      (err: { details: { field: string }[] }) => err.details.some((d) => d.field === 'clauseIds.1'),
    );
    await assert.rejects(
      planTender(request({ clauseIds: ['ENV-CLEAN-001'] }), library([], ['ENV-CLEAN-001']), EU_SERVICES),
      /database unavailable/,
    );
  });

  it('points out a clause revised since the buyer chose it, and only then', async () => {
    const revised: ClauseLookup = {
      publishedOrReplacement: async () =>
        ({ record: {}, version: { document: { ...realClause('ENV-CLEAN-001'), version: 3 } } }) as Awaited<
          ReturnType<ClauseService['published']>
        >,
      version: async () => {
        throw new NotFound();
      },
      annexes: async () => [],
    };
    const chosen = async (version: number) =>
      (
        await planTender(
          request({ clauseIds: ['ENV-CLEAN-001'], selectedVersions: { 'ENV-CLEAN-001': version } }),
          revised,
          EU_SERVICES,
        )
      ).checks.filter((c) => c.key === 'tender.checks.revised');
    assert.deepEqual(await chosen(2), [
      { severity: 'notice', key: 'tender.checks.revised', params: { id: 'ENV-CLEAN-001', from: 2, to: 3 } },
    ]);
    assert.deepEqual(await chosen(3), []);
  });

  it('gathers the annexes the clauses refer to once each, in the order the document first refers to them', () => {
    const clause = (id: string, annexes?: string[]) => ({ document: { id, annexes } as ClauseDocument, values: {} });
    assert.deepEqual(
      referencedAnnexIds([
        clause('A', ['ANX-PRICE-CLEAN']),
        clause('B'),
        clause('C', ['ANX-SEASON-FV', 'ANX-PRICE-CLEAN']),
        clause('D', ['ANX-SEASON-FV']),
      ]),
      ['ANX-PRICE-CLEAN', 'ANX-SEASON-FV'],
    );
  });

  it('takes the social-clause thresholds from one place that names a verified source record', () => {
    const record = SOURCE_CHECKS.find((c) => c.source === SOCIAL_CLAUSE_THRESHOLDS_SOURCE);
    assert.ok(record, `${SOCIAL_CLAUSE_THRESHOLDS_SOURCE} in legal-verification.ts`);
    assert.match(record.fact, new RegExp(SOCIAL_CLAUSE_WORKS_THRESHOLD.toLocaleString('en-GB')));
    assert.match(record.fact, new RegExp(`${SOCIAL_CLAUSE_SERVICE_DAYS} calendar days`));
  });

  it('infers the contract type from the categories unless the buyer gave one', () => {
    const withCategory = (category: string) => ({ categories: [category] }) as ClauseDocument;
    assert.equal(inferContractType({ category: 'construction' }, []), 'works');
    assert.equal(inferContractType({}, [withCategory('catering')]), 'services');
    assert.equal(inferContractType({}, [withCategory('furniture')]), 'supplies');
    assert.equal(inferContractType({ contractType: 'works' }, [withCategory('catering')]), 'works');
  });
});
