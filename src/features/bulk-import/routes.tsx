// Back office: bulk-import. Registers its pages and API routes on the two guarded routers.
import type { GuardedRouter } from '../admin/guarded.ts';

export function bulkImportRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  void pages;
  void api;
}
