// Why a back-office change to a review was refused. The stores throw these before anything is
// committed; the routes turn them into 404, 409, 422 or a message next to a field.
import type { EditionStatus } from './workflow.ts';

export class EditionNotFoundError extends Error {
  constructor(readonly editionId: string) {
    super(`no review edition ${editionId}`);
  }
}

/** Published and archived editions are what readers cite: only draft and in-review ones change. */
export class EditionReadOnlyError extends Error {
  constructor(readonly status: EditionStatus) {
    super(`the edition is ${status}: its assessments cannot be changed`);
  }
}

/** Someone saved the item since the user loaded it. */
export class StaleVersionError extends Error {
  constructor(readonly current: number) {
    super(`stale version: now at version ${current}`);
  }
}

export class LabelTakenError extends Error {
  constructor(readonly label: string) {
    super(`the label ${label} is used by another edition of this framework`);
  }
}

/** A framework's weights changed since the form was loaded. */
export class WeightsChangedError extends Error {
  constructor(readonly criteria: string[]) {
    super(`weights changed meanwhile: ${criteria.join(', ')}`);
  }
}

/**
 * Rows of a multi-row form (an assessment grid, a country's ratifications) that someone else saved
 * since the user loaded them, each with what is saved now. Nothing of the form was written.
 */
export class RowConflictError<T> extends Error {
  constructor(readonly rows: RowConflict<T>[]) {
    super(`changed meanwhile: ${rows.map((r) => r.key).join(', ')}`);
  }
}

export type RowConflict<T> = { key: string; version: number; current: T | undefined; updatedBy: string | null; updatedAt: string | null };
