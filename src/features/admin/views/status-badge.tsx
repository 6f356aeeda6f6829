// Every workflow item (questionnaire, edition) shows its state with the same words and class, so that
// one stylesheet rule colours them all.
import type { PageContext } from '../../../web/context.ts';
import type { WorkflowState } from '../workflow.ts';

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: WorkflowState }) {
  return <span class={`status status-${status}`}>{ctx.t(`admin.state.${status}`)}</span>;
}
