import { z } from 'zod';
import { PROCEDURE_STATUSES } from '../domain/status';
import { checkSite } from '../domain/teeth';
import type * as T from '../types';
import { ALL, CLINICAL, channel, id, money, optionalId, optionalText, required, version } from './define';

// Bounded before the site rules run: their messages quote what was typed.
const site = {
  toothNumber: z.string().trim().max(3, 'A tooth is 1-32, A-T, 51-82 or AS-TS.').nullish().transform((v) => (v ? v : null)),
  surfaces: z.array(z.string().max(1, 'A surface is one letter.')).max(8).default([]),
  area: z.string().max(2, 'An area is UR, UL, LR, LL, U or L.').nullish().transform((v) => (v ? v : null)),
};

function refineSite(value: { toothNumber?: string | null; surfaces?: string[]; area?: string | null }, ctx: z.RefinementCtx) {
  for (const issue of checkSite(value).issues) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

export const procedureFields = z
  .object({
    // Upper-cased before the length check: some letters grow when upper-cased ('ß' -> 'SS').
    code: z.string().trim().toUpperCase().min(1, 'Code is required.').max(20, 'At most 20 characters.'),
    name: required('Description', 200),
    ...site,
    quantity: z.number().int('Quantity is a whole number.').min(1, 'Quantity must be at least 1.').max(999, 'Quantity is at most 999.').default(1),
    unitFee: money,
    durationMinutes: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
    performedById: optionalId,
    notes: optionalText(2000),
  })
  .superRefine(refineSite);

export const proceduresContract = {
  'procedures.add': channel<T.Procedure>()({
    input: procedureFields.and(z.object({ visitId: id, correctsProcedureId: optionalId })),
    roles: CLINICAL,
    writes: true,
  }),
  'procedures.update': channel<T.Procedure>()({
    input: procedureFields.and(z.object({ id, version })),
    roles: CLINICAL,
    writes: true,
  }),
  'procedures.setStatus': channel<T.Procedure>()({
    input: z.object({ id, version, status: z.enum(PROCEDURE_STATUSES) }),
    roles: CLINICAL,
    writes: true,
  }),
  /** Who added, changed and moved the procedure, and when, from the audit trail. */
  'procedures.history': channel<T.HistoryEntry[]>()({ input: z.object({ id }), roles: ALL }),
  'procedures.remove': channel<{ id: string }>()({
    input: z.object({ id, version }),
    roles: ['ADMIN', 'DENTIST', 'HYGIENIST'],
    writes: true,
  }),
} as const;
