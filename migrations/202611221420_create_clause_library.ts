// The clause library: categories, clauses with immutable versions, buyer feedback, and usage events
// (clause viewed / added / template generated) that the monitoring counts, without personal data.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('categories', (t) => {
    t.string('code', 40).primary();
    t.integer('position').notNullable();
    t.string('name_nl', 200).notNullable();
    t.string('name_fr', 200).notNullable();
    t.text('intro_nl').notNullable();
    t.text('intro_fr').notNullable();
    t.text('cpv').notNullable();
  });

  await knex.schema.createTable('clauses', (t) => {
    t.string('id', 20).primary();
    t.string('status', 20).notNullable().index();
    t.string('theme', 20).notNullable();
    t.string('stage', 30).notNullable();
    t.string('level', 20).notNullable();
    t.string('owner_org', 40).notNullable().references('code').inTable('organisations');
    t.integer('latest_version').notNullable();
    t.integer('published_version').nullable();
    t.string('reviewed_on', 10).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('clause_versions', (t) => {
    t.increments('id').primary();
    t.string('clause_id', 20).notNullable().references('id').inTable('clauses').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.string('status', 20).notNullable();
    t.text('content').notNullable();
    t.text('reason').notNullable();
    t.integer('author_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('author_name', 200).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.integer('published_by_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('published_at', { useTz: true }).nullable();
    t.unique(['clause_id', 'version']);
  });

  await knex.schema.createTable('clause_categories', (t) => {
    t.string('clause_id', 20).notNullable().references('id').inTable('clauses').onDelete('CASCADE');
    t.string('category_code', 40).notNullable().references('code').inTable('categories');
    t.primary(['clause_id', 'category_code']);
  });

  await knex.schema.createTable('clause_feedback', (t) => {
    t.increments('id').primary();
    t.string('clause_id', 20).notNullable().references('id').inTable('clauses').onDelete('CASCADE');
    t.integer('clause_version').notNullable();
    t.string('kind', 20).notNullable();
    t.text('comment').nullable();
    t.string('lang', 2).notNullable();
    t.string('source', 20).notNullable();
    t.integer('ticket_id').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('handled_at', { useTz: true }).nullable();
    t.index(['clause_id', 'created_at']);
  });

  await knex.schema.createTable('usage_events', (t) => {
    t.increments('id').primary();
    t.string('kind', 40).notNullable();
    t.string('clause_id', 20).nullable();
    t.string('category', 40).nullable();
    t.string('theme', 20).nullable();
    t.string('level', 20).nullable();
    // Groups the rows of one generated document (one row per theme it holds); random, not personal.
    t.string('document_id', 40).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['kind', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'usage_events',
    'clause_feedback',
    'clause_categories',
    'clause_versions',
    'clauses',
    'categories',
  ]) {
    await knex.schema.dropTable(table);
  }
}
