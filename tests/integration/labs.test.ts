/** The lab directory (issue 9, first step), on a real SQLite file. */
import { afterEach, describe, expect, it } from 'vitest';
import { auditCount, digest } from './contract/world';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
afterEach(() => app?.close());

const northside = { name: 'Northside Dental Lab', phone: '555-0142', email: 'cases@northside.example', address: '12 Quay Street', notes: 'Pickup at 4 pm', turnaroundDays: 10 };

describe('labs', () => {
  it('keeps a directory by name, and hides a lab rather than deleting it', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const frontDesk = await app.signInAs(admin, 'FRONT_DESK');
    const before = auditCount(app);
    const lab = await app.call('labs.save', northside, frontDesk);
    expect(lab).toMatchObject({ ...northside, hidden: false, version: 1 });
    await app.call('labs.save', { name: 'Apex Ceramics', turnaroundDays: 7 }, admin);
    expect((await app.call('labs.list', {}, frontDesk)).map((l) => l.name)).toEqual(['Apex Ceramics', 'Northside Dental Lab']);

    const hidden = await app.call('labs.save', { ...northside, id: lab.id, version: 1, hidden: true }, admin);
    expect(hidden).toMatchObject({ hidden: true, version: 2 });
    expect((await app.call('labs.list', {}, frontDesk)).map((l) => l.name)).toEqual(['Apex Ceramics']);
    expect((await app.call('labs.list', { includeHidden: true }, frontDesk)).map((l) => [l.name, l.hidden])).toEqual([
      ['Apex Ceramics', false],
      ['Northside Dental Lab', true],
    ]);
    const shown = await app.call('labs.save', { ...northside, id: lab.id, version: 2, turnaroundDays: 8 }, admin);
    expect(shown).toMatchObject({ hidden: false, turnaroundDays: 8, version: 3 });
    expect(auditCount(app) - before).toBe(4);
    const events = await app.call('audit.list', { entityId: lab.id }, admin);
    expect(events.items.map((e) => [e.entity, e.action])).toEqual([
      ['lab', 'update'],
      ['lab', 'update'],
      ['lab', 'create'],
    ]);
  });

  it('refuses a second lab of the same name, bad details, a stale version and the wrong roles, changing nothing', async () => {
    app = createTestApp();
    const admin = await app.setup();
    const lab = await app.call('labs.save', northside, admin);
    const assistant = await app.signInAs(admin, 'ASSISTANT');
    const stranger = await app.addTenant('Quay Dental');
    const was = digest(app);
    expect(await app.fail('labs.save', { ...northside, name: 'northside dental lab' }, admin)).toMatchObject({
      code: 'VALIDATION',
      message: 'There is already a lab called Northside Dental Lab.',
      issues: [{ path: 'name' }],
    });
    expect(await app.fail('labs.save', { ...northside, name: 'Other', email: 'not an email' }, admin)).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'email' }] });
    expect(await app.fail('labs.save', { ...northside, name: 'Other', phone: 'call us' }, admin)).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'phone' }] });
    expect(await app.fail('labs.save', { ...northside, name: 'Other', turnaroundDays: -1 }, admin)).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'turnaroundDays' }] });
    expect(await app.fail('labs.save', { ...northside, name: 'Other', turnaroundDays: 2.5 }, admin)).toMatchObject({ code: 'VALIDATION' });
    expect(await app.fail('labs.save', { ...northside, name: ' ' }, admin)).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name' }] });
    expect(await app.fail('labs.save', { ...northside, id: lab.id, version: 7 }, admin)).toMatchObject({ code: 'CONFLICT' });
    expect(await app.fail('labs.save', { ...northside, id: lab.id }, admin)).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'version' }] });
    expect(await app.fail('labs.save', { ...northside, name: 'Other' }, assistant)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await app.fail('labs.save', { ...northside, id: lab.id, version: 1 }, stranger)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.call('labs.list', { includeHidden: true }, stranger)).toEqual([]);
    expect(digest(app)).toBe(was);
  });
});
