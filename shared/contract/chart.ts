import { z } from 'zod';
import { FINDING_KINDS } from '../domain/findings';
import type * as T from '../types';
import { ALL, CLINICAL, channel, id, isoDate, optionalText, version } from './define';

const tooth = z.string().trim().min(1, 'Pick a tooth.').max(3, 'A tooth is 1-32, A-T, 51-82 or AS-TS.');

export const chartContract = {
  /** The patient's whole mouth: every tooth's procedures and findings, as of a day (default: now). */
  'chart.get': channel<T.ChartData>()({ input: z.object({ patientId: id, asOf: isoDate.optional() }), roles: ALL }),
  /** Records one finding per tooth named (a bridge or several missing teeth in one step). */
  'findings.add': channel<T.Finding[]>()({
    input: z.object({
      patientId: id,
      kind: z.enum(FINDING_KINDS),
      teeth: z.array(tooth).min(1, 'Pick a tooth.').max(32, 'At most 32 teeth at once.'),
      surfaces: z.array(z.string().max(1, 'A surface is one letter.')).max(8).default([]),
      recordedOn: isoDate,
      notes: optionalText(2000),
    }),
    roles: CLINICAL,
    writes: true,
  }),
  /** Marks a finding resolved on a day (caries restored, a watch cleared). */
  'findings.resolve': channel<T.Finding>()({
    input: z.object({ id, version, resolvedOn: isoDate, notes: optionalText(2000) }),
    roles: CLINICAL,
    writes: true,
  }),
  /** Removes a finding recorded by mistake (never a resolved one: that is history). */
  'findings.remove': channel<{ id: string }>()({
    input: z.object({ id, version }),
    roles: ['ADMIN', 'DENTIST', 'HYGIENIST'],
    writes: true,
  }),
} as const;
