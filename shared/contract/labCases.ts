import { z } from 'zod';
import type * as T from '../types';
import { ALL, channel, id, isoDate, money, optionalId, optionalText, version } from './define';

/** The quality check before seating is clinical work. */
const CHECKERS = ['ADMIN', 'DENTIST', 'ASSISTANT'] as const;

/** What the practice writes on the case: the same fields when opening and when editing. */
export const labCaseDetails = z.object({
  labId: id,
  shade: optionalText(40),
  instructions: optionalText(2000),
  notes: optionalText(2000),
  trackingNo: optionalText(60),
  labFee: money.nullish().transform((v) => v ?? null),
  /** Set by hand; when sending without one, the lab's turnaround in working days decides. */
  dueDate: isoDate.nullish().transform((v) => v ?? null),
});

/** A dated step; the day defaults to today on the main process's clock. */
const step = z.object({ id, version });
const stepDay = isoDate.optional();

export const labCasesContract = {
  /** Opens the lab case of a procedure (planned or in progress); one live case per procedure. */
  'labCases.open': channel<T.LabCase>()({
    input: labCaseDetails.extend({ procedureId: id }),
    roles: ALL,
    writes: true,
  }),
  /** One case by id, or a procedure's case by procedureId: its live case, else its last cancelled one, else null. */
  'labCases.get': channel<{ labCase: T.LabCase | null }>()({
    input: z
      .object({ id: id.optional(), procedureId: id.optional() })
      .refine((v) => (v.id === undefined) !== (v.procedureId === undefined), { message: 'Name either the case (id) or its procedure (procedureId).' }),
    roles: ALL,
  }),
  /** Changes the case's details under its version; once back from the lab only notes, tracking number and lab fee. */
  'labCases.update': channel<T.LabCase>()({ input: labCaseDetails.extend({ id, version }), roles: ALL, writes: true }),
  /** Marks the case sent (the procedure becomes SENT_TO_LAB); the due date defaults from the lab's turnaround. */
  'labCases.send': channel<T.LabCase>()({
    input: step.extend({ sentDate: stepDay, dueDate: isoDate.nullish().transform((v) => v ?? null), trackingNo: optionalText(60) }),
    roles: ALL,
    writes: true,
  }),
  /** Marks the case back from the lab (the procedure becomes RECEIVED). */
  'labCases.receive': channel<T.LabCase>()({ input: step.extend({ receivedDate: stepDay }), roles: ALL, writes: true }),
  /** Records the quality check before seating. */
  'labCases.check': channel<T.LabCase>()({ input: step.extend({ checkedDate: stepDay }), roles: CHECKERS, writes: true }),
  /** Cancels a case not yet sent, with a reason; the procedure may get a new one. */
  'labCases.cancel': channel<T.LabCase>()({
    input: step.extend({ reason: z.string().trim().min(1, 'Say why the case is cancelled.').max(300, 'At most 300 characters.') }),
    roles: ALL,
    writes: true,
  }),
  /** Every case in flight, by column, filtered by lab and provider; at most `limit` cards per column, all counted. */
  'labCases.board': channel<T.LabBoard>()({
    input: z.object({ labId: optionalId, providerId: optionalId, limit: z.number().int().min(1).max(1000).default(200) }),
    roles: ALL,
  }),
  /** The open notices about lab cases, newest first: one per case, its latest. */
  'reminders.list': channel<T.Reminder[]>()({ input: z.object({}), roles: ALL }),
  /** Dismisses a notice for everyone; the job raises it again on a later day if the case is still late. */
  'reminders.dismiss': channel<{ id: string }>()({ input: z.object({ id }), roles: ALL, writes: true }),
} as const;
