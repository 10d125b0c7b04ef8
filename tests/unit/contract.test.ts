import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AuthedContext, CallContext } from '../../electron/core/context';
import type { Handler } from '../../electron/core/handler';
import { contract, mayCall, patientFields, procedureFields } from '../../shared/contract';

describe('contract schemas (shared by forms and the main process)', () => {
  it('normalises procedure input', () => {
    const parsed = procedureFields.parse({ code: ' d2391 ', name: 'Composite', unitFee: 19500, toothNumber: '', area: '' });
    expect(parsed).toMatchObject({ code: 'D2391', toothNumber: null, area: null, surfaces: [], quantity: 1, notes: null });
  });

  it('reports tooth rules on the field they belong to', () => {
    const r = procedureFields.safeParse({ code: 'D2391', name: 'x', unitFee: 1, toothNumber: '8', surfaces: ['O'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['surfaces', 'Tooth 8 is a front tooth: use I (incisal) instead of O.'],
    ]);
  });

  it('parses sort as field and direction, defaulting to newest first', () => {
    const input = contract['visits.listByPatient'].input;
    const id = '00000000-0000-4000-8000-000000000001';
    expect(input.parse({ patientId: id }).sort).toEqual({ field: 'date', dir: 'desc' });
    expect(input.parse({ patientId: id, sort: 'totalCost,asc' }).sort).toEqual({ field: 'totalCost', dir: 'asc' });
    expect(input.safeParse({ patientId: id, sort: 'date,sideways' }).success).toBe(false);
  });

  it('turns empty optional patient fields into null', () => {
    expect(patientFields.parse({ firstName: 'A', lastName: 'B', dateOfBirth: '2000-01-01', email: '', phone: '' })).toMatchObject({
      email: null,
      phone: null,
      alerts: null,
    });
  });
});

describe('mayCall', () => {
  it('answers from the same role lists dispatch() enforces', () => {
    expect(mayCall('procedures.add', 'ASSISTANT')).toBe(true);
    expect(mayCall('procedures.add', 'FRONT_DESK')).toBe(false);
    expect(mayCall('procedures.remove', 'ASSISTANT')).toBe(false);
    expect(mayCall('users.create', 'DENTIST')).toBe(false);
    expect(mayCall('auth.signIn', null)).toBe(true);
    expect(mayCall('patients.search', null)).toBe(false);
  });
});

describe('visit sort', () => {
  it('accepts exactly "field,dir" as docs/api.md says', () => {
    const input = contract['visits.search'].input;
    expect(input.parse({ sort: 'createdAt,asc' }).sort).toEqual({ field: 'createdAt', dir: 'asc' });
    for (const sort of ['date', 'date,desc,xyz', 'date,', ',desc', 'Date,desc', 'date,DESC', 'date desc']) {
      expect(input.safeParse({ sort }).success, sort).toBe(false);
    }
  });
});

describe('handler types follow the contract', () => {
  it('lets a public channel run without a session, and gives every other channel one', () => {
    // Checked by the type checker (npm run typecheck): a public handler reading ctx.session.tenantId would not compile.
    expectTypeOf<Parameters<Handler<'session.state'>>[0]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<Handler<'auth.signIn'>>[0]>().toEqualTypeOf<CallContext>();
    expectTypeOf<Parameters<Handler<'patients.get'>>[0]>().toEqualTypeOf<AuthedContext>();
    expect(contract['session.state'].roles).toBe('public');
  });
});
