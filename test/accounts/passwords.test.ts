import assert from 'node:assert/strict';
import { breachedPasswordCount, hashPassword, passwordProblems, verifyPassword } from '../../server/accounts/passwords';

describe('password rules', () => {
  it('ship a list of at least 10,000 breached passwords', () => {
    assert.ok(breachedPasswordCount() >= 10_000, `only ${breachedPasswordCount()}`);
  });

  it('refuse fewer than 8 characters', () => {
    assert.deepEqual(passwordProblems('short7!'), ['accounts.password_too_short']);
  });

  it('accept up to 128 characters and refuse more', () => {
    assert.deepEqual(passwordProblems('x'.repeat(64) + ' a long passphrase'), []);
    assert.deepEqual(passwordProblems('y'.repeat(129)), ['accounts.password_too_long']);
  });

  it('refuse common breached passwords whatever their case', () => {
    assert.deepEqual(passwordProblems('password'), ['accounts.password_common']);
    assert.deepEqual(passwordProblems('Iloveyou1'), ['accounts.password_common']);
  });

  it('refuse the e-mail address as password', () => {
    assert.deepEqual(passwordProblems('jan.peeters@gov.brussels', 'Jan.Peeters@gov.brussels'), [
      'accounts.password_is_email',
    ]);
  });

  it('hash with argon2id and verify', async () => {
    const hash = await hashPassword('a long and quiet river 42');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'a long and quiet river 42'), true);
    assert.equal(await verifyPassword(hash, 'a long and quiet river 43'), false);
  });
});
