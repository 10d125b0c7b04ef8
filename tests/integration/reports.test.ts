import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clinic } from './clinic';
import { createTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.close());

describe('procedure summary report (worker thread, read-only connection)', () => {
  it('counts procedures by status and totals completed production in the range', async () => {
    const c = await clinic(app);
    const a = await c.add({ unitFee: 10000, quantity: 2 });
    await c.add({ unitFee: 5000 });
    await app.call('procedures.setStatus', { id: a.id, version: 1, status: 'IN_PROGRESS' }, c.dentist);
    await app.call('procedures.setStatus', { id: a.id, version: 2, status: 'COMPLETED' }, c.dentist);

    const report = await app.call('reports.procedureSummary', { from: '2026-03-01', to: '2026-03-31' }, c.admin);
    expect(report).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      currency: 'EUR',
      production: 20000,
      rows: [
        { status: 'COMPLETED', count: 1, total: 20000 },
        { status: 'PLANNED', count: 1, total: 5000 },
      ],
    });
    const empty = await app.call('reports.procedureSummary', { from: '2025-01-01', to: '2025-12-31' }, c.admin);
    expect(empty).toMatchObject({ rows: [], production: 0 });
  });
});
