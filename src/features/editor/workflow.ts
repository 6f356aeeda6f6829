// The editorial workflow: which state may follow which, through which action, with which permission.
// Only 'published' is public; every other state is visible in the back office only.
import type { Permission, Role } from '../auth/roles.ts';
import { can } from '../auth/roles.ts';

export type ResourceState = 'draft' | 'in_review' | 'published' | 'archived';
export const RESOURCE_STATES: readonly ResourceState[] = ['draft', 'in_review', 'published', 'archived'];

export type TransitionAction = 'submit' | 'publish' | 'send_back' | 'archive' | 'unarchive';

export type Transition = { action: TransitionAction; from: readonly ResourceState[]; to: ResourceState; permission: Permission };

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: ['draft'], to: 'in_review', permission: 'content.submit' },
  { action: 'publish', from: ['in_review', 'draft'], to: 'published', permission: 'content.publish' },
  { action: 'send_back', from: ['in_review'], to: 'draft', permission: 'content.sendBack' },
  { action: 'archive', from: ['published'], to: 'archived', permission: 'content.archive' },
  { action: 'unarchive', from: ['archived'], to: 'draft', permission: 'content.archive' },
];

export function transitionFor(action: TransitionAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

/** The transition that leads from one state to another, if the workflow has one. */
export function transitionTo(from: ResourceState, to: ResourceState): Transition | undefined {
  return TRANSITIONS.find((t) => t.to === to && t.from.includes(from));
}

/**
 * Whether this role may take this transition from this state. Publishing a draft directly skips the
 * review: editors and admins may, a reviewer reviews what was submitted.
 */
export function mayTransition(role: Role, transition: Transition, from: ResourceState): boolean {
  if (!transition.from.includes(from) || !can(role, transition.permission)) return false;
  if (transition.action === 'publish' && from === 'draft') return can(role, 'content.edit');
  return true;
}
