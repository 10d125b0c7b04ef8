/**
 * Lab due dates count working days: a lab's "7 days" means seven days the
 * practice is open, so weekends and the practice's closed days (holidays,
 * listed in settings) are skipped. Dates are YYYY-MM-DD calendar days, read
 * and written in UTC so no time zone or daylight-saving change can move them.
 */

function shift(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, closed: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !closed.has(day);
}

/**
 * The day `days` working days after `from` (`from` itself never counts, as a
 * case sent today is not back today). Zero days is `from` itself. Gives up
 * with null past a year of closed days, which only a mistyped list could make.
 */
export function addWorkingDays(from: string, days: number, closed: ReadonlySet<string> = new Set()): string | null {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`A turnaround is a whole number of days, not ${days}.`);
  let day = from;
  let left = days;
  for (let guard = 0; left > 0; guard++) {
    if (guard > days + 366) return null;
    day = shift(day, 1);
    if (isWorkingDay(day, closed)) left--;
  }
  return day;
}
