import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../renderer/lib/format';
import { cancellation, describeAction, describeEntry, procedureTimeline } from '../../renderer/features/visits/procedureHistory';
import type { HistoryEntry } from '../../shared/types';
import { IDS, procedure } from './fixtures';

const ctx = { format: createFormatter({ locale: 'en-US', timeFormat: '12h', nameOrder: 'last_first' }), currency: 'USD' };
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({ seq: 1, at: '2026-03-02T14:05:00.000Z', userName: 'Dr. Noor Haddad', workstation: 'FRONT-1', entity: 'procedure', action: 'create', before: null, after: null, ...over });

describe('a procedure’s history in words', () => {
  it('names what changed by the form’s labels, before and after, money as money', () => {
    const before = procedure({ unitFee: 19500, notes: null });
    const after = procedure({ unitFee: 21000, notes: 'margin sealed', durationMinutes: 30 });
    expect(describeAction(entry({ action: 'update', before, after }), ctx)).toBe(
      'Changed fee from $195.00 to $210.00; duration from none to 30 min; notes from none to “margin sealed”',
    );
  });

  it('names the performer by name, and the site in words', () => {
    const before = procedure({ performedById: IDS.dentist, performedByName: 'Dr. Noor Haddad', toothNumber: null, surfaces: [], area: null });
    const after = procedure({ performedById: IDS.frontDesk, performedByName: 'Dr. Lena Ortiz', toothNumber: null, surfaces: [], area: 'UR' });
    expect(describeAction(entry({ action: 'update', before, after }), ctx)).toBe(
      'Changed area from none to UR (upper right quadrant); performed by from Dr. Noor Haddad to Dr. Lena Ortiz',
    );
  });

  it.each([
    ['create', null, procedure(), 'Added'],
    ['status', { status: 'PLANNED' }, { status: 'IN_PROGRESS' }, 'Moved to In progress'],
    ['status', { status: 'RECEIVED' }, { status: 'COMPLETED' }, 'Moved to Completed'],
    ['delete', procedure(), null, 'Removed'],
    ['cancel', null, { reason: 'Patient phoned in sick' }, 'Cancelled: “Patient phoned in sick”'],
    ['update', procedure(), procedure(), 'Saved without changes'],
  ])('%s → %s', (action, before, after, words) => {
    expect(describeAction(entry({ action, before, after }), ctx)).toBe(words);
  });

  it('reads as “<time> — <user> at <workstation>: <what>”, the time as the practice writes it', () => {
    const line = describeEntry(entry({ action: 'status', after: { status: 'IN_PROGRESS' } }), ctx);
    expect(line).toMatch(/^03\/02\/2026, \d{1,2}:05 [AP]M — Dr\. Noor Haddad at FRONT-1: Moved to In progress$/);
    const gb = describeEntry(entry({ action: 'create' }), { ...ctx, format: createFormatter({ locale: 'en-GB', timeFormat: '24h', nameOrder: 'first_last' }) });
    expect(gb).toMatch(/^02\/03\/2026, \d\d:05 — Dr\. Noor Haddad at FRONT-1: Added$/);
  });

  it('includes the visit’s cancellation when it cancelled this procedure, in time order', () => {
    const own = [entry({ seq: 1, action: 'create', at: '2026-03-02T09:00:00.000Z' })];
    const visitEvents = [
      entry({ seq: 5, action: 'update', at: '2026-03-02T09:30:00.000Z' }),
      entry({ seq: 7, action: 'cancel', at: '2026-03-02T10:00:00.000Z', after: { status: 'CANCELLED', reason: 'Sick', cancelledProcedures: [IDS.procedure] } }),
      entry({ seq: 9, action: 'cancel', at: '2026-03-03T10:00:00.000Z', after: { reason: 'Other', cancelledProcedures: [IDS.cancelled] } }),
    ];
    const timeline = procedureTimeline(own, visitEvents, IDS.procedure);
    expect(timeline.map((e) => describeAction(e, ctx))).toEqual(['Added', 'Cancelled with the visit: “Sick”']);
    expect(cancellation(visitEvents)).toEqual({ reason: 'Other', at: '2026-03-03T10:00:00.000Z', userName: 'Dr. Noor Haddad' });
    expect(cancellation([])).toBeNull();
  });

  it('tells its lab case’s steps among its own, in the practice’s date format', () => {
    const lab = (action: string, after: Record<string, unknown>) => describeAction(entry({ entity: 'labCase', action, after }), ctx);
    expect(lab('create', { labName: 'Northside Dental Lab' })).toBe('Opened a lab case for Northside Dental Lab');
    expect(lab('send', { sentDate: '2026-03-02', dueDate: '2026-03-11', trackingNo: 'TRK-881' })).toBe('Sent to the lab on 03/02/2026, due 03/11/2026 (tracking TRK-881)');
    expect(lab('receive', { receivedDate: '2026-03-10' })).toBe('Received from the lab on 03/10/2026');
    expect(lab('check', { checkedDate: '2026-03-11' })).toBe('Lab work checked on 03/11/2026');
    expect(lab('cancel', { cancelReason: 'Wrong shade ordered' })).toBe('Lab case cancelled: “Wrong shade ordered”');
    // The same action on the procedure itself keeps its own words.
    expect(describeAction(entry({ action: 'cancel', after: { reason: 'Sick' } }), ctx)).toBe('Cancelled: “Sick”');
  });
});
