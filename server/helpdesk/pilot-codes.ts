// Pilot codes (MPDI 10): a code on a question marks the buyer's pilot project, answered sooner.
import type { Knex } from 'knex';
import { toIso } from '../db/time';

export interface PilotCode {
  code: string;
  description: string;
  active: boolean;
}

const toPilotCode = (row: Record<string, unknown>): PilotCode => ({
  code: String(row.code),
  description: String(row.description),
  active: row.active === true || row.active === 1,
});

export class PilotCodeRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<PilotCode[]> {
    return ((await this.db('pilot_codes').orderBy('created_at', 'desc')) as Record<string, unknown>[]).map(toPilotCode);
  }

  async find(code: string): Promise<PilotCode | undefined> {
    const row = (await this.db('pilot_codes').where({ code }).first()) as Record<string, unknown> | undefined;
    return row ? toPilotCode(row) : undefined;
  }

  /** The active code as it was registered, whatever the case the buyer typed it in. */
  async findActive(typed: string): Promise<PilotCode | undefined> {
    const row = (await this.db('pilot_codes')
      .whereRaw('upper(code) = ?', [typed.toUpperCase()])
      .where({ active: true })
      .first()) as Record<string, unknown> | undefined;
    return row ? toPilotCode(row) : undefined;
  }

  async add(code: string, description: string, at: Date): Promise<void> {
    await this.db('pilot_codes').insert({ code, description, active: true, created_at: toIso(at) });
  }

  async setActive(code: string, active: boolean): Promise<void> {
    await this.db('pilot_codes').where({ code }).update({ active });
  }
}
