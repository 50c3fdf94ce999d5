import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBelgianNumber, readNumber } from '../../server/i18n/numbers';
import { formatAmount, formatNumber, NBSP } from '../../server/i18n/format';
import { LANGUAGES } from '../../server/i18n/languages';

const value = (text: string) => {
  const parsed = parseBelgianNumber(text);
  assert.ok(parsed.ok, `${JSON.stringify(text)} should read as a number`);
  return parsed.value;
};

describe('Belgian number input', () => {
  it('reads the ways a Belgian buyer writes amounts', () => {
    assert.equal(value('480.000'), 480_000);
    assert.equal(value('480 000'), 480_000);
    assert.equal(value('480000'), 480_000);
    assert.equal(value('1.250.000,50'), 1_250_000.5);
    assert.equal(value('1 250 000,50'), 1_250_000.5);
    assert.equal(value(`1${NBSP}250${NBSP}000,50`), 1_250_000.5);
    assert.equal(value('1\u202F250\u202F000,50'), 1_250_000.5, 'as Intl formats French numbers');
    assert.equal(value('7,5'), 7.5);
    assert.equal(value('0,250'), 0.25);
    assert.equal(value('1.250'), 1250, 'a point before three digits groups thousands');
  });

  it('takes a point that cannot group thousands as a decimal point', () => {
    assert.equal(value('7.5'), 7.5);
    assert.equal(value('0.25'), 0.25);
    assert.equal(value('0.250'), 0.25);
  });

  it('lets a currency or percent sign around the number pass', () => {
    assert.equal(value('480.000 €'), 480_000);
    assert.equal(value('€ 480.000'), 480_000);
    assert.equal(value('480 000 euros'), 480_000);
    assert.equal(value('5 %'), 5);
  });

  it('calls ambiguous what could be read two ways', () => {
    for (const text of ['12.50.000', '1 250.000', '1,2,3', '1234.567', '0480.000', '1.250,000,5'])
      assert.deepEqual(parseBelgianNumber(text), { ok: false, problem: 'ambiguous' }, text);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'beaucoup', '48 0000', '1.', '1,', ',5', '12a', '1e5', 'Infinity'])
      assert.deepEqual(parseBelgianNumber(text), { ok: false, problem: 'invalid' }, text);
  });

  it('reads back every amount as either language formats it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 0, max: 99 }), (euros, cents) => {
        const amount = euros + cents / 100;
        for (const lang of LANGUAGES) {
          assert.equal(value(formatNumber(lang, amount, 2, 2)), Number(amount.toFixed(2)));
          assert.equal(value(formatNumber(lang, euros, 0)), euros);
        }
        assert.equal(value(String(euros)), euros);
      }),
    );
  });

  it('reads grouped integers with points or spaces alike (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), (n) => {
        const groups = n.toLocaleString('en-US').split(',');
        assert.equal(value(groups.join('.')), n);
        assert.equal(value(groups.join(' ')), n);
        assert.equal(value(`${groups.join('.')},5`), n + 0.5);
      }),
    );
  });

  it('never throws and never answers a number that is not finite (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9., ]{0,20}$/)), (text) => {
        const parsed = parseBelgianNumber(text);
        if (parsed.ok) assert.ok(Number.isFinite(parsed.value));
        else assert.ok(parsed.problem === 'invalid' || parsed.problem === 'ambiguous');
      }),
    );
  });

  it('accepts numbers from JSON as they are', () => {
    assert.deepEqual(readNumber(42.5), { ok: true, value: 42.5 });
    assert.equal(readNumber(Number.NaN).ok, false);
    assert.equal(readNumber(null).ok, false);
  });
});

describe('amounts in documents', () => {
  it('writes the currency once, in the language, joined by a non-breaking space', () => {
    assert.equal(formatAmount('nl', 480_000), `480.000${NBSP}euro`);
    assert.equal(formatAmount('fr', 480_000), `480${NBSP}000${NBSP}euros`);
    assert.equal(formatAmount('nl', 1_250_000.5), `1.250.000,50${NBSP}euro`);
    assert.equal(formatAmount('fr', 1_250_000.5), `1${NBSP}250${NBSP}000,50${NBSP}euros`);
    assert.equal(formatAmount('fr', 1), `1${NBSP}euro`);
    assert.equal(formatAmount('fr', 0.25), `0,25${NBSP}euro`);
  });

  it('never writes EUR nor a breakable space (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, noNaN: true }), (amount) => {
        for (const lang of LANGUAGES) {
          const text = formatAmount(lang, amount);
          assert.doesNotMatch(text, /EUR|€| |\u202F/);
          assert.match(text, /\u00A0euros?$/);
        }
      }),
    );
  });
});
