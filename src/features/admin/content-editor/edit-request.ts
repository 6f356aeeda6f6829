// What every content editor's create and edit page takes from the request: who is editing, what they
// may change, and the topics and countries to choose from. (Apart from http.ts, which the editor's
// form module itself uses, so that neither imports the other.)
import type { Context } from 'hono';
import type { AppEnv } from '../../../web/env.ts';
import { editScope } from '../../editor/form.ts';
import { vocabularyChoices } from './vocabulary.ts';

export async function editPageBasics(c: Context<AppEnv>) {
  const { db, ctx, user, csrfToken } = c.var;
  return { ctx, user: user!, csrfToken, scope: editScope(user!), choices: await vocabularyChoices(db) };
}
