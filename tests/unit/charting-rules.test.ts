import { describe, expect, it } from 'vitest';
import { statusAsOf, findingAsOf } from '../../shared/domain/chart';
import { normaliseCode, parseSurfaceCount, siteMismatch, surfaceCountWarning } from '../../shared/domain/fee-schedule';
import { parseQuickEntry, planFinding, planQuickEntry, type ScheduleEntry } from '../../shared/domain/quick-entry';

const entry = (code: string, shortName: string, siteKind: ScheduleEntry['siteKind'], surfaces?: string): ScheduleEntry => ({
  code,
  shortName,
  siteKind,
  ...(parseSurfaceCount(surfaces ?? '') ?? { surfaceCount: null, surfaceCountOrMore: false }),
  defaultFee: 10000,
  defaultMinutes: 30,
  retiredAt: null,
});

const SCHEDULE: ScheduleEntry[] = [
  entry('D0120', 'Recall exam', 'none'),
  entry('D2391', 'Composite back, 1 surface', 'surfaces', '1'),
  entry('D2392', 'Composite back, 2 surfaces', 'surfaces', '2'),
  entry('D2393', 'Composite back, 3 surfaces', 'surfaces', '3'),
  entry('D2394', 'Composite back, 4+ surfaces', 'surfaces', '4+'),
  entry('D2740', 'Crown, ceramic', 'tooth'),
  entry('D4341', 'Deep cleaning, quadrant', 'quadrant'),
  entry('D5120', 'Full denture, lower', 'arch'),
  entry('D6245', 'Bridge pontic, ceramic', 'tooth'),
  { ...entry('D2750', 'Crown, porcelain on high noble', 'tooth'), retiredAt: '2026-01-01T00:00:00.000Z' },
];

const parsed = (line: string) => {
  const r = parseQuickEntry(line);
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r.value;
};
const refusal = (line: string) => {
  const r = planQuickEntry(line, SCHEDULE);
  return r.ok ? null : r.error;
};

describe('quick entry: what it reads', () => {
  it.each([
    ['3 MOD D2393', { kind: 'procedure', teeth: ['3'], surfaces: ['M', 'O', 'D'], area: null, code: 'D2393' }],
    ['8 D2740', { kind: 'procedure', teeth: ['8'], surfaces: [], area: null, code: 'D2740' }],
    ['8 2740', { kind: 'procedure', teeth: ['8'], surfaces: [], area: null, code: 'D2740' }],
    ['UR D4341', { kind: 'procedure', teeth: [], surfaces: [], area: 'UR', code: 'D4341' }],
    ['ur d4341', { kind: 'procedure', teeth: [], surfaces: [], area: 'UR', code: 'D4341' }],
    ['D0120', { kind: 'procedure', teeth: [], surfaces: [], area: null, code: 'D0120' }],
    ['0120', { kind: 'procedure', teeth: [], surfaces: [], area: null, code: 'D0120' }],
    ['3,4,5 D6245', { kind: 'procedure', teeth: ['3', '4', '5'], code: 'D6245' }],
    ['3, 4, 5 D6245', { kind: 'procedure', teeth: ['3', '4', '5'], code: 'D6245' }],
    ['3-5 D6245', { kind: 'procedure', teeth: ['3', '4', '5'], code: 'D6245' }],
    ['a-c D6245', { kind: 'procedure', teeth: ['A', 'B', 'C'], code: 'D6245' }],
    ['L D5120', { kind: 'procedure', teeth: [], area: 'L', code: 'D5120' }],
    ['3 L D2391', { kind: 'procedure', teeth: ['3'], surfaces: ['L'], area: null }],
    ['51 O D2391', { teeth: ['51'], surfaces: ['O'] }],
    ['as D2740', { teeth: ['AS'] }],
    ['  3   mod   d2393  ', { teeth: ['3'], surfaces: ['M', 'O', 'D'], code: 'D2393' }],
    ['3 missing', { kind: 'finding', teeth: ['3'], surfaces: [], finding: 'MISSING' }],
    ['14 MO caries', { kind: 'finding', teeth: ['14'], surfaces: ['M', 'O'], finding: 'CARIES' }],
    ['3 existing root canal', { kind: 'finding', finding: 'ROOT_CANAL' }],
    ['3 Existing RCT', { kind: 'finding', finding: 'ROOT_CANAL' }],
    ['1,16,17,32 missing', { kind: 'finding', teeth: ['1', '16', '17', '32'], finding: 'MISSING' }],
  ])('reads “%s”', (line, expected) => {
    expect(parsed(line)).toMatchObject(expected);
  });

  it.each([
    ['', 'Type a line like 3 MOD D2393, 8 D2740, UR D4341, D0120 or 3 missing.'],
    ['   ', 'Type a line like 3 MOD D2393, 8 D2740, UR D4341, D0120 or 3 missing.'],
    ['1 2 3 4 5 6 7', 'Too many words. Type a line like 3 MOD D2393, 8 D2740, UR D4341, D0120 or 3 missing.'],
    ['33 D2740', '"33" is not a tooth: use 1-32 or A-T (51-82 or AS-TS for extra teeth).'],
    ['0 D2740', '"0" is not a tooth: use 1-32 or A-T (51-82 or AS-TS for extra teeth).'],
    ['03 D2740', '"03" is not a tooth: use 1-32 or A-T (51-82 or AS-TS for extra teeth).'],
    ['5-3 D6245', '5-3: write the lower tooth first (3-5).'],
    ['15-18 D6245', '15-18 crosses from the upper to the lower arch.'],
    ['3-C D6245', '3-C is not a range of neighbouring teeth.'],
    ['3-33 D6245', '"33" is not a tooth: use 1-32 or A-T.'],
    ['3,3 D6245', 'Tooth 3 is listed twice.'],
    ['3-5,4 D6245', 'Tooth 4 is listed twice.'],
    ['3,,4 D6245', '"3,,4" has an empty place between commas.'],
    ['UR MO D2392', 'Surfaces need a tooth, not an area: e.g. 3 MO D2393.'],
    ['3 MOD', 'Add the procedure code: e.g. 3 MOD D2393.'],
    ['3', 'Add the procedure code: e.g. 3 D2393.'],
    ['3 MOD filling please', '"filling please" is not a procedure code or a finding. Type a line like 3 MOD D2393, 8 D2740, UR D4341, D0120 or 3 missing.'],
    ['missing', 'Say which tooth: e.g. 3 missing.'],
    ['UR caries', 'A finding is recorded on a tooth, not on UR: e.g. 3 caries.'],
  ])('refuses “%s”', (line, message) => {
    const r = parseQuickEntry(line);
    expect(r).toEqual({ ok: false, error: message });
  });
});

describe('quick entry: checked against the tooth rules and the fee schedule', () => {
  it.each([
    ['8 O D2391', 'Tooth 8 is a front tooth: use I (incisal) instead of O.'],
    ['8 B D2391', 'Tooth 8 is a front tooth: use F (facial) instead of B.'],
    ['3 I D2391', 'Tooth 3 is a back tooth: use O (occlusal) instead of I.'],
    ['3 F D2391', 'Tooth 3 is a back tooth: use B (buccal) instead of F.'],
    ['3,8 O D2391', 'Tooth 8 is a front tooth: use I (incisal) instead of O.'],
    ['3 MM D2392', 'Surface M is listed twice.'],
    ['3 D9999', 'D9999 is not in the fee schedule. An administrator can add it in Settings.'],
    ['3 D2750', 'D2750 (Crown, porcelain on high noble) was retired from the fee schedule.'],
    ['3 D0120', 'D0120 (Recall exam) is not charted on a tooth or area: leave them out.'],
    ['UR D0120', 'D0120 (Recall exam) is not charted on a tooth or area: leave them out.'],
    ['D2740', 'D2740 (Crown, ceramic) needs a tooth.'],
    ['3 MO D2740', 'D2740 (Crown, ceramic) is for the whole tooth: leave out the surfaces.'],
    ['UR D2740', 'D2740 (Crown, ceramic) needs a tooth.'],
    ['3 D2393', 'D2393 (Composite back, 3 surfaces) needs surfaces: pick them, e.g. MOD.'],
    ['D2393', 'D2393 (Composite back, 3 surfaces) needs a tooth and its surfaces.'],
    ['3 D4341', 'D4341 (Deep cleaning, quadrant) needs a quadrant: UR, UL, LR or LL.'],
    ['U D4341', 'D4341 (Deep cleaning, quadrant) needs a quadrant: UR, UL, LR or LL.'],
    ['UR D5120', 'D5120 (Full denture, lower) needs an arch: U (upper) or L (lower).'],
    ['3 MO missing', 'Missing tooth is recorded on the whole tooth: leave out the surfaces.'],
    ['8 O caries', 'Tooth 8 is a front tooth: use I (incisal) instead of O.'],
  ])('refuses “%s”', (line, message) => {
    expect(refusal(line)).toBe(message);
  });

  it('makes one procedure per tooth, from the schedule, surfaces in stored order', () => {
    const r = planQuickEntry('4,3 DOM D2393', SCHEDULE);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'procedure',
        plan: {
          warnings: [],
          items: ['4', '3'].map((toothNumber) => ({
            code: 'D2393', name: 'Composite back, 3 surfaces', toothNumber, surfaces: ['M', 'O', 'D'], area: null, unitFee: 10000, durationMinutes: 30,
          })),
        },
      },
    });
    expect(planQuickEntry('UR D4341', SCHEDULE)).toMatchObject({ ok: true, value: { plan: { items: [{ toothNumber: null, area: 'UR', code: 'D4341' }] } } });
    expect(planQuickEntry('D0120', SCHEDULE)).toMatchObject({ ok: true, value: { plan: { items: [{ toothNumber: null, area: null, surfaces: [] }] } } });
  });

  it('warns, never refuses, when the surface count does not fit, naming a code that does', () => {
    expect(planQuickEntry('14 MO D2393', SCHEDULE)).toMatchObject({
      ok: true,
      value: { plan: { warnings: ['D2393 is for 3 surfaces; MO is 2. D2392 (Composite back, 2 surfaces) fits.'], items: [{ toothNumber: '14' }] } },
    });
    expect(planQuickEntry('14 MODBL D2393', SCHEDULE)).toMatchObject({
      value: { plan: { warnings: ['D2393 is for 3 surfaces; MODBL is 5. D2394 (Composite back, 4+ surfaces) fits.'] } },
    });
    // "4 or more" fits four and five.
    expect(planQuickEntry('14 MODB D2394', SCHEDULE)).toMatchObject({ value: { plan: { warnings: [] } } });
    expect(planQuickEntry('14 MODBL D2394', SCHEDULE)).toMatchObject({ value: { plan: { warnings: [] } } });
    expect(planQuickEntry('14 MO D2394', SCHEDULE)).toMatchObject({ value: { plan: { warnings: ['D2394 is for 4 or more surfaces; MO is 2. D2392 (Composite back, 2 surfaces) fits.'] } } });
    // No sibling in the schedule: the warning says what to check.
    expect(surfaceCountWarning(SCHEDULE[3]!, ['M', 'O'])).toBe('D2393 is for 3 surfaces; MO is 2. Check the surfaces or the code.');
  });

  it('records findings on each tooth named', () => {
    expect(planFinding({ teeth: ['3', '14'], surfaces: ['O', 'M'] }, 'CARIES')).toEqual({ ok: true, value: { kind: 'CARIES', teeth: ['3', '14'], surfaces: ['M', 'O'] } });
    expect(planFinding({ teeth: [], surfaces: [] }, 'CROWN')).toEqual({ ok: false, error: 'Existing crown: say which tooth.' });
  });
});

describe('fee schedule rules', () => {
  it('writes CDT codes one way', () => {
    expect(normaliseCode('2393')).toBe('D2393');
    expect(normaliseCode(' d2393 ')).toBe('D2393');
    expect(normaliseCode('adj-1')).toBe('ADJ-1');
    expect(normaliseCode('23930')).toBe('23930');
  });

  it.each([
    ['', { surfaceCount: null, surfaceCountOrMore: false }],
    ['3', { surfaceCount: 3, surfaceCountOrMore: false }],
    [' 4+ ', { surfaceCount: 4, surfaceCountOrMore: true }],
    ['0', null],
    ['7', null],
    ['3++', null],
    ['x', null],
    ['-1', null],
  ])('reads the surface count “%s”', (text, expected) => {
    expect(parseSurfaceCount(text)).toEqual(expected);
  });

  it('lets a whole-mouth code go without a site, and nothing else', () => {
    const exam = SCHEDULE[0]!;
    expect(siteMismatch(exam, { teeth: [], surfaces: [], area: null })).toBeNull();
    expect(siteMismatch(SCHEDULE[7]!, { teeth: [], surfaces: [], area: 'L' })).toBeNull();
    expect(siteMismatch(SCHEDULE[6]!, { teeth: [], surfaces: [], area: 'LL' })).toBeNull();
  });
});

describe('the chart as of a day', () => {
  const p = { status: 'COMPLETED' as const, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-10T09:00:00.000Z', startedAt: '2026-03-05T09:00:00.000Z', completedAt: '2026-03-10T09:00:00.000Z' };

  it('shows work as it stood at the end of the day', () => {
    expect(statusAsOf(p, null)).toBe('COMPLETED');
    expect(statusAsOf(p, '2026-03-01')).toBeNull();
    expect(statusAsOf(p, '2026-03-02')).toBe('PLANNED');
    expect(statusAsOf(p, '2026-03-05')).toBe('IN_PROGRESS');
    expect(statusAsOf(p, '2026-03-10')).toBe('COMPLETED');
    expect(statusAsOf(p, '2027-01-01')).toBe('COMPLETED');
  });

  it('does not show work as cancelled before it was', () => {
    const cancelled = { ...p, status: 'CANCELLED' as const, completedAt: null, startedAt: null, updatedAt: '2026-03-08T12:00:00.000Z' };
    expect(statusAsOf(cancelled, '2026-03-07')).toBe('PLANNED');
    expect(statusAsOf(cancelled, '2026-03-08')).toBe('CANCELLED');
  });

  it('keeps a finding open until the day it was resolved, and away before it was recorded', () => {
    const f = { recordedOn: '2026-01-10', resolvedOn: '2026-02-01' };
    expect(findingAsOf(f, '2026-01-09')).toBeNull();
    expect(findingAsOf(f, '2026-01-10')).toEqual({ recordedOn: '2026-01-10', resolvedOn: null });
    expect(findingAsOf(f, '2026-02-01')).toEqual(f);
    expect(findingAsOf(f, null)).toEqual(f);
  });
});
