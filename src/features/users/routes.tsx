// Back office: users. Registers its pages and API routes on the two guarded routers.
import type { GuardedRouter } from '../admin/guarded.ts';

export function usersRoutes(pages: GuardedRouter, api: GuardedRouter): void {
  void pages;
  void api;
}
