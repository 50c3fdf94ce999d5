// The helpdesk: tickets routed to facilitator organisations, their messages and history, clause links,
// obstacles, canned answers, pilot codes, FAQ entries, and one-time tracking tokens (stored hashed).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pilot_codes', (t) => {
    t.string('code', 40).primary();
    t.string('description', 300).notNullable();
    t.boolean('active').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('ticket_sequences', (t) => {
    t.integer('year').primary();
    t.integer('last').notNullable();
  });

  await knex.schema.createTable('tickets', (t) => {
    t.increments('id').primary();
    t.string('reference', 20).notNullable().unique();
    t.text('question').notNullable();
    t.string('theme', 20).nullable();
    t.string('category', 40).nullable();
    t.string('stage', 20).nullable();
    t.string('tender_reference', 100).nullable();
    t.string('pilot_code', 40).nullable().references('code').inTable('pilot_codes').onDelete('SET NULL');
    t.boolean('is_pilot').notNullable();
    t.string('status', 20).notNullable();
    t.string('org_code', 40).notNullable().references('code').inTable('organisations');
    t.integer('assignee_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('requester_name', 200).nullable();
    t.string('requester_email', 254).nullable();
    t.string('requester_org', 200).nullable();
    t.string('lang', 2).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.timestamp('first_response_at', { useTz: true }).nullable();
    // Business hours from creation to first response, kept so the monitoring need not recompute them.
    t.float('first_response_hours').nullable();
    t.timestamp('answered_at', { useTz: true }).nullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.timestamp('anonymised_at', { useTz: true }).nullable();
    t.index(['org_code', 'status']);
    t.index(['created_at']);
    t.index(['org_code', 'created_at']);
    t.index(['requester_email']);
  });

  await knex.schema.createTable('ticket_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('ticket_messages', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.string('kind', 20).notNullable();
    t.integer('author_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('author_name', 200).nullable();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ticket_id']);
  });

  await knex.schema.createTable('ticket_events', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.timestamp('at', { useTz: true }).notNullable();
    t.integer('actor_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('actor_label', 200).nullable();
    t.string('field', 40).notNullable();
    t.text('old_value').nullable();
    t.text('new_value').nullable();
    t.index(['ticket_id']);
  });

  await knex.schema.createTable('ticket_obstacles', (t) => {
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.string('obstacle', 40).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['ticket_id', 'obstacle']);
  });

  await knex.schema.createTable('ticket_clause_links', (t) => {
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.string('clause_id', 20).notNullable().references('id').inTable('clauses').onDelete('CASCADE');
    t.boolean('clause_problem').notNullable();
    t.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['ticket_id', 'clause_id']);
  });

  await knex.schema.createTable('canned_answers', (t) => {
    t.increments('id').primary();
    t.string('org_code', 40).notNullable().references('code').inTable('organisations');
    t.string('title', 200).notNullable();
    t.text('body_nl').notNullable();
    t.text('body_fr').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('faq_entries', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').nullable().references('id').inTable('tickets').onDelete('SET NULL');
    t.text('question_nl').notNullable();
    t.text('question_fr').notNullable();
    t.text('answer_nl').notNullable();
    t.text('answer_fr').notNullable();
    t.string('theme', 20).nullable();
    t.string('category', 40).nullable();
    t.string('status', 20).notNullable();
    t.integer('version').notNullable();
    t.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'faq_entries',
    'canned_answers',
    'ticket_clause_links',
    'ticket_obstacles',
    'ticket_events',
    'ticket_messages',
    'ticket_tokens',
    'tickets',
    'ticket_sequences',
    'pilot_codes',
  ]) {
    await knex.schema.dropTable(table);
  }
}
