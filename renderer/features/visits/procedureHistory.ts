/**
 * A procedure's audit events in words, for its detail view:
 * "03/02/2026, 9:05 AM — Dr. Noor Haddad at FRONT-1: Changed fee from $195.00 to $210.00".
 * Pure functions over the events `procedures.history` and `visits.history` answer.
 */
import { STATUS_LABELS, type ProcedureStatus } from '../../../shared/domain/status';
import { AREA_NAMES, type Area } from '../../../shared/domain/teeth';
import type { HistoryEntry } from '../../../shared/types';
import type { Formatter } from '../../lib/format';

/** The fields of a procedure a change can touch, in the form's order, by the form's labels. */
const FIELDS = [
  ['code', 'code'],
  ['name', 'description'],
  ['toothNumber', 'tooth'],
  ['surfaces', 'surfaces'],
  ['area', 'area'],
  ['quantity', 'quantity'],
  ['unitFee', 'fee'],
  ['durationMinutes', 'duration'],
  ['performedById', 'performed by'],
  ['notes', 'notes'],
] as const;

type Snapshot = Record<string, unknown>;

const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is ProcedureStatus => typeof v === 'string' && v in STATUS_LABELS;
const quote = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface HistoryContext {
  format: Formatter;
  currency: string;
}

/** One field's value in words: money with its currency, minutes, a person's name, notes in quotes. */
function valueInWords(field: (typeof FIELDS)[number][0], snapshot: Snapshot, ctx: HistoryContext): string {
  const v = snapshot[field];
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return 'none';
  switch (field) {
    case 'unitFee':
      return typeof v === 'number' ? ctx.format.money(v, ctx.currency) : String(v);
    case 'durationMinutes':
      return `${String(v)} min`;
    case 'performedById':
      return typeof snapshot.performedByName === 'string' ? snapshot.performedByName : 'someone no longer listed';
    case 'area':
      return typeof v === 'string' && v in AREA_NAMES ? `${v} (${AREA_NAMES[v as Area]})` : String(v);
    case 'surfaces':
      return Array.isArray(v) ? v.join(' ') : String(v);
    case 'notes':
    case 'name':
      return quote(String(v));
    default:
      return String(v);
  }
}

/** "fee from $195.00 to $210.00; notes from none to “margin sealed”", or null when nothing changed. */
export function describeChanges(before: unknown, after: unknown, ctx: HistoryContext): string | null {
  if (!isSnapshot(before) || !isSnapshot(after)) return null;
  const parts = FIELDS.filter(([field]) => !sameValue(before[field], after[field])).map(
    ([field, label]) => `${label} from ${valueInWords(field, before, ctx)} to ${valueInWords(field, after, ctx)}`,
  );
  return parts.length ? parts.join('; ') : null;
}

/** A lab case's step, as the procedure's history tells it: "Sent to Northside Dental Lab, due 03/11/2026". */
function describeLabStep(action: string, after: Snapshot, ctx: HistoryContext): string {
  const day = (v: unknown) => (typeof v === 'string' ? ctx.format.date(v) : 'an unknown day');
  const lab = typeof after.labName === 'string' ? after.labName : 'the lab';
  switch (action) {
    case 'create':
      return `Opened a lab case for ${lab}`;
    case 'update':
      return 'Changed the lab case';
    case 'send':
      return `Sent to the lab on ${day(after.sentDate)}, due ${day(after.dueDate)}${typeof after.trackingNo === 'string' ? ` (tracking ${after.trackingNo})` : ''}`;
    case 'receive':
      return `Received from the lab on ${day(after.receivedDate)}`;
    case 'check':
      return `Lab work checked on ${day(after.checkedDate)}`;
    case 'cancel':
      return typeof after.cancelReason === 'string' ? `Lab case cancelled: ${quote(after.cancelReason)}` : 'Lab case cancelled';
    default:
      return `Lab case: ${action}`;
  }
}

/** What the event did, in words: Added, Changed fee from … to …, Moved to In progress, Removed, Cancelled. */
export function describeAction(entry: Pick<HistoryEntry, 'action' | 'before' | 'after'> & { entity?: string }, ctx: HistoryContext): string {
  const after = isSnapshot(entry.after) ? entry.after : {};
  if (entry.entity === 'labCase') return describeLabStep(entry.action, after, ctx);
  switch (entry.action) {
    case 'create':
      return 'Added';
    case 'update': {
      const changes = describeChanges(entry.before, entry.after, ctx);
      return changes ? `Changed ${changes}` : 'Saved without changes';
    }
    case 'status':
      return isStatus(after.status) ? `Moved to ${STATUS_LABELS[after.status]}` : 'Moved to another status';
    case 'delete':
      return 'Removed';
    case 'cancel':
      return typeof after.reason === 'string' && after.reason ? `Cancelled: ${quote(after.reason)}` : 'Cancelled';
    case 'visit-cancel':
      return typeof after.reason === 'string' && after.reason ? `Cancelled with the visit: ${quote(after.reason)}` : 'Cancelled with the visit';
    default:
      return entry.action ? entry.action[0]!.toUpperCase() + entry.action.slice(1) : 'Changed';
  }
}

/** When, who, where and what, in words, for a view to set each part apart. */
export function entryParts(entry: HistoryEntry, ctx: HistoryContext) {
  return { when: ctx.format.instant(entry.at), who: entry.userName ?? 'Unknown user', where: entry.workstation, what: describeAction(entry, ctx) };
}

/** "<time> — <user> at <workstation>: <what>" */
export function describeEntry(entry: HistoryEntry, ctx: HistoryContext): string {
  const { when, who, where, what } = entryParts(entry, ctx);
  return `${when} — ${who} at ${where}: ${what}`;
}

/**
 * A procedure's own events, plus the visit's cancellation when that
 * cancelled this procedure too (the core records it once, on the visit),
 * oldest first.
 */
export function procedureTimeline(own: HistoryEntry[], visitEvents: HistoryEntry[] | undefined, procedureId: string): HistoryEntry[] {
  const fromVisit = (visitEvents ?? [])
    .filter((e) => e.action === 'cancel' && isSnapshot(e.after) && Array.isArray(e.after.cancelledProcedures) && e.after.cancelledProcedures.includes(procedureId))
    .map((e) => ({ ...e, action: 'visit-cancel' }));
  return [...own, ...fromVisit].sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

/** The reason a visit was cancelled, with who and when: the latest 'cancel' event, if any. */
export function cancellation(visitEvents: HistoryEntry[] | undefined): { reason: string; at: string; userName: string | null } | null {
  const event = [...(visitEvents ?? [])].reverse().find((e) => e.action === 'cancel');
  if (!event) return null;
  const reason = isSnapshot(event.after) && typeof event.after.reason === 'string' ? event.after.reason : '';
  return { reason, at: event.at, userName: event.userName };
}
