import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate, isTimeOfDay } from '../../shared/domain/dates';
import { formatMoney, parseMoney } from '../../shared/domain/money';

describe('money', () => {
  it('parses what a receptionist types into cents', () => {
    expect(parseMoney('125')).toBe(12500);
    expect(parseMoney('125.5')).toBe(12550);
    expect(parseMoney(' 1 250,75 ')).toBe(125075);
    expect(parseMoney('0.05')).toBe(5);
    for (const bad of ['', '-5', '1.234', 'abc', '1e3']) expect(parseMoney(bad)).toBeNull();
  });

  it('formats minor units with the currency', () => {
    expect(formatMoney(125075, 'USD', 'en-US')).toBe('$1,250.75');
    expect(formatMoney(0, 'EUR', 'en-US')).toBe('€0.00');
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('2226-11-21')).toBe(false);
  });

  it('checks times of day', () => {
    expect(isTimeOfDay('09:30')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('9:30')).toBe(false);
  });

  it('computes age on a day', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
  });
});
