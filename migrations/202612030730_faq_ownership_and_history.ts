// FAQ entries belong to the organisation that answered the ticket, come from one ticket at most, and keep every
// edit as a version (author and time). Existing entries get their ticket's organisation (else the coordination
// cell) and their current text as version rows; a ticket published twice keeps its link on the oldest entry.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('faq_entries', (t) => {
    t.string('org_code', 40).nullable();
  });
  await knex('faq_entries').update({
    org_code: knex('tickets').select('org_code').where('tickets.id', knex.ref('faq_entries.ticket_id')),
  });
  await knex('faq_entries').whereNull('org_code').update({ org_code: 'coordination_cell' });
  const firsts = knex('faq_entries').min('id').whereNotNull('ticket_id').groupBy('ticket_id');
  await knex('faq_entries').whereNotNull('ticket_id').whereNotIn('id', firsts).update({ ticket_id: null });
  await knex.schema.alterTable('faq_entries', (t) => {
    t.unique(['ticket_id']);
  });

  await knex.schema.createTable('faq_entry_versions', (t) => {
    t.increments('id').primary();
    t.integer('faq_id').notNullable().references('id').inTable('faq_entries').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.text('question_nl').notNullable();
    t.text('question_fr').notNullable();
    t.text('answer_nl').notNullable();
    t.text('answer_fr').notNullable();
    t.string('status', 20).notNullable();
    t.integer('author_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('author_name', 200).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['faq_id', 'version']);
  });
  const entries = (await knex('faq_entries').select()) as Record<string, unknown>[];
  for (const e of entries)
    await knex('faq_entry_versions').insert({
      faq_id: e.id,
      version: e.version,
      question_nl: e.question_nl,
      question_fr: e.question_fr,
      answer_nl: e.answer_nl,
      answer_fr: e.answer_fr,
      status: e.status,
      author_user_id: e.created_by ?? null,
      author_name: null,
      created_at: e.updated_at,
    });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('faq_entry_versions');
  await knex.schema.alterTable('faq_entries', (t) => {
    t.dropUnique(['ticket_id']);
    t.dropColumn('org_code');
  });
}
