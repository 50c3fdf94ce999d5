// The SQL of the files attached to tickets (table ticket_attachments).
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import type { TicketMessage } from './model';

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

export interface AttachmentInfo {
  id: number;
  ticketId: number;
  /** Null: attached to the question. */
  messageId: number | null;
  /** The kind of the message it came with (null for the question). */
  messageKind: TicketMessage['kind'] | null;
  filename: string;
  mediaType: string;
  size: number;
  createdAt: Date;
}

export interface StoredAttachment extends AttachmentInfo {
  content: Buffer;
}

export interface NewAttachment {
  filename: string;
  mediaType: string;
  content: Buffer;
}

const INFO_COLUMNS = [
  'a.id',
  'a.ticket_id',
  'a.message_id',
  'm.kind as message_kind',
  'a.filename',
  'a.media_type',
  'a.size',
  'a.created_at',
];

function toInfo(row: Row): AttachmentInfo {
  return {
    id: Number(row.id),
    ticketId: Number(row.ticket_id),
    messageId: row.message_id === null || row.message_id === undefined ? null : Number(row.message_id),
    messageKind: (row.message_kind as TicketMessage['kind'] | null) ?? null,
    filename: String(row.filename),
    mediaType: String(row.media_type),
    size: Number(row.size),
    createdAt: toDate(row.created_at)!,
  };
}

export class AttachmentRepository {
  constructor(private readonly db: Knex) {}

  async add(db: Db, ticketId: number, messageId: number | null, files: NewAttachment[], at: Date): Promise<void> {
    for (const file of files)
      await db('ticket_attachments').insert({
        ticket_id: ticketId,
        message_id: messageId,
        filename: file.filename,
        media_type: file.mediaType,
        size: file.content.length,
        content: file.content,
        created_at: toIso(at),
      });
  }

  private base(ticketId: number) {
    return this.db('ticket_attachments as a')
      .leftJoin('ticket_messages as m', 'm.id', 'a.message_id')
      .where('a.ticket_id', ticketId);
  }

  /** A ticket's files, oldest first; `publicOnly` leaves out those of internal notes. */
  async list(ticketId: number, publicOnly: boolean): Promise<AttachmentInfo[]> {
    const query = this.base(ticketId).select(INFO_COLUMNS).orderBy('a.id');
    if (publicOnly) query.where((q) => q.whereNull('a.message_id').orWhereNot('m.kind', 'internal_note'));
    return ((await query) as Row[]).map(toInfo);
  }

  async find(ticketId: number, id: number): Promise<StoredAttachment | undefined> {
    const row = (await this.base(ticketId)
      .where('a.id', id)
      .select([...INFO_COLUMNS, 'a.content'])
      .first()) as Row | undefined;
    return row ? { ...toInfo(row), content: Buffer.from(row.content as Uint8Array) } : undefined;
  }
}
