// The buyer's selection of clauses for a tender template, kept in the session (no account needed).
import type { Request } from 'express';
import { MAX_CLAUSES } from './model';

export interface SelectedClause {
  id: string;
  /** The version the buyer saw when adding it: a later revision is pointed out before download. */
  version: number;
}

/** What the last add or remove did, shown once beside the clause the buyer returns to. */
export type SelectionChange = 'added' | 'removed' | 'already_added' | 'full';

export interface SelectionNotice {
  id: string;
  change: SelectionChange;
}

declare module 'express-session' {
  interface SessionData {
    tenderSelection?: SelectedClause[];
    selectionNotice?: SelectionNotice;
  }
}

/** A selection holds at most as many clauses as one tender document. */
export const MAX_SELECTION = MAX_CLAUSES;

export function selection(req: Request): SelectedClause[] {
  return req.session?.tenderSelection ?? [];
}

export function isSelected(req: Request, id: string): boolean {
  return selection(req).some((c) => c.id === id);
}

/** Adds a clause unless it is there already or the selection is full; says which. */
export function addToSelection(req: Request, clause: SelectedClause): SelectionChange {
  const current = selection(req);
  if (current.some((c) => c.id === clause.id)) return 'already_added';
  if (current.length >= MAX_SELECTION) return 'full';
  req.session.tenderSelection = [...current, clause];
  return 'added';
}

export function removeFromSelection(req: Request, id: string): void {
  req.session.tenderSelection = selection(req).filter((c) => c.id !== id);
}

export function replaceSelection(req: Request, clauses: SelectedClause[]): void {
  req.session.tenderSelection = clauses.slice(0, MAX_SELECTION);
}
