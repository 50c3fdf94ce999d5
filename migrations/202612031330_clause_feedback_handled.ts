// Editors mark clause feedback as handled, naming the clause version that addressed it (handled_at existed).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clause_feedback', (t) => {
    t.integer('handled_version').nullable();
    t.integer('handled_by').nullable().references('id').inTable('users').onDelete('SET NULL');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clause_feedback', (t) => {
    t.dropForeign(['handled_by']);
  });
  await knex.schema.alterTable('clause_feedback', (t) => {
    t.dropColumn('handled_version');
    t.dropColumn('handled_by');
  });
}
