import { z } from 'zod';
import type * as T from '../types';
import { ALL, channel, email, id, optionalText, phone, required, version } from './define';

/** Who keeps the lab directory: the administrator, the dentists and the front desk who phone the labs. */
const LAB_KEEPERS = ['ADMIN', 'DENTIST', 'FRONT_DESK'] as const;

export const labFields = z.object({
  name: required('Name', 120),
  phone,
  email,
  address: optionalText(300),
  notes: optionalText(2000),
  turnaroundDays: z.number().int('Turnaround is a whole number of working days.').min(0, 'Turnaround cannot be negative.').max(365, 'At most 365 working days.'),
  hidden: z.boolean().default(false),
});

export const labsContract = {
  /** The lab directory by name; hidden labs only with `includeHidden`. */
  'labs.list': channel<T.Lab[]>()({ input: z.object({ includeHidden: z.boolean().default(false) }), roles: ALL }),
  /** Creates a lab (no id) or updates one (id and the version read); `hidden: true` hides it. */
  'labs.save': channel<T.Lab>()({
    input: labFields.and(z.object({ id: id.optional(), version: version.optional() })).superRefine((v, ctx) => {
      if (v.id && v.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'Name the version you are changing.' });
    }),
    roles: LAB_KEEPERS,
    writes: true,
  }),
} as const;
