// A resource follows the back office's shared workflow (src/features/admin/workflow.ts), under the
// names the editor uses.
export {
  WORKFLOW_STATES as RESOURCE_STATES,
  TRANSITIONS,
  transitionFor,
  transitionTo,
  mayTransition,
  type WorkflowState as ResourceState,
  type TransitionAction,
  type Transition,
} from '../admin/workflow.ts';
