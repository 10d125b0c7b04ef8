import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWeekend, isWorkingDay } from '../../shared/domain/working-days';

describe('working days', () => {
  it('knows weekends by the calendar, in any time zone', () => {
    expect(isWeekend('2026-11-21')).toBe(true); // Saturday
    expect(isWeekend('2026-11-22')).toBe(true); // Sunday
    expect(isWeekend('2026-11-23')).toBe(false); // Monday
    expect(isWorkingDay('2026-12-25', new Set(['2026-12-25']))).toBe(false);
  });

  it.each([
    // from (weekday), days, due
    ['2026-11-23', 1, '2026-11-24'], // Mon + 1 = Tue
    ['2026-11-20', 1, '2026-11-23'], // Fri + 1 skips the weekend
    ['2026-11-21', 1, '2026-11-23'], // sent on a Saturday: Monday is the first working day
    ['2026-11-23', 5, '2026-11-30'], // a working week is seven calendar days
    ['2026-11-23', 10, '2026-12-07'], // across a month end
    ['2026-12-28', 5, '2027-01-04'], // across a year end
    ['2028-02-25', 3, '2028-03-01'], // Fri 25 Feb 2028 + 3: Mon 28, Tue 29 (leap day), Wed 1 Mar
    ['2026-11-23', 0, '2026-11-23'], // same-day turnaround
  ])('%s + %i working days is %s', (from, days, due) => {
    expect(addWorkingDays(from, days)).toBe(due);
  });

  it('skips the practice’s closed days as well', () => {
    const holidays = new Set(['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']);
    // Wed 23 Dec + 3: Thu 24 and Fri 25 closed, the weekend, then Mon 28, Tue 29, Wed 30.
    expect(addWorkingDays('2026-12-23', 3, holidays)).toBe('2026-12-30');
    // Wed 30 Dec + 2: Thu 31 and Fri 1 closed, the weekend, Mon 4, Tue 5.
    expect(addWorkingDays('2026-12-30', 2, holidays)).toBe('2027-01-05');
    // A closed day on a weekend changes nothing.
    expect(addWorkingDays('2026-11-20', 1, new Set(['2026-11-21']))).toBe('2026-11-23');
  });

  it('refuses a turnaround that is not a whole number of days, and gives up on a year of closed days', () => {
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
    const everyDay = new Set(Array.from({ length: 800 }, (_, i) => new Date(Date.UTC(2026, 10, 24 + i)).toISOString().slice(0, 10)));
    expect(addWorkingDays('2026-11-23', 1, everyDay)).toBeNull();
  });
});
