import { z } from 'zod';
import { normaliseCode, SITE_KINDS } from '../domain/fee-schedule';
import type * as T from '../types';
import { ADMIN_ONLY, ALL, channel, id, money, required, version } from './define';

export const feeScheduleFields = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'Code is required.')
      .max(20, 'At most 20 characters.')
      .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'Use letters, digits, dots or dashes, e.g. D2393.')
      .transform(normaliseCode),
    shortName: required('Short name', 80),
    defaultFee: money,
    defaultMinutes: z.number().int('Minutes are a whole number.').min(0, 'Minutes cannot be negative.').max(24 * 60, 'At most a day.').nullish().transform((v) => v ?? null),
    siteKind: z.enum(SITE_KINDS),
    surfaceCount: z.number().int().min(1, 'From 1 to 6 surfaces.').max(6, 'From 1 to 6 surfaces.').nullish().transform((v) => v ?? null),
    surfaceCountOrMore: z.boolean().default(false),
    retired: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.surfaceCount !== null && v.siteKind !== 'surfaces') {
      ctx.addIssue({ code: 'custom', path: ['surfaceCount'], message: 'Only a code charted on surfaces has a surface count.' });
    }
    if (v.surfaceCountOrMore && v.surfaceCount === null) {
      ctx.addIssue({ code: 'custom', path: ['surfaceCount'], message: '"Or more" needs a surface count.' });
    }
  });

export const feeScheduleContract = {
  /** Every code, retired ones included (marked), in code order. */
  'feeSchedule.list': channel<T.FeeScheduleEntry[]>()({ input: z.object({}), roles: ALL }),
  /** Creates a code (no id) or updates one (id and the version read). Retiring is `retired: true`. */
  'feeSchedule.save': channel<T.FeeScheduleEntry>()({
    input: feeScheduleFields.and(z.object({ id: id.optional(), version: version.optional() })).superRefine((v, ctx) => {
      if (v.id && v.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'Name the version you are changing.' });
    }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
} as const;
