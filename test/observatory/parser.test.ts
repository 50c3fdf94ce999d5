import assert from 'node:assert/strict';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parseNotice } from '../../server/observatory/parser';
import type { NoticeRecord } from '../../server/observatory/model';
import { fixture, invalidFixtures, validFixtures, variant } from '../support/notices';

function parsed(name: string): NoticeRecord {
  const result = parseNotice(fixture(name));
  assert.ok(result.ok, `${name}: ${JSON.stringify(!result.ok && result.problems)}`);
  return result.record;
}

// An independent reading of the same XML with another parser (xmldom), element by element.
function oracle(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement!;
  const directChild = (parent: Element, name: string) =>
    Array.from(parent.childNodes).find((n) => (n as Element).tagName === name) as Element | undefined;
  const byTag = (el: Element, name: string) => Array.from(el.getElementsByTagName(name)) as Element[];
  const textOf = (el: Element | undefined) => el?.textContent?.trim() ?? '';
  const codes = (list: string) =>
    [
      ...new Set(
        byTag(root, 'cbc:ProcurementTypeCode')
          .filter((e) => e.getAttribute('listName') === list)
          .map(textOf),
      ),
    ]
      .filter((c) => c !== 'none')
      .sort();
  const buyerRef = textOf(byTag(directChild(root, 'cac:ContractingParty')!, 'cbc:ID')[0]);
  const buyer = byTag(root, 'efac:Company').find(
    (c) => textOf(byTag(byTag(c, 'cac:PartyIdentification')[0], 'cbc:ID')[0]) === buyerRef,
  )!;
  const project = directChild(root, 'cac:ProcurementProject');
  const statistics = (code: string) => {
    const values = byTag(root, 'efac:ReceivedSubmissionsStatistics')
      .filter((s) => textOf(byTag(s, 'efbc:StatisticsCode')[0]) === code)
      .map((s) => Number(textOf(byTag(s, 'efbc:StatisticsNumeric')[0])));
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    noticeId: textOf(byTag(root, 'cbc:ID').find((e) => e.getAttribute('schemeName') === 'notice-id')),
    version: Number(textOf(directChild(root, 'cbc:VersionID'))),
    procedureId: textOf(directChild(root, 'cbc:ContractFolderID')) || null,
    type: textOf(directChild(root, 'cbc:NoticeTypeCode')),
    subtype: textOf(byTag(root, 'cbc:SubTypeCode')[0]),
    issueDate: textOf(directChild(root, 'cbc:IssueDate')).slice(0, 10),
    mainCpv: textOf(byTag(directChild(project!, 'cac:MainCommodityClassification')!, 'cbc:ItemClassificationCode')[0]),
    allCpv: [
      ...new Set(
        byTag(root, 'cbc:ItemClassificationCode')
          .filter((e) => e.getAttribute('listName') === 'cpv')
          .map(textOf),
      ),
    ].sort(),
    strategic: {
      bt06: codes('strategic-procurement'),
      bt774: codes('environmental-impact'),
      bt775: codes('social-objective'),
      bt776: codes('innovative-acquisition'),
      bt805: codes('gpp-criteria'),
    },
    reservedParticipation: [
      ...new Set(
        byTag(root, 'cbc:TendererRequirementTypeCode')
          .filter((e) => e.getAttribute('listName') === 'reserved-procurement')
          .map(textOf),
      ),
    ]
      .filter((c) => c !== 'none')
      .sort(),
    reservedExecution: byTag(root, 'cbc:ExecutionRequirementCode').some(
      (e) => e.getAttribute('listName') === 'reserved-execution' && textOf(e) === 'yes',
    ),
    criterionTypes: byTag(root, 'cbc:AwardingCriterionTypeCode').map(textOf).sort(),
    lots: byTag(root, 'cac:ProcurementProjectLot').length,
    buyerName: textOf(byTag(byTag(buyer, 'cac:PartyName')[0], 'cbc:Name')[0]),
    buyerCountry: textOf(byTag(byTag(buyer, 'cac:Country')[0], 'cbc:IdentificationCode')[0]),
    tendersReceived: statistics('tenders'),
    smeTenders: statistics('t-sme'),
  };
}

describe('eForms notice parser', () => {
  it('reads every valid SDK example as its XML says, field by field (checked against a second XML parser)', () => {
    assert.equal(validFixtures().length, 18);
    for (const name of validFixtures()) {
      const r = parsed(name);
      const o = oracle(fixture(name));
      const sorted = (a: string[]) => [...a].sort();
      const got = {
        noticeId: r.noticeId,
        version: r.version,
        procedureId: r.procedureId,
        type: r.type,
        subtype: r.subtype,
        issueDate: r.issueDate,
        mainCpv: r.mainCpv,
        allCpv: sorted([r.mainCpv!, ...r.additionalCpv]),
        strategic: {
          bt06: sorted(r.strategic.bt06),
          bt774: sorted(r.strategic.bt774),
          bt775: sorted(r.strategic.bt775),
          bt776: sorted(r.strategic.bt776),
          bt805: sorted(r.strategic.bt805),
        },
        reservedParticipation: sorted(r.reservedParticipation),
        reservedExecution: r.reservedExecution,
        criterionTypes: sorted(r.awardCriteria.map((c) => c.type)),
        lots: r.lots.length,
        buyerName: r.buyer.name,
        buyerCountry: r.buyer.country,
        tendersReceived: r.tendersReceived,
        smeTenders: r.smeTenders,
      };
      assert.deepEqual(got, o, name);
    }
  });

  it('reads the maximal contract notice: strategic codes, reservations, value, weighted award criteria', () => {
    const r = parsed('cn_24_maximal.xml');
    assert.equal(r.noticeId, '14549263-b47b-4e59-96a1-2d0d13e19343');
    assert.equal(r.version, 3);
    assert.equal(r.procedureId, 'aff2863e-b4cc-4e91-baba-b3b85f709117');
    assert.deepEqual([r.formType, r.type, r.subtype, r.issueDate], ['competition', 'cn-standard', '16', '2023-03-23']);
    assert.deepEqual(r.buyer, {
      name: 'Financial Adinistration for ...',
      legalId: '998298',
      nuts: 'LU000',
      country: 'LUX',
    });
    assert.equal(r.mainCpv, '79710000');
    assert.deepEqual(r.strategic, {
      bt06: ['env-imp'],
      bt774: ['clim-mitig'],
      bt775: ['acc-all'],
      bt776: ['proc-innov'],
      bt805: [],
    });
    assert.deepEqual(r.reservedParticipation, ['res-pub-ser']);
    assert.equal(r.reservedExecution, true);
    assert.deepEqual([r.estimatedValue, r.currency], [9999999.99, 'EUR']);
    assert.deepEqual(r.lots[0].awardCriteria, [
      { type: 'cost', weight: 60, weightKind: 'per-exa' },
      { type: 'quality', weight: 40, weightKind: 'per-exa' },
    ]);
    assert.equal(r.nonPriceWeight, 40, 'quality 40 of 100; cost counts with price');
    assert.equal(r.lots[0].submissionDeadline, null, 'this example gives no deadline');
    assert.equal(parsed('cn_24_minimal.xml').lots[0].submissionDeadline, '2020-02-04');
  });

  it('reads award notices: tenders received and from SMEs, the price-only criterion', () => {
    const r = parsed('can_24_minimal.xml');
    assert.deepEqual(r.buyer, { name: 'Rouen Habitat', legalId: '123 456 789', nuts: 'FRD22', country: 'FRA' });
    assert.deepEqual([r.formType, r.type, r.mainCpv], ['result', 'can-standard', '77310000']);
    assert.deepEqual([r.tendersReceived, r.smeTenders], [3, 1]);
    assert.equal(r.nonPriceWeight, 0);
    const none = parsed('can_24_no_tenders.xml');
    assert.deepEqual([none.tendersReceived, none.smeTenders], [null, null]);
  });

  it('computes the non-price weight from percentages, and reads planning and change notices', () => {
    assert.equal(parsed('cn_24_open.xml').nonPriceWeight, 25, 'quality 15 + 5 + 3 + 2 against price 75');
    assert.equal(parsed('cn_24_multilingual.xml').nonPriceWeight, 70);
    assert.equal(parsed('cn-social_24.xml').nonPriceWeight, null, 'price and quality without weights');
    const pin = parsed('pin-only_24_lots.xml');
    assert.deepEqual([pin.formType, pin.procedureId, pin.lots.length], ['planning', null, 10]);
    const change = parsed('change-cn_24_void.xml');
    assert.equal(change.changes, 'f42be27e-09cf-4f0e-a745-63ec689631e6-01');
    assert.equal(change.procedureId, parsed('cn_24_minimal.xml').procedureId);
  });

  it('reads GPP criteria and added strategic codes', () => {
    const xml = variant('cn_24_minimal.xml', {
      add: [
        { list: 'gpp-criteria', code: 'eu' },
        { list: 'strategic-procurement', code: 'soc-obj' },
        { list: 'strategic-procurement', code: 'none' },
      ],
    });
    const r = parseNotice(xml);
    assert.ok(r.ok);
    assert.deepEqual(r.record.strategic.bt805, ['eu']);
    assert.deepEqual(r.record.strategic.bt06, ['soc-obj']);
  });

  it('refuses each invalid SDK example, naming what is missing', () => {
    assert.equal(invalidFixtures().length, 3);
    for (const name of invalidFixtures()) {
      const result = parseNotice(fixture(name));
      assert.equal(result.ok, false, name);
      if (result.ok) continue;
      const fields = result.problems.map((p) => p.params?.field);
      for (const field of ['BT-701', 'BT-757', 'BT-04', 'OPT-300', 'BT-262'])
        assert.ok(fields.includes(field), `${name}: ${field}`);
      assert.ok(result.problems.every((p) => p.messageKey === 'observatory.problems.missing'));
    }
  });

  it('refuses malformed XML, other documents, bad codes and hostile XML without expanding anything', () => {
    const problemOf = (xml: string) => {
      const r = parseNotice(xml);
      if (r.ok) assert.fail('accepted');
      return r.problems[0];
    };
    assert.equal(problemOf('<ContractNotice><cbc:ID>').messageKey, 'observatory.problems.malformed');
    assert.deepEqual(problemOf('<Invoice/>'), {
      messageKey: 'observatory.problems.not_a_notice',
      params: { root: 'Invoice' },
    });
    assert.equal(problemOf('not xml at all').messageKey, 'observatory.problems.malformed');
    const badCpv = parseNotice(variant('cn_24_minimal.xml', { cpv: '7223' }));
    assert.ok(!badCpv.ok && badCpv.problems.some((p) => p.params?.field === 'BT-263' && p.params.value === '7223'));
    const badDate = parseNotice(variant('cn_24_minimal.xml', { issueDate: 'yesterday' }));
    assert.ok(!badDate.ok && badDate.problems.some((p) => p.params?.field === 'BT-05'));
    assert.equal(
      problemOf(fixture('cn_24_minimal.xml').replace('<ContractNotice', '<!DOCTYPE x>\n<ContractNotice')).messageKey,
      'observatory.problems.doctype',
    );
  });
});
