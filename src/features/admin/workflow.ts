// The editorial workflow shared by everything the back office publishes (resources, model-law
// editions, review editions): which state may follow which, through which action, with which
// permission. Only 'published' is public; every other state is visible in the back office only.
import { can, type Permission, type Role } from '../auth/roles.ts';

export type WorkflowState = 'draft' | 'in_review' | 'published' | 'archived';
export const WORKFLOW_STATES: readonly WorkflowState[] = ['draft', 'in_review', 'published', 'archived'];

export type TransitionAction = 'submit' | 'publish' | 'send_back' | 'archive' | 'unarchive';

/** `path`: the action's URL segment under the item, e.g. POST …/send-back. */
export type Transition<Action extends TransitionAction = TransitionAction> = { action: Action; from: readonly WorkflowState[]; to: WorkflowState; permission: Permission; path: string };

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft'], to: 'in_review', permission: 'content.submit', path: '/submit' },
  { action: 'publish', from: ['in_review', 'draft'], to: 'published', permission: 'content.publish', path: '/publish' },
  { action: 'send_back', from: ['in_review'], to: 'draft', permission: 'content.sendBack', path: '/send-back' },
  { action: 'archive', from: ['published'], to: 'archived', permission: 'content.archive', path: '/archive' },
  { action: 'unarchive', from: ['archived'], to: 'draft', permission: 'content.archive', path: '/unarchive' },
];

/** An edition that is superseded stays archived: a change is made in a new draft edition instead. */
export type EditionAction = Exclude<TransitionAction, 'unarchive'>;
export const EDITION_TRANSITIONS: readonly Transition<EditionAction>[] = TRANSITIONS.filter(
  (t): t is Transition<EditionAction> => t.action !== 'unarchive',
);

export function transitionFor<Action extends TransitionAction>(action: Action): Transition<Action> {
  return TRANSITIONS.find((t): t is Transition<Action> => t.action === action)!;
}

/** The transition that leads from one state to another, if the workflow has one. */
export function transitionTo(from: WorkflowState, to: WorkflowState): Transition | undefined {
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

/**
 * Whether this role may take this transition from this state. Publishing a draft directly skips the
 * review: editors and admins may, a reviewer reviews what was submitted.
 */
export function mayTransition(role: Role, transition: Transition, from: WorkflowState): boolean {
  if (!transition.from.includes(from) || !can(role, transition.permission)) return false;
  if (transition.action === 'publish' && from === 'draft') return can(role, 'content.edit');
  return true;
}

/** The workflow has no such step from the current state, or the role may not take it. */
export class TransitionRefusedError extends Error {
  constructor(
    readonly action: TransitionAction,
    readonly from: WorkflowState,
    readonly reason: 'state' | 'role',
  ) {
    super(`cannot ${action} an item that is ${from} (${reason})`);
  }
}

/** Throws TransitionRefusedError unless the role may take this transition from this state. */
export function checkTransition(role: Role, transition: Transition, from: WorkflowState): void {
  if (!transition.from.includes(from)) throw new TransitionRefusedError(transition.action, from, 'state');
  if (!mayTransition(role, transition, from)) throw new TransitionRefusedError(transition.action, from, 'role');
}
