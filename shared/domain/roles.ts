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
