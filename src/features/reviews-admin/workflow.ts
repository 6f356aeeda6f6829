// A review edition follows the back office's shared workflow without "unarchive" (as a model-law
// edition does): a draft is assessed, submitted for review, published (then public and read-only)
// and archived when superseded.
import { transitionFor, type EditionAction, type Transition, type WorkflowState } from '../admin/workflow.ts';

export { EDITION_TRANSITIONS, mayTransition, type EditionAction } from '../admin/workflow.ts';

export type EditionStatus = WorkflowState;

/** Assessments, imports and recommendations change only while the edition is being prepared. */
export const EDITABLE_STATUSES: readonly EditionStatus[] = ['draft', 'in_review'];

export function isEditable(status: EditionStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

export function editionTransition(action: EditionAction): Transition<EditionAction> {
  return transitionFor(action);
}
