// The staff helpdesk: a version per ticket (two facilitators acting at once: the second gets a 409, not a lost
// write), the alerts already sent per ticket (one row per ticket and kind, so several instances send each once),
// and the queue filters a facilitator saves under a name.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tickets', (t) => {
    t.integer('version').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('ticket_alerts', (t) => {
    t.integer('ticket_id').notNullable().references('id').inTable('tickets').onDelete('CASCADE');
    t.string('kind', 20).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['ticket_id', 'kind']);
  });

  await knex.schema.createTable('staff_saved_views', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('name', 100).notNullable();
    t.string('query', 1000).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['user_id', 'name']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('staff_saved_views');
  await knex.schema.dropTable('ticket_alerts');
  await knex.schema.alterTable('tickets', (t) => {
    t.dropColumn('version');
  });
}
