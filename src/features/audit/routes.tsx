// Back office: audit. Registers its pages and API routes on the two guarded routers.
import type { GuardedRouter } from '../admin/guarded.ts';

export function auditRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  void pages;
  void api;
}
