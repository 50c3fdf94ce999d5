// A facilitator's unsent drafts on a ticket page (public reply and internal note): read from the one form that
// holds both panels, and kept in the session across the redirect after one of them is sent.
import type { Request } from 'express';
import { bodyString } from '../http/forms';
import { POSTED_TEXT_CAP } from './vocabulary';

export type Drafts = { reply?: string; note?: string };

/** The drafts of both panels, as posted (the ticket page is one form: reply, note and canned answers). */
export function postedDrafts(req: Request): Drafts {
  const drafts: Drafts = {};
  const reply = bodyString(req, 'body', POSTED_TEXT_CAP);
  const note = bodyString(req, 'note', POSTED_TEXT_CAP);
  if (reply.trim()) drafts.reply = reply;
  if (note.trim()) drafts.note = note;
  return drafts;
}

export function keepDrafts(req: Request, ticketId: number, drafts: Drafts): void {
  if (!req.session || Object.keys(drafts).length === 0) return;
  req.session.ticketDrafts = { ...req.session.ticketDrafts, [ticketId]: drafts };
}

export function takeDrafts(req: Request, ticketId: number): Drafts {
  const drafts = req.session?.ticketDrafts?.[ticketId] ?? {};
  if (req.session?.ticketDrafts?.[ticketId]) delete req.session.ticketDrafts[ticketId];
  return drafts;
}
