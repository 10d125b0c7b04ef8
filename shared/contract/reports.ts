import { z } from 'zod';
import type * as T from '../types';
import { channel, isoDate } from './define';

export const reportsContract = {
  'reports.procedureSummary': channel<T.ProcedureSummaryReport>()({
    input: z
      .object({ from: isoDate, to: isoDate })
      .refine((v) => v.from <= v.to, { path: ['to'], message: 'The end date is before the start date.' }),
    roles: ['ADMIN', 'DENTIST'],
  }),
} as const;
