import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

export function ErrorPage({ ctx, status, message, hint }: { ctx: PageContext; status: number; message: string; hint?: string }) {
  return (
    <Layout ctx={ctx} title={`${ctx.t('error.title')} ${status}`}>
      <h1>{message}</h1>
      {hint ? <p>{hint}</p> : null}
      <p>
        <a href={`/${ctx.locale}`}>{ctx.t('error.goHome')}</a>
      </p>
    </Layout>
  );
}
