// Back office for the self-audit: questionnaires and aggregate statistics (stub).
import type { GuardedRouter } from '../admin/guarded.ts';

export function safeguardingAdminRoutes(_pages: GuardedRouter, _api: GuardedRouter): void {}
