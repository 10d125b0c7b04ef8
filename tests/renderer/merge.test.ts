import { describe, expect, it } from 'vitest';
import { mergeAfterConflict, same } from '../../renderer/lib/merge';

const base = { name: 'Composite', unitFee: 19500, notes: '', surfaces: ['O'] };

describe('merging a form with what someone else saved', () => {
  it('takes their value where the user typed nothing, keeps the user’s where they did not touch it', () => {
    const mine = { ...base, notes: 'margin sealed' };
    const theirs = { ...base, unitFee: 21000 };
    expect(mergeAfterConflict(base, mine, theirs)).toEqual({
      values: { name: 'Composite', unitFee: 21000, notes: 'margin sealed', surfaces: ['O'] },
      clashes: [],
      updated: ['unitFee'],
    });
  });

  it('names every field both changed differently, and keeps the user’s value there until they choose', () => {
    const mine = { ...base, unitFee: 20000, surfaces: ['M', 'O'] };
    const theirs = { ...base, unitFee: 21000, surfaces: ['M', 'O'] };
    const merged = mergeAfterConflict(base, mine, theirs);
    expect(merged.clashes).toEqual([{ field: 'unitFee', mine: 20000, theirs: 21000 }]);
    expect(merged.values.unitFee).toBe(20000);
    expect(merged.updated).toEqual([]);
  });

  it('treats an emptied field and null as the same', () => {
    expect(same('', null)).toBe(true);
    expect(same(undefined, '')).toBe(true);
    expect(same(0, '')).toBe(false);
    expect(mergeAfterConflict({ a: null }, { a: '' }, { a: null }).clashes).toEqual([]);
  });

  it('never writes a stale value back: every field is the user’s change or the saved value (all 64 cases)', () => {
    const options = ['a', 'b', '', 3];
    for (const b of options) for (const m of options) for (const t of options) {
      const { values, clashes } = mergeAfterConflict({ x: b }, { x: m }, { x: t });
      const userChanged = !same(m, b);
      const savedChanged = !same(t, b);
      if (userChanged && savedChanged && !same(m, t)) {
        expect(clashes, `${b}/${m}/${t}`).toEqual([{ field: 'x', mine: m, theirs: t }]);
      } else {
        expect(clashes).toEqual([]);
        expect(same(values.x, userChanged ? m : t), `${b}/${m}/${t}`).toBe(true);
      }
    }
  });
});
