import { allows, PERMISSIONS, type Permission, type Role } from '../../auth/roles.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';

/** One entry of the menu: a page and what it takes to open it. */
export interface MenuEntry {
  path: string;
  label: MessageCode;
  /** The permission the page's route requires; none: every signed-in user. */
  permission?: Permission;
}

/** The pages, in menu order; each route requires the same permission as its entry. */
export const MENU: readonly MenuEntry[] = [
  { path: '/', label: 'PAGE_HOME' },
  { path: '/queue', label: 'PAGE_QUEUE', permission: 'queue:read' },
  { path: '/calendar', label: 'PAGE_CALENDAR', permission: 'status:read' },
  { path: '/quotas', label: 'PAGE_QUOTAS', permission: 'audit:read' },
  { path: '/rundown', label: 'PAGE_RUNDOWN', permission: 'rundown:read' },
  { path: '/evidence', label: 'PAGE_EVIDENCE', permission: 'evidence:read' },
  { path: '/admin', label: 'PAGE_ADMIN', permission: 'users:admin' },
];

/** The menu entries a role may open. */
export function menuOf(role: Role): MenuEntry[] {
  return MENU.filter((e) => e.permission === undefined || allows(role, e.permission));
}

const ROLE_WORDS: Record<Role, MessageCode> = {
  editor: 'ROLE_EDITOR',
  broadcaster: 'ROLE_BROADCASTER',
  auditor: 'ROLE_AUDITOR',
  admin: 'ROLE_ADMIN',
};

/** A role in words (`biên tập viên`). */
export function roleWord(role: Role): string {
  return message(ROLE_WORDS[role]);
}

const PERMISSION_WORDS: Record<Permission, MessageCode> = {
  'queue:read': 'PERM_QUEUE_READ',
  'queue:write': 'PERM_QUEUE_WRITE',
  'rundown:read': 'PERM_RUNDOWN_READ',
  'rundown:write': 'PERM_RUNDOWN_WRITE',
  'status:read': 'PERM_STATUS_READ',
  'evidence:read': 'PERM_EVIDENCE_READ',
  'evidence:add': 'PERM_EVIDENCE_ADD',
  'evidence:export': 'PERM_EVIDENCE_EXPORT',
  'audit:read': 'PERM_AUDIT_READ',
  'users:admin': 'PERM_USERS_ADMIN',
};

/** What a permission lets one do, in words (`duyệt, rút và đặt lịch bài`). */
export function permissionWords(permission: Permission): string {
  return message(PERMISSION_WORDS[permission]);
}

/** The roles that hold a permission, in words, joined (`biên tập viên hoặc kiểm tra viên`). */
export function rolesWithWords(permission: Permission): string {
  const words = PERMISSIONS[permission].map(roleWord);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${message('PAGE_OR')} ${words.at(-1)}`;
}
