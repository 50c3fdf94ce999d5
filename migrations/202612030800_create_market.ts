// The market engagement pool (MPDI 9, 4, 11): planned procurements announced by buyers, firms that follow
// categories, the notifications owed to them, the agenda with registrations, purchasing centrals and their
// framework contracts. One-time links are stored as SHA-256 hashes only. Also lets the mail outbox keep the
// extra headers and attachments of a message (List-Unsubscribe, an .ics invitation).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('market_announcements', (t) => {
    t.increments('id').primary();
    t.string('status', 20).notNullable();
    t.string('title', 300).notNullable();
    t.string('authority', 200).notNullable();
    t.string('category', 40).notNullable();
    t.string('cpv', 10).nullable();
    t.string('theme', 20).nullable();
    t.string('org_code', 40).notNullable().references('code').inTable('organisations');
    t.string('value_range', 20).notNullable();
    t.string('quarter', 7).notNullable();
    t.integer('lots').notNullable();
    t.boolean('consultation_planned').notNullable();
    t.string('consultation_date', 10).nullable();
    t.string('consultation_place', 300).nullable();
    t.string('contact_email', 254).notNullable();
    t.string('contact_phone', 40).nullable();
    t.text('description_nl').nullable();
    t.text('description_fr').nullable();
    t.string('submitter_email', 254).nullable();
    t.string('lang', 2).notNullable();
    t.text('review_reason').nullable();
    t.string('confirm_token_hash', 64).nullable().unique();
    t.string('edit_token_hash', 64).nullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.timestamp('published_at', { useTz: true }).nullable();
    t.timestamp('closed_at', { useTz: true }).nullable();
    t.timestamp('anonymised_at', { useTz: true }).nullable();
    t.index(['status', 'category']);
    t.index(['submitter_email']);
  });

  await knex.schema.createTable('market_subscribers', (t) => {
    t.increments('id').primary();
    t.string('email', 254).notNullable();
    t.string('lang', 2).notNullable();
    t.text('categories').notNullable();
    t.text('cpv_prefixes').notNullable();
    t.boolean('is_sme').notNullable();
    t.boolean('is_social_economy').notNullable();
    t.boolean('immediate').notNullable();
    t.string('status', 20).notNullable();
    t.string('confirm_token_hash', 64).nullable().unique();
    t.string('unsubscribe_token_hash', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.timestamp('last_digest_at', { useTz: true }).nullable();
    t.index(['email']);
    t.index(['status']);
  });

  await knex.schema.createTable('market_events', (t) => {
    t.increments('id').primary();
    t.string('org_code', 40).notNullable().references('code').inTable('organisations');
    t.string('type', 30).notNullable();
    t.string('title_nl', 300).notNullable();
    t.string('title_fr', 300).notNullable();
    t.text('description_nl').notNullable();
    t.text('description_fr').notNullable();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.string('place', 300).nullable();
    t.string('online_url', 500).nullable();
    t.string('language', 20).notNullable();
    t.string('category', 40).nullable();
    t.integer('announcement_id').nullable().references('id').inTable('market_announcements').onDelete('SET NULL');
    t.integer('capacity').notNullable();
    t.string('status', 20).notNullable();
    t.integer('sequence').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['starts_at']);
  });

  await knex.schema.createTable('market_registrations', (t) => {
    t.increments('id').primary();
    t.integer('event_id').notNullable().references('id').inTable('market_events').onDelete('CASCADE');
    t.string('name', 200).nullable();
    t.string('email', 254).nullable();
    t.string('organisation', 200).nullable();
    t.string('lang', 2).notNullable();
    t.string('status', 20).notNullable();
    t.string('confirm_token_hash', 64).nullable().unique();
    t.string('cancel_token_hash', 64).nullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('confirmed_at', { useTz: true }).nullable();
    t.timestamp('cancelled_at', { useTz: true }).nullable();
    t.timestamp('anonymised_at', { useTz: true }).nullable();
    t.index(['event_id', 'status']);
    t.index(['email']);
  });

  // What each confirmed subscriber is owed; the unique key makes a second publication of the same item a no-op.
  await knex.schema.createTable('market_notifications', (t) => {
    t.increments('id').primary();
    t.integer('subscriber_id').notNullable().references('id').inTable('market_subscribers').onDelete('CASCADE');
    t.string('item_kind', 20).notNullable();
    t.integer('item_id').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('sent_at', { useTz: true }).nullable();
    t.unique(['subscriber_id', 'item_kind', 'item_id']);
    t.index(['sent_at']);
  });

  await knex.schema.createTable('market_centrals', (t) => {
    t.increments('id').primary();
    t.string('name_nl', 200).notNullable();
    t.string('name_fr', 200).notNullable();
    t.string('level', 20).notNullable();
    t.string('website', 500).nullable();
    t.string('contact_email', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('market_frameworks', (t) => {
    t.increments('id').primary();
    t.integer('central_id').notNullable().references('id').inTable('market_centrals').onDelete('CASCADE');
    t.string('category', 40).notNullable();
    t.string('title_nl', 300).notNullable();
    t.string('title_fr', 300).notNullable();
    t.text('scope_nl').notNullable();
    t.text('scope_fr').notNullable();
    t.text('cpv').notNullable();
    t.string('ends_on', 10).notNullable();
    t.text('who_may_join_nl').notNullable();
    t.text('who_may_join_fr').notNullable();
    t.string('contact_email', 254).notNullable();
    t.text('clause_ids').notNullable();
    t.text('sustainability_nl').nullable();
    t.text('sustainability_fr').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['category', 'ends_on']);
  });

  await knex.schema.alterTable('mail_outbox', (t) => {
    t.text('extras').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mail_outbox', (t) => {
    t.dropColumn('extras');
  });
  for (const table of [
    'market_frameworks',
    'market_centrals',
    'market_notifications',
    'market_registrations',
    'market_events',
    'market_subscribers',
    'market_announcements',
  ]) {
    await knex.schema.dropTable(table);
  }
}
