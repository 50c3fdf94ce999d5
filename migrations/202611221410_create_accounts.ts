// Staff accounts: organisations (seeded), users and their roles, one-time links, audit log, mail outbox,
// and shared counters for rate limits (in the database so that every instance sees them).
import type { Knex } from 'knex';

const ORGANISATIONS = [
  {
    code: 'environment_brussels',
    name_nl: 'Leefmilieu Brussel',
    name_fr: 'Bruxelles Environnement',
    kind: 'facilitator',
  },
  { code: 'innoviris', name_nl: 'Innoviris', name_fr: 'Innoviris', kind: 'facilitator' },
  {
    code: 'economy_employment',
    name_nl: 'Brussel Economie en Werkgelegenheid',
    name_fr: 'Bruxelles Économie et Emploi',
    kind: 'facilitator',
  },
  { code: 'actiris', name_nl: 'Actiris', name_fr: 'Actiris', kind: 'facilitator' },
  {
    code: 'price_observatory',
    name_nl: 'Observatorium van de referentieprijzen',
    name_fr: 'Observatoire des prix de référence',
    kind: 'facilitator',
  },
  {
    code: 'coordination_cell',
    name_nl: 'Coördinatiecel DOO/IOO/KMO+',
    name_fr: 'Cellule de coordination MPD/MPI/PME+',
    kind: 'coordination',
  },
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (t) => {
    t.string('code', 40).primary();
    t.string('name_nl', 200).notNullable();
    t.string('name_fr', 200).notNullable();
    t.string('kind', 20).notNullable();
    t.string('queue_email', 254).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  const createdAt = new Date().toISOString();
  await knex('organisations').insert(ORGANISATIONS.map((org) => ({ ...org, created_at: createdAt })));

  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('password_hash', 255).nullable();
    t.string('org_code', 40).nullable().references('code').inTable('organisations');
    t.string('preferred_lang', 2).notNullable().defaultTo('nl');
    t.integer('session_epoch').notNullable().defaultTo(0);
    t.integer('failed_sign_ins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true }).nullable();
    t.timestamp('disabled_at', { useTz: true }).nullable();
    t.timestamp('last_sign_in_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('user_roles', (t) => {
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('role', 20).notNullable();
    t.primary(['user_id', 'role']);
  });

  await knex.schema.createTable('one_time_tokens', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('purpose', 20).notNullable();
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.timestamp('at', { useTz: true }).notNullable();
    t.string('event', 60).notNullable().index();
    t.integer('actor_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.integer('target_user_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.string('ip', 64).nullable();
    t.text('details').nullable();
  });

  await knex.schema.createTable('mail_outbox', (t) => {
    t.increments('id').primary();
    t.string('recipient', 254).notNullable();
    t.string('subject', 300).notNullable();
    t.text('body').nullable();
    t.string('lang', 2).notNullable();
    t.string('transport', 10).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.text('error').nullable();
  });

  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 200).primary();
    t.integer('hits').notNullable();
    t.timestamp('reset_at', { useTz: true }).notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'rate_limits',
    'mail_outbox',
    'audit_log',
    'one_time_tokens',
    'user_roles',
    'users',
    'organisations',
  ]) {
    await knex.schema.dropTable(table);
  }
}
