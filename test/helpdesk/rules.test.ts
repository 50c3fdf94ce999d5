// The helpdesk's pure rules: status moves, who handles a ticket, who may publish a FAQ, who answers a theme.
import assert from 'node:assert/strict';
import { THEMES } from '../../server/clauses/vocabulary';
import { canHandle, canPublishFaq } from '../../server/helpdesk/permissions';
import { answeringOrganisation, COORDINATION_ORG, THEME_ORGANISATION } from '../../server/helpdesk/routing';
import { OBSTACLES, STATUS_MOVES, TICKET_STATUSES } from '../../server/helpdesk/vocabulary';
import { catalogs } from '../../server/i18n/catalog';

const facilitator = (orgCode: string) => ({ roles: ['facilitator'], orgCode });
const coordinator = { roles: ['coordinator'], orgCode: 'coordination_cell' };
const editor = { roles: ['editor'], orgCode: 'actiris' };

describe('helpdesk rules', () => {
  it('let every status move somewhere, never to itself, and a closed ticket only reopen', () => {
    for (const status of TICKET_STATUSES) {
      assert.ok(STATUS_MOVES[status].length > 0, status);
      assert.ok(!STATUS_MOVES[status].includes(status), status);
    }
    assert.deepEqual(STATUS_MOVES.closed, ['open']);
    assert.ok(STATUS_MOVES.answered.includes('open'), 'an answered ticket can be reopened');
    assert.ok(!STATUS_MOVES.new.includes('answered'), 'a ticket is answered by a reply, not by a status change');
  });

  it('let coordinators handle every ticket, facilitators those of their organisation, nobody else', () => {
    const ticket = { orgCode: 'actiris' };
    assert.equal(canHandle(coordinator, ticket), true);
    assert.equal(canHandle(facilitator('actiris'), ticket), true);
    assert.equal(canHandle(facilitator('innoviris'), ticket), false);
    assert.equal(canHandle(editor, ticket), false);
    assert.equal(canHandle({ ...facilitator('actiris'), disabledAt: new Date() }, ticket), false);
  });

  it('let a FAQ come only from an answered or closed ticket its handler may handle', () => {
    for (const status of TICKET_STATUSES)
      assert.equal(
        canPublishFaq(facilitator('actiris'), { orgCode: 'actiris', status }),
        status === 'answered' || status === 'closed',
        status,
      );
    assert.equal(canPublishFaq(facilitator('innoviris'), { orgCode: 'actiris', status: 'answered' }), false);
  });

  it('route each theme to its facilitator organisation and anything else to the coordination cell', () => {
    for (const theme of THEMES) assert.equal(answeringOrganisation(theme), THEME_ORGANISATION[theme]);
    assert.equal(answeringOrganisation('social'), 'actiris');
    assert.equal(answeringOrganisation(undefined), COORDINATION_ORG);
  });

  it('know the obstacles the strategy names, each with a label in both languages', () => {
    for (const code of ['administrative_burden', 'cash_flow', 'turnover_requirements', 'weak_sustainability_weight'])
      assert.ok((OBSTACLES as readonly string[]).includes(code), code);
    for (const code of OBSTACLES)
      for (const lang of ['nl', 'fr'] as const)
        assert.ok(catalogs[lang].has(`helpdesk.obstacles.${code}`), `${lang} ${code}`);
  });
});
