import { describe, expect, it } from 'vitest';
import { actionWords, auditDetail, entityWords } from '../../renderer/features/settings/auditWords';
import { createFormatter } from '../../renderer/lib/format';

const lastFirst = createFormatter({ locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' });
const firstLast = createFormatter({ locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' });

describe('audit words', () => {
  it.each([
    ['sign_in', 'Signed in'],
    ['sign_out', 'Signed out'],
    ['sign_in_failed', 'Failed sign-in'],
    ['create', 'Added'],
    ['update', 'Changed'],
    ['status', 'Moved status'],
    ['archive', 'Archived'],
    ['restore', 'Restored'],
    ['delete', 'Removed'],
    ['cancel', 'Cancelled'],
    ['unlock', 'Unlocked'],
    ['reset_password', 'Reset password'],
    ['change_password', 'Changed password'],
    ['sent', 'Sent to the lab'],
  ])('says %s as “%s”', (action, words) => {
    expect(actionWords(action)).toBe(words);
  });

  it('names every kind of record the core audits, and makes an unknown one readable', () => {
    expect(['patient', 'user', 'tenant', 'visit', 'procedure', 'labs', 'lab_cases', 'labCase', 'orders', 'order_items', 'treatment_records', 'treatmentRecord'].map(entityWords)).toEqual([
      'Patient', 'User', 'Practice settings', 'Visit', 'Procedure', 'Lab', 'Lab case', 'Lab case', 'Supply order', 'Supply lot', 'Material used', 'Material used',
    ]);
    expect(entityWords('insuranceClaim')).toBe('Insurance claim');
    expect(actionWords('mark_paid')).toBe('Mark paid');
  });

  it('says which record, with a name in the practice’s order, and where a status moved', () => {
    const patient = { action: 'create', before: null, after: { firstName: 'Maya', lastName: 'Tanaka' } };
    expect(auditDetail(patient, lastFirst)).toBe('Tanaka, Maya');
    expect(auditDetail(patient, firstLast)).toBe('Maya Tanaka');
    // Bulk imports write the table's own column names.
    expect(auditDetail({ action: 'create', before: null, after: { first_name: 'Omar', last_name: 'Okafor' } }, firstLast)).toBe('Omar Okafor');
    expect(auditDetail({ action: 'update', before: { displayName: 'Pat Quinn' }, after: { displayName: 'Patricia Quinn' } }, firstLast)).toBe('Patricia Quinn');
    expect(auditDetail({ action: 'create', before: null, after: { code: 'D2391', name: 'Composite, one surface' } }, firstLast)).toBe('D2391 Composite, one surface');
    expect(auditDetail({ action: 'status', before: { status: 'PLANNED' }, after: { status: 'IN_PROGRESS' } }, firstLast)).toBe('Planned → In progress');
    expect(auditDetail({ action: 'sign_in', before: null, after: null }, firstLast)).toBe('');
  });
});
