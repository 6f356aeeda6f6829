// The workflow of a review edition, like a resource's: a draft is assessed, submitted for review,
// published (then public and read-only) and archived when superseded.
import { can, type Permission, type Role } from '../auth/roles.ts';

export type EditionStatus = 'draft' | 'in_review' | 'published' | 'archived';
export const EDITION_STATUSES: readonly EditionStatus[] = ['draft', 'in_review', 'published', 'archived'];

/** Assessments, imports and recommendations change only while the edition is being prepared. */
export const EDITABLE_STATUSES: readonly EditionStatus[] = ['draft', 'in_review'];

export function isEditable(status: EditionStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

export type EditionAction = 'submit' | 'publish' | 'send_back' | 'archive';

export type EditionTransition = { action: EditionAction; from: readonly EditionStatus[]; to: EditionStatus; permission: Permission; path: string };

export const EDITION_TRANSITIONS: readonly EditionTransition[] = [
  { action: 'submit', from: ['draft'], to: 'in_review', permission: 'content.submit', path: '/submit' },
  { action: 'publish', from: ['in_review', 'draft'], to: 'published', permission: 'content.publish', path: '/publish' },
  { action: 'send_back', from: ['in_review'], to: 'draft', permission: 'content.sendBack', path: '/send-back' },
  { action: 'archive', from: ['published'], to: 'archived', permission: 'content.archive', path: '/archive' },
];

export function editionTransition(action: EditionAction): EditionTransition {
  return EDITION_TRANSITIONS.find((t) => t.action === action)!;
}

/** A reviewer publishes what was submitted; editors and administrators may also publish a draft directly. */
export function mayTransition(role: Role, transition: EditionTransition, from: EditionStatus): boolean {
  if (!transition.from.includes(from) || !can(role, transition.permission)) return false;
  if (transition.action === 'publish' && from === 'draft') return can(role, 'content.edit');
  return true;
}
