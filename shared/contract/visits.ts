import { z } from 'zod';
import { VISIT_STATUSES } from '../domain/status';
import type * as T from '../types';
import { ALL, channel, id, isoDate, optionalId, optionalText, pageInput, timeOfDay, version } from './define';

export const VISIT_SORT_FIELDS = ['date', 'totalCost', 'procedureCount', 'createdAt'] as const;
export type VisitSortField = (typeof VISIT_SORT_FIELDS)[number];
const SORT = new RegExp(`^(${VISIT_SORT_FIELDS.join('|')}),(asc|desc)$`);

/** Exactly "field,dir", as docs/api.md says: nothing more, nothing less. */
const visitSort = z
  .string()
  .max(20, `Sort by one of ${VISIT_SORT_FIELDS.join(', ')}, then asc or desc (e.g. "date,desc").`)
  .default('date,desc')
  .transform((s, ctx) => {
    const m = SORT.exec(s);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `Sort by one of ${VISIT_SORT_FIELDS.join(', ')}, then asc or desc (e.g. "date,desc").` });
      return z.NEVER;
    }
    return { field: m[1] as VisitSortField, dir: m[2] as 'asc' | 'desc' };
  });

const nullableTime = timeOfDay.nullish().transform((v) => v ?? null);
const header = { providerId: id, date: isoDate, time: nullableTime, notes: optionalText(4000) };

export const visitsContract = {
  'visits.create': channel<T.VisitSummary>()({
    input: z.object({ patientId: id, appointmentId: optionalId, ...header }),
    roles: ALL,
    writes: true,
  }),
  'visits.update': channel<T.VisitSummary>()({
    input: z.object({ id, version, ...header }),
    roles: ALL,
    writes: true,
  }),
  'visits.get': channel<T.VisitDetails>()({ input: z.object({ id }), roles: ALL }),
  'visits.listByPatient': channel<T.Page<T.VisitSummary>>()({
    input: z.object({ patientId: id, ...pageInput, sort: visitSort }),
    roles: ALL,
  }),
  'visits.search': channel<T.Page<T.VisitSummary>>()({
    input: z
      .object({
        status: z.enum(VISIT_STATUSES).optional(),
        providerId: id.optional(),
        code: z.string().trim().toUpperCase().max(20, 'At most 20 characters.').optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pageInput,
        sort: visitSort,
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end date is before the start date.' }),
    roles: ALL,
  }),
} as const;
