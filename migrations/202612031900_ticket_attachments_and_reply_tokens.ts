// Files attached to a ticket (its question, a buyer's reply, a staff reply or note), kept in the database so every
// instance serves them; and the reply addresses of e-mails to the buyer (only the hash of each token is stored).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('ticket_attachments', (t) => {
    t.increments('id').primary();
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    // Null: attached to the question itself, which is a column of the ticket, not a message.
    t.integer('message_id').nullable().references('id').inTable('ticket_messages').onDelete('CASCADE');
    t.string('filename', 255).notNullable();
    t.string('media_type', 100).notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ticket_id']);
    t.index(['message_id']);
  });

  await knex.schema.createTable('ticket_reply_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['ticket_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('ticket_reply_tokens');
  await knex.schema.dropTable('ticket_attachments');
}
