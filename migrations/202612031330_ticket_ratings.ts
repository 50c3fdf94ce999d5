// The requester's satisfaction with the helpdesk's answer: one rating (1–5, optional comment) per ticket.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ticket_ratings', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().unique().references('id').inTable('tickets').onDelete('CASCADE');
    t.integer('score').notNullable();
    // Personal data like the messages: removed by retention and erasure, the score stays for the figures.
    t.text('comment').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ticket_ratings');
}
