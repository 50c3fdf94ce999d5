// The buyer's selection of clauses for a tender template, kept in the session (no account needed).
import type { Request } from 'express';
import { MAX_CLAUSES } from './model';

export interface SelectedClause {
  id: string;
  /** The version the buyer saw when adding it: a later revision is pointed out before download. */
  version: number;
}

declare module 'express-session' {
  interface SessionData {
    tenderSelection?: SelectedClause[];
  }
}

/** A selection holds at most as many clauses as one tender document. */
export const MAX_SELECTION = MAX_CLAUSES;

export function selection(req: Request): SelectedClause[] {
  return req.session?.tenderSelection ?? [];
}

export function addToSelection(req: Request, clause: SelectedClause): boolean {
  const current = selection(req);
  if (current.some((c) => c.id === clause.id) || current.length >= MAX_SELECTION) return false;
  req.session.tenderSelection = [...current, clause];
  return true;
}

export function removeFromSelection(req: Request, id: string): void {
  req.session.tenderSelection = selection(req).filter((c) => c.id !== id);
}

export function replaceSelection(req: Request, clauses: SelectedClause[]): void {
  req.session.tenderSelection = clauses.slice(0, MAX_SELECTION);
}
