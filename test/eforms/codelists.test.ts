import assert from 'node:assert/strict';
import { codeLabel, codelist, CODELIST_FILES, type CodelistName } from '../../server/eforms/codelists';

describe('eForms code lists', () => {
  it('reads every list the product uses, with a Dutch and a French label for each code', () => {
    for (const name of Object.keys(CODELIST_FILES) as CodelistName[]) {
      const list = codelist(name);
      assert.ok(list.size > 0, `${name} has codes`);
      for (const entry of list.values()) {
        assert.ok(entry.labels.nl.length > 0 && entry.labels.fr.length > 0, `${name}/${entry.code} has labels`);
      }
    }
  });

  it('gives the strategic procurement codes and their labels in the page language', () => {
    assert.deepEqual([...codelist('strategic').keys()].sort(), ['env-imp', 'inn-pur', 'none', 'soc-obj']);
    assert.notEqual(codeLabel('strategic', 'soc-obj', 'nl'), codeLabel('strategic', 'soc-obj', 'fr'));
    assert.equal(codeLabel('strategic', 'not-a-code', 'fr'), 'not-a-code');
  });

  it('knows Brussels-Capital as NUTS BE100', () => {
    assert.ok(codelist('nuts').has('BE100'));
  });
});
