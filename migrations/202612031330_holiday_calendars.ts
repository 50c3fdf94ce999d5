// Each organisation follows a holiday calendar: the federal Belgian public holidays for all, plus the days the
// Brussels regional public services close (`brussels_regional`, see server/helpdesk/closing-days.ts for the
// source). Coordinators add closing days for one organisation or for all (org_code null).
import type { Knex } from 'knex';

/** Bodies under the 2018 statute of the regional public services and bodies of public interest (SPR/OIP). */
const REGIONAL_BODIES = ['environment_brussels', 'innoviris', 'economy_employment', 'actiris', 'coordination_cell'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('organisations', (t) => {
    t.string('holiday_calendar', 20).notNullable().defaultTo('federal');
  });
  await knex('organisations').whereIn('code', REGIONAL_BODIES).update({ holiday_calendar: 'brussels_regional' });

  await knex.schema.createTable('closing_days', (t) => {
    t.increments('id').primary();
    t.string('day', 10).notNullable();
    t.string('org_code', 40).nullable().references('code').inTable('organisations').onDelete('CASCADE');
    t.string('label', 200).nullable();
    t.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['day']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('closing_days');
  await knex.schema.alterTable('organisations', (t) => {
    t.dropColumn('holiday_calendar');
  });
}
