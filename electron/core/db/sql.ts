/**
 * The SQL that is SQLite's own, behind small helpers, so the rest of the core
 * stays in portable Kysely and a PostgreSQL dialect later is a change here
 * (and in migrations/), not in every feature.
 */
import { type Expression, type RawBuilder, sql } from 'kysely';

/** Case-insensitive ordering and comparison of a text column (PostgreSQL: lower() or a citext column). */
export function nocase(column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} collate nocase`;
}

/** LIKE pattern for "starts with", with the user's % _ \ taken literally. */
export function startsWith(column: string, prefix: string): RawBuilder<boolean> {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** LIKE pattern for "contains", with the user's % _ \ taken literally. */
export function contains(column: Expression<string | null> | string, part: string): RawBuilder<boolean> {
  const pattern = `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const col = typeof column === 'string' ? sql.ref(column) : column;
  return sql<boolean>`${col} like ${pattern} escape '\\'`;
}

/** How many rows of a group match a condition (SQLite would sum booleans; this form is portable). */
export function countWhere(condition: RawBuilder<boolean>): RawBuilder<number> {
  return sql<number>`sum(case when ${condition} then 1 else 0 end)`;
}

/**
 * An FTS5 query that matches rows containing every word anywhere (the trigram
 * tokenizer), each word quoted so the user's text is never FTS syntax. Only
 * words of four letters or more: shorter ones are what people type while a
 * name's start is still coming (the prefix search answers those), and a
 * three-letter part of a name matches so many names that it cost a practice
 * of 20,000 patients 20 ms a keystroke instead of 4 (docs/performance.md).
 */
export function trigramQuery(words: readonly string[]): string | null {
  const usable = words.filter((w) => [...w].length >= 4);
  return usable.length ? usable.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ') : null;
}
