// Who may do what. Every guarded route names one permission; the table below is the whole policy,
// so that a reviewer of the policy reads one file.
export const ROLES = ['admin', 'editor', 'reviewer', 'translator'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  /** See the back office: lists, previews, history. */
  'backoffice.read': ALL,
  /** Create resources and edit every field. */
  'content.edit': ['admin', 'editor'],
  /** Edit the texts of the locales assigned to the user (editors and admins: every locale). */
  'content.translate': ['admin', 'editor', 'translator'],
  'content.submit': ['admin', 'editor'],
  'content.publish': ['admin', 'editor', 'reviewer'],
  'content.sendBack': ['admin', 'editor', 'reviewer'],
  'content.archive': ['admin', 'editor'],
  'content.import': ['admin', 'editor'],
  /** Accept or reject what the public submitted (practices). */
  'submissions.moderate': ['admin', 'editor', 'reviewer'],
  /** Aggregate statistics of safeguarding self-audits (never a single audit). */
  'safeguarding.stats': ['admin', 'editor'],
  'audit.read': ['admin'],
  'users.manage': ['admin'],
  'backups.manage': ['admin'],
  /** Every signed-in user: their own account (password change, sign out). */
  'account.self': ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
