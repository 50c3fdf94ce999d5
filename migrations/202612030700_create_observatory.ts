// The procurement observatory: published eForms notices (one row per notice, its latest version), the library
// categories each notice maps to, and which notice is the latest of its procedure (the one the figures count).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notices', (t) => {
    t.string('notice_id', 100).primary();
    t.integer('version').notNullable();
    // ContractFolderID; planning notices without a procedure have none and are listed, not counted.
    t.string('procedure_id', 100).nullable();
    t.string('form_type', 30).notNullable();
    t.string('notice_type', 30).notNullable();
    t.string('notice_subtype', 10).notNullable();
    t.string('issue_date', 10).notNullable();
    // Sorts the notices of a procedure: issue date and time, then version.
    t.string('issued_key', 40).notNullable();
    t.string('buyer_name', 500).notNullable();
    t.string('buyer_legal_id', 100).nullable();
    t.string('buyer_nuts', 10).nullable();
    t.string('buyer_country', 3).nullable();
    t.string('main_cpv', 8).nullable();
    t.float('estimated_value').nullable();
    t.string('currency', 3).nullable();
    t.boolean('env_imp').notNullable();
    t.boolean('soc_obj').notNullable();
    t.boolean('inn_pur').notNullable();
    t.boolean('gpp').notNullable();
    t.boolean('reserved').notNullable();
    // Share of the award weight on criteria other than price (0–100), when the notice gives weights.
    t.float('non_price_weight').nullable();
    t.integer('tenders_received').nullable();
    t.integer('sme_tenders').nullable();
    t.boolean('is_latest').notNullable();
    // The whole parsed notice (lots, codes, criteria, dates) as JSON, for the list and the API.
    t.text('record').notNullable();
    t.string('source', 300).notNullable();
    t.timestamp('imported_at', { useTz: true }).notNullable();
    t.index(['procedure_id']);
    t.index(['is_latest', 'buyer_nuts', 'issue_date']);
  });

  await knex.schema.createTable('notice_categories', (t) => {
    t.string('notice_id', 100).notNullable().references('notice_id').inTable('notices').onDelete('CASCADE');
    t.string('category_code', 40).notNullable();
    t.primary(['notice_id', 'category_code']);
    t.index(['category_code']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notice_categories');
  await knex.schema.dropTable('notices');
}
