// Why a back-office change to a model law was refused. Routes turn these into 404, 409 or a
// message next to a field; the store throws them before writing anything.
import type { EditionStatus } from '../model-law/store.ts';
import type { NodeSnapshot } from './snapshot.ts';

export class EditionNotFoundError extends Error {
  constructor(readonly editionId: string) {
    super(`no model-law edition ${editionId}`);
  }
}

export class NodeNotFoundError extends Error {
  constructor(readonly nodeId: string) {
    super(`no node ${nodeId} in this edition`);
  }
}

/** Only a draft edition changes; a published or archived one is what readers cite. */
export class EditionReadOnlyError extends Error {
  constructor(readonly status: EditionStatus) {
    super(`the edition is ${status}, not a draft: it cannot be changed`);
  }
}

/** Someone changed the node (or edition) since the user loaded it. */
export class StaleVersionError extends Error {
  constructor(
    readonly current: number,
    readonly snapshot?: NodeSnapshot,
  ) {
    super(`stale version: now at version ${current}`);
  }
}

export class KeyTakenError extends Error {
  constructor(readonly key: string) {
    super(`the key ${key} is used in this edition already`);
  }
}

export class LabelTakenError extends Error {
  constructor(readonly label: string) {
    super(`the label ${label} is used by another edition of this law`);
  }
}

/** A chapter or part that still holds something cannot be deleted. */
export class NodeNotEmptyError extends Error {
  constructor(readonly key: string) {
    super(`${key} is not empty`);
  }
}

/** The source named (instrument or national law, and provision) is not in the shipped data. */
export class UnknownSourceError extends Error {
  constructor(
    readonly field: 'instrument' | 'nationalLaw' | 'provision',
    readonly key: string,
    readonly provision: string,
  ) {
    super(`unknown source ${key} ${provision}`);
  }
}

/** The move asked for is not possible (first item moved up, an article into itself, …). */
export class InvalidMoveError extends Error {}

/** The parent chosen for a new or moved node is not a chapter (or part) of this edition. */
export class InvalidParentError extends Error {}

/** The article cites this provision already. */
export class DuplicateSourceError extends Error {}
