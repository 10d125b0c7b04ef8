import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS } from '../../electron/core/audit/chain';
import { JobCancelled, JobRunner } from '../../electron/core/worker/jobs';
import { createTestApp, type TestApp } from './harness';

const EVENTS = 100_000;
let app: TestApp;
beforeAll(() => {
  app = createTestApp();
  // A practice with a long, valid audit chain: verifying it takes long enough to watch and to cancel.
  const db = app.core.sqlite;
  db.prepare("INSERT INTO tenants (id, tenant_id, name, currency, created_at, updated_at) VALUES ('bulk', 'bulk', 'Bulk', 'EUR', 'x', 'x')").run();
  const insert = db.prepare(
    `INSERT INTO audit_events (id, tenant_id, at, user_id, workstation, patient_id, entity, entity_id, action, before_json, after_json, prev_hash, hash, chain_index, created_at, updated_at)
     VALUES (@id, @tenant_id, @at, @user_id, @workstation, @patient_id, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash, @chain_index, @at, @at)`,
  );
  db.transaction(() => {
    let prev = GENESIS;
    for (let i = 0; i < EVENTS; i++) {
      const e = {
        id: `e${i}`, tenant_id: 'bulk', at: '2026-01-01T00:00:00.000Z', user_id: null, workstation: 'w', patient_id: null,
        entity: 'patient', entity_id: `p${i}`, action: 'create', before_json: null, after_json: '{}',
      };
      const hash = chainHash(prev, e);
      insert.run({ ...e, prev_hash: prev, hash, chain_index: i + 1 });
      prev = hash;
    }
  })();
});
afterAll(() => app.close());

describe('job workers', () => {
  it('run a long job off the main thread and report its progress', async () => {
    const progress: { done: number; total: number }[] = [];
    const result = await app.core.jobs.run('auditVerify', { tenantId: 'bulk' }, { onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ checked: EVENTS, ok: true, brokenAt: null });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ done: EVENTS, total: EVENTS });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });

  it('cancels a running job midway', async () => {
    const controller = new AbortController();
    let firstProgress = 0;
    const run = app.core.jobs.run('auditVerify', { tenantId: 'bulk' }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (!firstProgress) {
          firstProgress = p.done;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(firstProgress).toBeGreaterThan(0);
    expect(firstProgress).toBeLessThan(EVENTS);
    // The worker is free again for the next job.
    expect((await app.core.jobs.run('auditVerify', { tenantId: 'bulk' })).ok).toBe(true);
  });

  it('drops a job cancelled while it waits in the queue, and runs the next one', async () => {
    const runner = new JobRunner({ file: app.file }, 1);
    try {
      const first = runner.run('auditVerify', { tenantId: 'bulk' });
      const controller = new AbortController();
      const second = runner.run('auditVerify', { tenantId: 'bulk' }, { signal: controller.signal });
      controller.abort();
      const third = runner.run('procedureSummary', { tenantId: 'bulk', from: '2026-01-01', to: '2026-12-31' });
      await expect(second).rejects.toBeInstanceOf(JobCancelled);
      expect((await first).checked).toBe(EVENTS);
      expect(await third).toMatchObject({ rows: [], production: 0, currency: 'EUR' });
    } finally {
      await runner.close();
    }
  });

  it('keeps serving after a worker dies: only the job it held fails', async () => {
    const runner = new JobRunner({ file: app.file }, 1);
    try {
      const doomed = runner.run('auditVerify', { tenantId: 'bulk' });
      const slots = (runner as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
      await slots[0]!.worker.terminate();
      await expect(doomed).rejects.toThrow(/stopped/);
      expect((await runner.run('auditVerify', { tenantId: 'bulk' })).ok).toBe(true);
    } finally {
      await runner.close();
    }
  });

  it('reports a broken chain at the first event that does not match', async () => {
    const runner = new JobRunner({ file: app.file }, 1);
    try {
      app.core.sqlite.exec('DROP TRIGGER audit_events_no_update');
      app.core.sqlite.prepare("UPDATE audit_events SET after_json = '{\"x\":1}' WHERE id = 'e500'").run();
      const seq = (app.core.sqlite.prepare("SELECT seq FROM audit_events WHERE id = 'e500'").get() as { seq: number }).seq;
      expect(await runner.run('auditVerify', { tenantId: 'bulk' })).toEqual({ checked: 501, ok: false, brokenAt: seq });
    } finally {
      await runner.close();
    }
  });
});

describe('job workers under misuse', () => {
  it('fails a job whose arguments cannot be sent, and keeps the worker for the next job', async () => {
    const runner = new JobRunner({ file: app.file }, 1);
    try {
      const unsendable = { tenantId: 'bulk', nope: () => 1 } as unknown as { tenantId: string };
      await expect(runner.run('auditVerify', unsendable)).rejects.toThrow(/could not be cloned/);
      // (An earlier test broke the chain on purpose: the answer is a report, which is all this needs.)
      expect((await runner.run('auditVerify', { tenantId: 'bulk' })).checked).toBeGreaterThan(0);
    } finally {
      await runner.close();
    }
  });

  it('survives a progress callback that throws, and stops listening to the signal once done', async () => {
    const controller = new AbortController();
    const result = await app.core.jobs.run('auditVerify', { tenantId: 'bulk' }, {
      signal: controller.signal,
      onProgress: () => {
        throw new Error('the progress bar broke');
      },
    });
    expect(result.checked).toBeGreaterThan(0);
    controller.abort();
    expect(await app.core.jobs.run('auditVerify', { tenantId: 'bulk' })).toEqual(result);
  });
});
