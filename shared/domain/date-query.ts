/**
 * Dates as people type them into a search box or a form: "05/16/1994",
 * "16.05.1994", "May 16 1994", "16 May 1994", "1994-05-16". Which of
 * day and month comes first follows the practice's locale; nothing is
 * guessed beyond that (an impossible date is no date).
 */
import { isIsoDate } from './dates';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** The order a locale writes day, month and year in ("en-US" MDY, "en-GB" DMY, "sv-SE" YMD). */
export function dateOrder(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2000, 10, 22)))
    .map((p) => p.type)
    .filter((t) => t === 'year' || t === 'month' || t === 'day');
  if (parts[0] === 'year') return 'YMD';
  return parts[0] === 'day' ? 'DMY' : 'MDY';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "May", "sep", "Sept.", "september": at least three letters that start a month's English name. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

/**
 * Two-digit years are births: the latest year ending in those digits that is
 * not after `today`'s year ("94" in 2026 is 1994, "05" is 2005).
 */
function fullYear(y: string, todayYear: number): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  const century = Math.floor(todayYear / 100) * 100;
  return century + n > todayYear ? century - 100 + n : century + n;
}

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/** The date `text` names, as YYYY-MM-DD, or null when it is not (only) a date. */
export function parseDateQuery(text: string, order: DateOrder, todayYear = new Date().getUTCFullYear()): string | null {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(t);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) return iso(Number(a), Number(b), Number(c));
    if (c.length !== 2 && c.length !== 4) return null;
    const y = fullYear(c, todayYear);
    return order === 'DMY' ? iso(y, Number(b), Number(a)) : iso(y, Number(a), Number(b));
  }
  // "May 16 1994" / "16 May 1994"
  m = /^([A-Za-z.]+) (\d{1,2}) (\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? iso(fullYear(m[3]!, todayYear), month, Number(m[2])) : null;
  }
  m = /^(\d{1,2}) ([A-Za-z.]+) (\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? iso(fullYear(m[3]!, todayYear), month, Number(m[1])) : null;
  }
  return null;
}
