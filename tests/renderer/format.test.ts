import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../renderer/lib/format';

describe('the one formatter', () => {
  const us = createFormatter({ locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' });
  const gb = createFormatter({ locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' });
  const maya = { firstName: 'Maya', lastName: 'Tanaka' };

  it('writes a day as the locale orders it, never shifted by the time zone', () => {
    expect(us.date('1994-05-16')).toBe('05/16/1994');
    expect(gb.date('1994-05-16')).toBe('16/05/1994');
    expect(us.longDate('2026-01-01')).toBe('Jan 1, 2026');
    expect(gb.longDate('2026-01-01')).toBe('1 Jan 2026');
  });

  it('writes times on the practice’s clock', () => {
    expect(us.time('08:05')).toBe('8:05 AM');
    expect(us.time('14:30')).toBe('2:30 PM');
    expect(gb.time('08:05')).toBe('08:05');
    expect(gb.time('14:30')).toBe('14:30');
  });

  it('writes names in the practice’s order, and sentences first name first', () => {
    expect(us.name(maya)).toBe('Tanaka, Maya');
    expect(gb.name(maya)).toBe('Maya Tanaka');
    expect(us.fullName(maya)).toBe('Maya Tanaka');
  });

  it('writes money with the currency’s own decimals', () => {
    expect(us.money(19500, 'USD')).toBe('$195.00');
    expect(gb.money(19500, 'EUR')).toBe('€195.00');
    expect(us.money(12500, 'JPY')).toBe('¥12,500');
  });
});
