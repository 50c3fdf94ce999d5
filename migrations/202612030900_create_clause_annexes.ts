// The annexes of the clause library (price-breakdown models, worksheets, calendars, methods, lists of proofs),
// imported from clauses/_annexes/ with the clauses; one row per annex, its bilingual document as JSON.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clause_annexes', (t) => {
    t.string('id', 40).primary();
    t.text('content').notNullable();
    t.string('reviewed_on', 10).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('clause_annexes');
}
