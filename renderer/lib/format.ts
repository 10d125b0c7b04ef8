/**
 * The one way screens write dates, times, names and money: as the practice
 * chose in Settings (locale, 12 or 24 hours, name order), the same on every
 * screen. Pure functions over the practice's formats, and a hook that reads
 * them from the signed-in session.
 */
import { formatMoney } from '../../shared/domain/money';
import type { Formats } from '../../shared/types';
import { useSession } from '../features/session/session.store';

export const DEFAULT_FORMATS: Formats = { locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' };

export interface Person {
  firstName: string;
  lastName: string;
}

export interface Formatter {
  /** A YYYY-MM-DD day, numeric, as the locale orders it: 05/16/1994, 16/05/1994. */
  date(iso: string): string;
  /** A YYYY-MM-DD day with its month's name: May 16, 1994. */
  longDate(iso: string): string;
  /** An HH:MM time of day: 2:30 PM or 14:30. */
  time(hhmm: string): string;
  /** An ISO-8601 instant, in this workstation's time zone: date and time. */
  instant(iso: string): string;
  /** A person's name in the practice's order: "Tanaka, Maya" or "Maya Tanaka". */
  name(p: Person): string;
  /** First name first, always: for sentences ("Maya Tanaka is archived"). */
  fullName(p: Person): string;
  money(minor: number, currency: string): string;
  readonly formats: Formats;
}

/** A YYYY-MM-DD day as a Date at UTC midnight, formatted in UTC: never shifted a day by the time zone. */
const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createFormatter(formats: Formats): Formatter {
  const { locale } = formats;
  const hour12 = formats.timeFormat === '12h';
  // 24-hour clocks are written 08:55, 12-hour ones 8:55 AM.
  const hour = hour12 ? 'numeric' : '2-digit';
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour, minute: '2-digit', hour12, timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour, minute: '2-digit', hour12 });
  return {
    formats,
    date: (iso) => date.format(utcDay(iso)),
    longDate: (iso) => longDate.format(utcDay(iso)),
    time: (hhmm) => time.format(new Date(`1970-01-01T${hhmm}:00Z`)),
    instant: (iso) => instant.format(new Date(iso)),
    name: (p) => (formats.nameOrder === 'last_first' ? `${p.lastName}, ${p.firstName}` : `${p.firstName} ${p.lastName}`),
    fullName: (p) => `${p.firstName} ${p.lastName}`,
    money: (minor, currency) => formatMoney(minor, currency, locale),
  };
}

const cache = new Map<string, Formatter>();

/** The formatter for these formats, built once (Intl formatters are costly to make, cheap to use). */
export function formatterFor(formats: Formats): Formatter {
  const key = `${formats.locale}|${formats.timeFormat}|${formats.nameOrder}`;
  let f = cache.get(key);
  if (!f) {
    f = createFormatter(formats);
    cache.set(key, f);
  }
  return f;
}

/** The signed-in practice's formatter (the defaults before sign-in). */
export function useFormat(): Formatter {
  const formats = useSession((s) => s.user?.formats) ?? DEFAULT_FORMATS;
  return formatterFor(formats);
}
