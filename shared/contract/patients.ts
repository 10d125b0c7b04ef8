import { z } from 'zod';
import type * as T from '../types';
import { ALL, channel, id, isoDate, optionalText, pageInput, required, text, version } from './define';

/** Digits with the usual punctuation of a phone number, and an extension ("x12"). */
const PHONE = /^\+?[\d\s().-]{3,}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

export const patientFields = z.object({
  firstName: required('First name', 100),
  lastName: required('Last name', 100),
  dateOfBirth: isoDate,
  chartNumber: text(20).regex(/^[A-Za-z0-9-]*$/, 'Letters, digits and dashes only.').optional(),
  phone: optionalText(40).refine((v) => v === null || (PHONE.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))), 'Not a phone number: use digits, spaces, + - ( ) and x for an extension.'),
  email: z
    .union([z.literal(''), z.string().trim().max(254, 'An email address has at most 254 characters.').email('Not an email address.')])
    .nullish()
    .transform((v) => (v ? v : null)),
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
