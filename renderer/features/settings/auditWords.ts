/**
 * The audit trail's actions and record kinds in words, as the audit screen
 * shows them: "Signed in", "Moved status", "Lab case" rather than the
 * core's `sign_in`, `status`, `lab_cases`.
 */
import { STATUS_LABELS } from '../../../shared/domain/status';
import type { AuditEvent } from '../../../shared/types';
import type { Formatter } from '../../lib/format';

export const ACTION_WORDS: Record<string, string> = {
  create: 'Added',
  update: 'Changed',
  status: 'Moved status',
  archive: 'Archived',
  restore: 'Restored',
  delete: 'Removed',
  remove: 'Removed',
  cancel: 'Cancelled',
  unlock: 'Unlocked',
  reset_password: 'Reset password',
  change_password: 'Changed password',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  sign_in_failed: 'Failed sign-in',
  failed_sign_in: 'Failed sign-in',
  sign_in_refused: 'Failed sign-in',
  lock: 'Locked',
  lockout: 'Locked out',
  sent: 'Sent to the lab',
  received: 'Received from the lab',
  checked: 'Checked',
  send: 'Sent to the lab',
  receive: 'Received from the lab',
  check: 'Checked before seating',
  dismiss: 'Dismissed',
  submit: 'Submitted',
  pay: 'Paid',
  paid: 'Paid',
  deny: 'Denied',
  denied: 'Denied',
  correct: 'Corrected',
  export: 'Exported',
  import: 'Imported',
  backup: 'Backed up',
  resolve: 'Resolved',
};

export const ENTITY_WORDS: Record<string, string> = {
  patient: 'Patient',
  patients: 'Patient',
  user: 'User',
  users: 'User',
  tenant: 'Practice settings',
  tenants: 'Practice settings',
  practice: 'Practice settings',
  visit: 'Visit',
  visits: 'Visit',
  procedure: 'Procedure',
  procedures: 'Procedure',
  appointment: 'Appointment',
  appointments: 'Appointment',
  lab: 'Lab',
  labs: 'Lab',
  labCase: 'Lab case',
  lab_cases: 'Lab case',
  order: 'Supply order',
  orders: 'Supply order',
  order_items: 'Supply lot',
  orderItem: 'Supply lot',
  treatmentRecord: 'Material used',
  treatment_records: 'Material used',
  claim: 'Claim',
  claims: 'Claim',
  correction: 'Correction',
  fee_schedule: 'Fee schedule code',
  finding: 'Finding',
  closedDay: 'Closed day',
  reminder: 'Lab notice',
};

/** A word the map does not know yet, made readable: "lab_case" -> "Lab case", "labCase" -> "Lab case". */
function readable(word: string): string {
  const spaced = word
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : word;
}

export const actionWords = (action: string): string => ACTION_WORDS[action] ?? readable(action);
export const entityWords = (entity: string): string => ENTITY_WORDS[entity] ?? readable(entity);

type Rec = Record<string, unknown>;
const asRecord = (v: unknown): Rec | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const statusWord = (v: unknown): string | null => {
  const s = str(v);
  return s ? ((STATUS_LABELS as Record<string, string>)[s] ?? readable(s)) : null;
};

/**
 * Which record the event is about, when its before/after says: a person's
 * name (in the practice's order), a procedure's code and name, a lab's name;
 * and for a status move, from and to.
 */
export function auditDetail(e: Pick<AuditEvent, 'action' | 'before' | 'after'>, fmt: Formatter): string {
  const before = asRecord(e.before);
  const after = asRecord(e.after);
  const rec = after ?? before;
  const parts: string[] = [];
  if (rec) {
    const first = str(rec.firstName) ?? str(rec.first_name);
    const last = str(rec.lastName) ?? str(rec.last_name);
    const person = first && last ? fmt.name({ firstName: first, lastName: last }) : null;
    const label = person ?? str(rec.displayName) ?? str(rec.display_name) ?? (str(rec.code) && (str(rec.name) ?? str(rec.shortName)) ? `${str(rec.code)} ${str(rec.name) ?? str(rec.shortName)}` : str(rec.name) ?? str(rec.product_name) ?? str(rec.supplier));
    if (label) parts.push(label);
  }
  if (e.action === 'status') {
    const from = statusWord(before?.status);
    const to = statusWord(after?.status);
    if (from && to) parts.push(`${from} → ${to}`);
  }
  return parts.join(' · ');
}
