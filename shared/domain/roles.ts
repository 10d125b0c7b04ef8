export const ROLES = ['ADMIN', 'DENTIST', 'HYGIENIST', 'ASSISTANT', 'FRONT_DESK'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  DENTIST: 'Dentist',
  HYGIENIST: 'Hygienist',
  ASSISTANT: 'Assistant',
  FRONT_DESK: 'Front desk',
};

/** Roles that treat patients and can be a visit's provider. */
export const PROVIDER_ROLES: readonly Role[] = ['DENTIST', 'HYGIENIST'];

/**
 * Whether a user with `role` is a provider. Dentists and hygienists always
 * are, assistants and the front desk never; an administrator is when they
 * say so (`asked`), else keeps what they had (`current`). A request that
 * contradicts the role is refused, never quietly corrected.
 */
export function decideProvider(role: Role, asked: boolean | undefined, current = false): { provider: boolean } | { refused: string } {
  if (PROVIDER_ROLES.includes(role)) {
    return asked === false ? { refused: `A ${ROLE_LABELS[role].toLowerCase()} is always a provider.` } : { provider: true };
  }
  if (role !== 'ADMIN') {
    return asked === true ? { refused: 'Only dentists, hygienists and administrators can be providers.' } : { provider: false };
  }
  return { provider: asked ?? current };
}
