import { describe, expect, it } from 'vitest';
import { boardColumn, canStep, daysOverdue, describeWork, nextWorkingDay, reminderFor, stageOf, stepRefusal } from '../../shared/domain/lab-cases';

const NONE = { sentDate: null, receivedDate: null, checkedDate: null, cancelledDate: null, dueDate: null };
const atLab = (dueDate: string) => ({ ...NONE, sentDate: '2026-03-02', dueDate });
const context = { closed: new Set<string>(), usesAppointments: false, hasUpcomingAppointment: false };

describe('a lab case’s stage and steps', () => {
  it('follows its dates, cancelled first', () => {
    expect(stageOf(NONE)).toBe('NOT_SENT');
    expect(stageOf(atLab('2026-03-10'))).toBe('AT_LAB');
    expect(stageOf({ ...atLab('2026-03-10'), receivedDate: '2026-03-09' })).toBe('RECEIVED');
    expect(stageOf({ ...atLab('2026-03-10'), receivedDate: '2026-03-09', checkedDate: '2026-03-09' })).toBe('CHECKED');
    expect(stageOf({ ...NONE, cancelledDate: '2026-03-03' })).toBe('CANCELLED');
  });

  it('allows each step only from the stage before it, and says why not otherwise', () => {
    expect(canStep('NOT_SENT', 'send')).toBe(true);
    expect(canStep('NOT_SENT', 'cancel')).toBe(true);
    expect(canStep('AT_LAB', 'cancel')).toBe(false);
    expect(canStep('RECEIVED', 'check')).toBe(true);
    expect(stepRefusal('send', NONE)).toBeNull();
    expect(stepRefusal('check', atLab('2026-03-10'))).toBe('Only a case back from the lab can be checked: mark it received first.');
    expect(stepRefusal('receive', { ...NONE, cancelledDate: '2026-03-03' })).toBe('This case was cancelled on 2026-03-03: open a new case for the procedure instead.');
  });
});

describe('the board column and the notices', () => {
  it('puts a case at the lab in at the lab, due today or overdue by its due date', () => {
    expect(boardColumn(atLab('2026-03-10'), 'SENT_TO_LAB', '2026-03-09')).toBe('atLab');
    expect(boardColumn(atLab('2026-03-10'), 'SENT_TO_LAB', '2026-03-10')).toBe('dueToday');
    expect(boardColumn(atLab('2026-03-10'), 'SENT_TO_LAB', '2026-03-12')).toBe('overdue');
    expect(daysOverdue(atLab('2026-03-10'), '2026-03-12')).toBe(2);
    expect(daysOverdue(atLab('2026-03-10'), '2026-03-10')).toBe(0);
    expect(boardColumn(atLab('2026-03-10'), 'CANCELLED', '2026-03-12')).toBeNull();
  });

  it('counts days overdue across a month end and a daylight-saving change', () => {
    expect(daysOverdue(atLab('2026-03-27'), '2026-04-02')).toBe(6);
    expect(daysOverdue(atLab('2026-10-23'), '2026-10-27')).toBe(4);
  });

  it('knows Friday’s next working day is Monday, or Tuesday after a closed Monday', () => {
    expect(nextWorkingDay('2026-03-06', new Set())).toBe('2026-03-09');
    expect(nextWorkingDay('2026-03-06', new Set(['2026-03-09']))).toBe('2026-03-10');
    expect(reminderFor(atLab('2026-03-09'), 'SENT_TO_LAB', '2026-03-06', context)).toBe('DUE_TOMORROW');
    expect(reminderFor(atLab('2026-03-10'), 'SENT_TO_LAB', '2026-03-06', context)).toBeNull();
    expect(reminderFor(atLab('2026-03-05'), 'SENT_TO_LAB', '2026-03-06', context)).toBe('OVERDUE');
  });

  it('flags work back with no appointment only where the practice books appointments', () => {
    const back = { ...atLab('2026-03-10'), receivedDate: '2026-03-09' };
    expect(reminderFor(back, 'RECEIVED', '2026-03-10', context)).toBeNull();
    expect(reminderFor(back, 'RECEIVED', '2026-03-10', { ...context, usesAppointments: true })).toBe('NO_APPOINTMENT');
    expect(reminderFor(back, 'RECEIVED', '2026-03-10', { ...context, usesAppointments: true, hasUpcomingAppointment: true })).toBeNull();
  });

  it('names the work as a slip or a notice does', () => {
    expect(describeWork({ name: 'Crown', toothNumber: '3', surfaces: [], area: null })).toBe('Crown on 3');
    expect(describeWork({ name: 'Onlay', toothNumber: '14', surfaces: ['M', 'O', 'D'], area: null })).toBe('Onlay on 14 MOD');
    expect(describeWork({ name: 'Night guard', toothNumber: null, surfaces: [], area: 'U' })).toMatch(/^Night guard, upper/);
  });
});
