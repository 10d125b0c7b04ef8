import { z } from 'zod';
import { VISIT_STATUSES } from '../domain/status';
import type * as T from '../types';
import { ALL, channel, id, isoDate, optionalId, optionalText, pageInput, required, timeOfDay, version } from './define';

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
const header = {
  providerId: id,
  date: isoDate,
  time: nullableTime,
  notes: optionalText(4000),
  /** A second visit for the patient on one day is usually a double click: refused unless confirmed. */
  confirmSameDay: z.boolean().default(false),
};
const ref = z.object({ id, version });

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
  /** The visit did not happen: cancels its planned procedures at once, with the reason. Refused once work has started. */
  'visits.cancel': channel<T.VisitSummary>()({
    input: ref.extend({ reason: required('Reason', 500) }),
    roles: ALL,
    writes: true,
  }),
  /** Removes a visit made by mistake: only while nothing on it was started, completed, claimed or used. */
  'visits.remove': channel<{ id: string }>()({
    input: ref,
    roles: ALL,
    writes: true,
  }),
  /** The patient's other visits on a day: the new-visit form warns before a second one. */
  'visits.onDay': channel<T.VisitSummary[]>()({ input: z.object({ patientId: id, date: isoDate }), roles: ALL }),
  /** Who changed the visit and when, from the audit trail. */
  'visits.history': channel<T.HistoryEntry[]>()({ input: z.object({ id }), roles: ALL }),
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
