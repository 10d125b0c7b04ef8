import { z } from 'zod';
import type * as T from '../types';
import { ADMIN_ONLY, ALL, channel, isoDate, optionalText, required, version } from './define';

/** A locale the runtime knows (Intl canonicalises it: "en-us" -> "en-US"). */
const locale = z
  .string()
  .trim()
  .min(2, 'Pick a language and region, e.g. en-US.')
  .max(35, 'Pick a language and region, e.g. en-US.')
  .refine((v) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([v]).length === 1;
    } catch {
      return false;
    }
  }, 'Not a language and region this computer knows, e.g. en-US or fr-FR.')
  .transform((v) => Intl.getCanonicalLocales(v)[0]!);

export const practiceContract = {
  'practice.get': channel<T.PracticeSettings>()({ input: z.object({}), roles: ALL }),
  'practice.update': channel<T.PracticeSettings>()({
    input: z.object({
      version,
      name: required('Practice name', 120),
      locale,
      timeFormat: z.enum(['12h', '24h']),
      nameOrder: z.enum(['first_last', 'last_first']),
    }),
    roles: ADMIN_ONLY,
    writes: true,
  }),
  /** The practice's closed days from a day on (default: all), by date. */
  'closedDays.list': channel<T.ClosedDay[]>()({ input: z.object({ from: isoDate.optional() }), roles: ALL }),
  /** Adds a closed day (a holiday), or renames it; lab due dates skip it from then on. */
  'closedDays.add': channel<T.ClosedDay>()({ input: z.object({ day: isoDate, note: optionalText(120) }), roles: ADMIN_ONLY, writes: true }),
  'closedDays.remove': channel<{ day: string }>()({ input: z.object({ day: isoDate }), roles: ADMIN_ONLY, writes: true }),
} as const;
