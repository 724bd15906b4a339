/** The roles a user of the HTTP API can hold; each user has exactly one. */
export const ROLES = ['editor', 'broadcaster', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a request may do. Evidence has no alter or delete permission at all: the log is
 * append-only, and no role is given a way to change it.
 */
export type Permission =
  | 'queue:read'
  | 'queue:write'
  | 'rundown:read'
  | 'rundown:write'
  | 'status:read'
  | 'evidence:read'
  | 'evidence:add'
  | 'evidence:export'
  | 'audit:read'
  | 'users:admin';

/**
 * Who may do what. Editors run content and the queue; broadcasters read rundowns and record
 * what aired; auditors read everything, export evidence and run audits but write nothing;
 * admins manage users and tokens.
 */
export const PERMISSIONS: Record<Permission, readonly Role[]> = {
  'queue:read': ['editor', 'auditor'],
  'queue:write': ['editor'],
  'rundown:read': ['editor', 'broadcaster', 'auditor'],
  'rundown:write': ['editor', 'broadcaster'],
  'status:read': ['editor', 'broadcaster', 'auditor'],
  'evidence:read': ['editor', 'auditor'],
  'evidence:add': ['editor'],
  'evidence:export': ['auditor'],
  'audit:read': ['editor', 'auditor'],
  'users:admin': ['admin'],
};

/** Whether a role holds a permission. */
export function allows(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

/** Narrows a string to a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who acted and when, for the rows the auth modules write. */
export interface AuthActor {
  actor: string;
  /** UTC ISO instant. */
  at: string;
}

/** A user that a token belongs to, as a request sees it. */
export interface AuthUser {
  name: string;
  role: Role;
}
