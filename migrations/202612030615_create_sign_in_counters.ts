// Failed sign-ins counted per e-mail address (known or not, so an unknown address locks like a real one),
// keyed by a hash of the address; the lock is counted and checked in one statement before the password.
// They replace users.failed_sign_ins and users.locked_until, which are no longer read or written.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sign_in_counters', (t) => {
    t.string('address_hash', 64).primary();
    t.integer('attempts').notNullable();
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sign_in_counters');
}
