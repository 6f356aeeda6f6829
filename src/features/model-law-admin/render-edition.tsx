// The edition page as an answer: shown after a GET, and again after a refused form with what the
// user typed and why (422).
import { doneNotice, treeOr404, type C } from './http.ts';
import { EditionPage, type EditionForms } from './views/edition-page.tsx';

export async function renderEdition(c: C, forms: EditionForms = {}, status: 200 | 422 = 200) {
  const { ctx, user, csrfToken } = c.var;
  const tree = await treeOr404(c);
  return c.html(<EditionPage ctx={ctx} user={user!} csrfToken={csrfToken} tree={tree} notice={doneNotice(c)} forms={forms} />, status);
}
