// The search thesaurus (clauses/_thesaurus.yaml), imported like the clauses so every instance builds the
// same index from the database: one row per concept group, its terms per language as JSON.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('search_thesaurus_groups', (t) => {
    t.string('id', 80).primary();
    t.integer('position').notNullable();
    t.string('category', 40).nullable();
    t.text('terms').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('search_thesaurus_groups');
}
