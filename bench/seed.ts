// Bulk data for benchmarks: many tickets (with obstacles and answers) and usage events, spread over a year.
import type { Knex } from 'knex';
import { THEMES } from '../server/clauses/vocabulary';
import { THEME_ORGANISATION } from '../server/helpdesk/routing';
import { OBSTACLES, TICKET_STAGES } from '../server/helpdesk/vocabulary';

const CATEGORIES = [
  'cleaning',
  'construction',
  'catering',
  'it',
  'office_supplies',
  'furniture',
  'vehicles',
  'textiles',
  'energy',
  'green_spaces',
  'events',
  'security',
  'reuse',
];

export async function seedTickets(db: Knex, count: number, year: number): Promise<void> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const start = Date.UTC(year, 0, 1);
  const span = Date.UTC(year, 11, 31) - start;
  await db('ticket_sequences').insert({ year, last: count }).onConflict('year').merge();
  const batch: Record<string, unknown>[] = [];
  const obstacles: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.batchInsert('tickets', batch.splice(0), 500);
    if (obstacles.length > 0) await db.batchInsert('ticket_obstacles', obstacles.splice(0), 500);
  };
  for (let i = 1; i <= count; i += 1) {
    const created = new Date(start + Math.floor(random() * span));
    const theme = random() < 0.1 ? null : pick(THEMES);
    const answered = random() < 0.75;
    const hours = answered ? Math.round(random() * 60 * 10) / 10 : null;
    const due = new Date(created.getTime() + 3 * 86_400_000);
    const first = answered ? new Date(created.getTime() + (hours ?? 0) * 3_600_000 * 2.5) : null;
    batch.push({
      id: i,
      reference: `HD-${year}-${String(i).padStart(6, '0')}`,
      question: 'Vraag over duurzame aankopen in een bestek.',
      theme,
      category: random() < 0.2 ? null : pick(CATEGORIES),
      stage: random() < 0.3 ? null : pick(TICKET_STAGES),
      is_pilot: random() < 0.05,
      status: answered ? (random() < 0.6 ? 'closed' : 'answered') : 'new',
      org_code: theme ? THEME_ORGANISATION[theme] : 'coordination_cell',
      requester_name: 'Bench',
      requester_email: `bench${i}@example.org`,
      requester_org: 'Bench',
      lang: random() < 0.5 ? 'nl' : 'fr',
      created_at: created.toISOString(),
      updated_at: created.toISOString(),
      due_at: due.toISOString(),
      first_response_at: first?.toISOString() ?? null,
      first_response_hours: hours,
      answered_at: first?.toISOString() ?? null,
    });
    if (random() < 0.5) obstacles.push({ ticket_id: i, obstacle: pick(OBSTACLES), created_at: created.toISOString() });
    if (batch.length >= 5000) await flush();
  }
  await flush();
}

export async function seedUsage(db: Knex, count: number, year: number, clauseIds: string[]): Promise<void> {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = Date.UTC(year, 0, 1);
  const span = Date.UTC(year, 11, 31) - start;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = random() < 0.8 ? 'clause_viewed' : random() < 0.8 ? 'clause_added' : 'template_generated';
    rows.push({
      kind,
      clause_id: kind === 'template_generated' ? null : clauseIds[Math.floor(random() * clauseIds.length)],
      category: kind === 'template_generated' ? 'cleaning' : null,
      theme: kind === 'template_generated' ? 'social' : null,
      level: null,
      document_id: kind === 'template_generated' ? `doc-${i}` : null,
      created_at: new Date(start + Math.floor(random() * span)).toISOString(),
    });
  }
  await db.batchInsert('usage_events', rows, 500);
}
