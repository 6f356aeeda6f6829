// A model-law edition follows the back office's shared workflow without "unarchive": a draft is
// edited, submitted, published (then public and read-only) and archived when superseded. To change
// a published text, make a new draft edition from it.
import { transitionFor, type EditionAction, type Transition } from '../admin/workflow.ts';

export { EDITION_TRANSITIONS, mayTransition, type EditionAction, type Transition as EditionTransition } from '../admin/workflow.ts';

export function editionTransition(action: EditionAction): Transition<EditionAction> {
  return transitionFor(action);
}
