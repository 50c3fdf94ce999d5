// Builds a generated document from plain data. Runs in a worker thread of the document pool (or, with
// DOCUMENT_WORKERS=0, in the main thread): everything it needs travels in the task, nothing is looked up.
import { actionPlanDocument, type ActionPlanCategory } from './action-plan-document';
import type { ActionPlanRequest } from './model';
import type { TenderPlan } from './plan';
import { tenderDocument } from './tender-document';
import { tenderPackage } from './tender-package';

export type DocumentTask =
  | { kind: 'tender'; plan: TenderPlan; now: Date; categoryName?: string }
  | { kind: 'tender_package'; plan: TenderPlan; now: Date; categoryName?: string; fileStem: string }
  | { kind: 'action_plan'; request: ActionPlanRequest; entries: ActionPlanCategory[]; now: Date };

export async function buildDocument(task: DocumentTask): Promise<Buffer> {
  switch (task.kind) {
    case 'tender':
      return tenderDocument(task.plan, task.now, task.categoryName);
    case 'tender_package':
      return tenderPackage(task.plan, task.now, task.fileStem, task.categoryName);
    case 'action_plan':
      return actionPlanDocument(task.request, task.entries, task.now);
  }
}

/** The pool's entry point: the bytes of the document, moved (not copied) back to the main thread. */
export default async function buildInWorker(task: DocumentTask): Promise<Uint8Array> {
  const { move } = await import('piscina');
  return move(new Uint8Array(await buildDocument(task))) as Uint8Array;
}
