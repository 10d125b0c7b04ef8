/** Kysely's SQLite driver reuses prepared statements through the core's cache. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKysely, openSqlite, StatementCache } from '../../electron/core/db/connection';
import { tempDir } from './harness';

const scratch = tempDir();
const db = openSqlite(join(scratch.dir, 'cache.sqlite'));
afterAll(() => {
  db.close();
  scratch.cleanup();
});

describe('statement cache', () => {
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES (\'a\'), (\'b\'), (\'c\')');

  it('prepares each SQL text once and reuses it', async () => {
    const cache = new StatementCache(db);
    const k = createKysely(db, cache);
    for (let i = 0; i < 5; i++) await k.selectFrom('t' as never).selectAll().where('id' as never, '=', i as never).execute();
    expect({ size: cache.size, misses: cache.misses, hits: cache.hits }).toEqual({ size: 1, misses: 1, hits: 4 });
  });

  it('lets the least recently used statement go past its limit', () => {
    const cache = new StatementCache(db, 2);
    const a = cache.prepare('SELECT 1');
    cache.prepare('SELECT 2');
    cache.prepare('SELECT 1'); // now the most recent
    cache.prepare('SELECT 3'); // evicts SELECT 2
    expect(cache.size).toBe(2);
    expect(cache.prepare('SELECT 1')).toBe(a);
    const misses = cache.misses;
    cache.prepare('SELECT 2');
    expect(cache.misses).toBe(misses + 1);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const cache = new StatementCache(db);
    const first = cache.prepare('SELECT v FROM t ORDER BY id');
    const rows = first.iterate();
    rows.next();
    const second = cache.prepare('SELECT v FROM t ORDER BY id');
    expect(second).not.toBe(first);
    expect(second.pluck().all()).toEqual(['a', 'b', 'c']);
    rows.return?.();
    expect(cache.prepare('SELECT v FROM t ORDER BY id')).toBe(first);
  });
});
