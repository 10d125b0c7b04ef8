import { describe, expect, it } from 'vitest';
import { dateOrder, parseDateQuery } from '../../shared/domain/date-query';
import { decideProvider } from '../../shared/domain/roles';

describe('dates as the front desk types them', () => {
  it('reads the day/month order from the practice locale', () => {
    expect(['en-US', 'en-GB', 'fr-FR', 'de-DE', 'sv-SE', 'ja-JP'].map(dateOrder)).toEqual(['MDY', 'DMY', 'DMY', 'DMY', 'YMD', 'YMD']);
  });

  it.each([
    ['05/16/1994', 'MDY', '1994-05-16'],
    ['5/16/94', 'MDY', '1994-05-16'],
    ['16/05/1994', 'DMY', '1994-05-16'],
    ['16.05.1994', 'DMY', '1994-05-16'],
    ['16-5-1994', 'DMY', '1994-05-16'],
    ['1994/05/16', 'MDY', '1994-05-16'],
    ['1994-05-16', 'DMY', '1994-05-16'],
    ['May 16 1994', 'DMY', '1994-05-16'],
    ['may 16, 1994', 'MDY', '1994-05-16'],
    ['16 May 1994', 'MDY', '1994-05-16'],
    ['Sept. 3 2001', 'MDY', '2001-09-03'],
    ['3 september 01', 'DMY', '2001-09-03'],
    ['05/16/26', 'MDY', '2026-05-16'],
    ['05/16/27', 'MDY', '1927-05-16'],
  ] as const)('%s (%s) is %s', (text, order, iso) => {
    expect(parseDateQuery(text, order, 2026)).toBe(iso);
  });

  it.each([
    ['16/05/1994', 'MDY'],
    ['02/30/1994', 'MDY'],
    ['Ma 16 1994', 'MDY'],
    ['Mayo 16 1994', 'MDY'],
    ['kafor', 'MDY'],
    ['555-0104', 'MDY'],
    ['05/16/199', 'MDY'],
    ['1994-5', 'MDY'],
  ] as const)('%s (%s) is no date', (text, order) => {
    expect(parseDateQuery(text, order, 2026)).toBeNull();
  });
});

describe('who is a provider', () => {
  it('follows the role, lets an administrator choose, and refuses a contradiction', () => {
    expect(decideProvider('DENTIST', undefined)).toEqual({ provider: true });
    expect(decideProvider('HYGIENIST', false)).toEqual({ refused: 'A hygienist is always a provider.' });
    expect(decideProvider('FRONT_DESK', undefined, true)).toEqual({ provider: false });
    expect(decideProvider('ASSISTANT', true)).toEqual({ refused: 'Only dentists, hygienists and administrators can be providers.' });
    expect(decideProvider('ADMIN', undefined)).toEqual({ provider: false });
    expect(decideProvider('ADMIN', undefined, true)).toEqual({ provider: true });
    expect(decideProvider('ADMIN', false, true)).toEqual({ provider: false });
  });
});
