import { z } from 'zod';
import type * as T from '../types';
import { ALL, channel, email, id, isoDate, optionalText, pageInput, phone, required, text, version } from './define';

export const patientFields = z.object({
  firstName: required('First name', 100),
  lastName: required('Last name', 100),
  dateOfBirth: isoDate,
  chartNumber: text(20).regex(/^[A-Za-z0-9-]*$/, 'Letters, digits and dashes only.').optional(),
  phone,
  email,
  alerts: optionalText(500),
});

const ref = z.object({ id, version });

export const patientsContract = {
  'patients.search': channel<T.Page<T.Patient>>()({
    input: z.object({
      query: text(100).default(''),
      includeArchived: z.boolean().default(false),
      ...pageInput,
    }),
    roles: ALL,
  }),
  'patients.get': channel<T.Patient>()({ input: z.object({ id }), roles: ALL }),
  'patients.create': channel<T.Patient>()({ input: patientFields, roles: ALL, writes: true }),
  'patients.update': channel<T.Patient>()({ input: patientFields.extend({ id, version }), roles: ALL, writes: true }),
  'patients.archive': channel<T.Patient>()({ input: ref, roles: ['ADMIN', 'DENTIST', 'FRONT_DESK'], writes: true }),
  'patients.restore': channel<T.Patient>()({ input: ref, roles: ['ADMIN'], writes: true }),
} as const;
