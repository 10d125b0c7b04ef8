import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, canTransition, deriveVisitStatus, stepsFromPlanned } from '../../shared/domain/status';

describe('procedure status machine', () => {
  it('moves forward one step at a time, with the lab steps optional', () => {
    expect(allowedNextStatuses('PLANNED')).toEqual(['IN_PROGRESS', 'CANCELLED']);
    expect(allowedNextStatuses('IN_PROGRESS')).toEqual(['SENT_TO_LAB', 'COMPLETED', 'CANCELLED']);
    expect(allowedNextStatuses('SENT_TO_LAB')).toEqual(['RECEIVED', 'CANCELLED']);
    expect(allowedNextStatuses('RECEIVED')).toEqual(['COMPLETED', 'CANCELLED']);
  });

  it('never leaves COMPLETED or CANCELLED, never skips, never goes back', () => {
    expect(allowedNextStatuses('COMPLETED')).toEqual([]);
    expect(allowedNextStatuses('CANCELLED')).toEqual([]);
    expect(canTransition('PLANNED', 'COMPLETED')).toBe(false);
    expect(canTransition('PLANNED', 'SENT_TO_LAB')).toBe(false);
    expect(canTransition('SENT_TO_LAB', 'COMPLETED')).toBe(false);
    expect(canTransition('RECEIVED', 'SENT_TO_LAB')).toBe(false);
    expect(canTransition('IN_PROGRESS', 'PLANNED')).toBe(false);
    expect(canTransition('PLANNED', 'PLANNED')).toBe(false);
  });
});

describe('stepsFromPlanned', () => {
  it('finds the shortest legal route to each status', () => {
    expect(stepsFromPlanned('PLANNED')).toEqual([]);
    expect(stepsFromPlanned('COMPLETED')).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(stepsFromPlanned('RECEIVED')).toEqual(['IN_PROGRESS', 'SENT_TO_LAB', 'RECEIVED']);
    expect(stepsFromPlanned('CANCELLED')).toEqual(['CANCELLED']);
  });
});

describe('derived visit status and total', () => {
  it.each([
    [[], 'PLANNED'],
    [['PLANNED', 'PLANNED'], 'PLANNED'],
    [['PLANNED', 'CANCELLED'], 'PLANNED'],
    [['CANCELLED', 'CANCELLED'], 'CANCELLED'],
    [['COMPLETED', 'CANCELLED'], 'COMPLETED'],
    [['COMPLETED', 'PLANNED'], 'IN_PROGRESS'],
    [['SENT_TO_LAB'], 'IN_PROGRESS'],
  ] as const)('%j -> %s', (statuses, expected) => {
    expect(deriveVisitStatus(statuses)).toBe(expected);
  });
});
