// What every request handler can reach through c.var.
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { Config } from '../config.ts';
import type { PageContext } from './context.ts';
import type { Labels } from '../features/library/labels.ts';
import type { User } from '../features/auth/users.ts';

export type AppEnv = {
  Variables: {
    db: Db;
    config: Config;
    log: Logger;
    requestId: string;
    /** The page's language context: from the URL prefix for pages, from ?lang or Accept-Language for the API. */
    ctx: PageContext;
    labels: () => Promise<Labels>;
    /** The signed-in user, when the request carries a live session cookie. */
    user: User | undefined;
    /** The session's CSRF token (signed in), or the pre-session one for the sign-in form. */
    csrfToken: string | undefined;
    /** The client address, for throttling and the audit log. */
    clientIp: string;
  };
};
