// A resource in any state, rendered by the public page's own component, under a banner that says it
// is a preview and whether the public can see it.
import type { PageContext } from '../../../web/context.ts';
import type { Attachment } from '../../attachments/store.ts';
import type { Labels } from '../../library/labels.ts';
import { ResourcePage } from '../../library/resource-view.tsx';
import type { Resource } from '../../library/store.ts';
import type { ResourceState } from '../workflow.ts';
import { editorPath } from './common.tsx';

type Props = { ctx: PageContext; resource: Resource; related: Resource[]; labels: Labels; attachments: Attachment[] };

export function PreviewPage({ ctx, resource, related, labels, attachments }: Props) {
  const { t, locale } = ctx;
  const status = resource.status as ResourceState;
  const banner = (
    <div class={`notice editor-preview-banner status-${status}`} role="note" aria-label={t('editor.preview.label')}>
      <p>
        <strong>{status === 'published' ? t('editor.preview.public', { state: t(`admin.state.${status}`) }) : t('editor.preview.notPublic', { state: t(`admin.state.${status}`) })}</strong>
      </p>
      <p>
        <a href={editorPath(locale, resource.id)}>{t('editor.backToEdit')}</a>
      </p>
    </div>
  );
  // A link that is not http(s) (stored before validation existed, or by hand) is not offered as a link.
  const safe = { ...resource, link: resource.link && /^https?:\/\//i.test(resource.link) ? resource.link : null };
  return <ResourcePage ctx={ctx} resource={safe} related={related} labels={labels} attachments={attachments} banner={banner} />;
}
