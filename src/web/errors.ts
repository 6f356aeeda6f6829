// Errors with a stable code, rendered in the request's locale as a page or as JSON.
import type { MessageKey, MessageValues } from '../i18n/messages.ts';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly messageKey: MessageKey,
    readonly values: MessageValues = {},
    /** The offending input field or parameter, when there is one. */
    readonly field?: string,
  ) {
    super(messageKey);
  }

  get code(): string {
    return this.messageKey.replace(/^error\./, '');
  }
}

export const notFound = () => new HttpError(404, 'error.notFound');
