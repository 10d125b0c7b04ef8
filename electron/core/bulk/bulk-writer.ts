/**
 * The bulk path: many records in few transactions, for importing a practice
 * from a previous system and for generating ten years of data to measure
 * with. It keeps the rules the services keep, row by row, at a fraction of
 * their cost:
 * - every change appends its audit event to the practice's hash chain, in
 *   the order the changes happen (callers hand changes over in time order);
 * - a procedure moves only along the status machine, one audited step at a
 *   time, and an archived chart takes no new record;
 * - a lab case steps sent -> received -> checked, moving its procedure;
 * - a product use takes no more than remains of its lot, never from an
 *   expired lot or an order not yet received, and never in the future;
 * - the database's own constraints (foreign keys, CHECKs, triggers that keep
 *   a visit's derived status and total) run on every row.
 * SQLite-only by design: prepared statements on the raw connection, reused
 * for every row, in transactions of `batch` changes.
 */
import { canTransition, type ProcedureStatus } from '../../../shared/domain/status';
import { chainHash, GENESIS } from '../audit/chain';
import type { Actor } from '../context';
import type { Statement } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Sqlite } from '../db/connection';
import type {
  LabCasesTable, LabsTable, OrderItemsTable, OrdersTable, PatientsTable, ProceduresTable, TreatmentRecordsTable, VisitsTable,
} from '../db/schema';

export class BulkRuleError extends Error {
  override name = 'BulkRuleError';
}

type Row = Record<string, string | number | null>;

/** A table's columns as the caller gives them: the writer adds tenant, stamps, status and version. */
type Given<T, K extends keyof Selectable<T>> = Pick<Selectable<T>, K>;

export type BulkPatient = Given<PatientsTable, 'id' | 'chart_number' | 'first_name' | 'last_name' | 'date_of_birth' | 'phone' | 'email' | 'alerts'>;
export type BulkVisit = Given<VisitsTable, 'id' | 'patient_id' | 'provider_id' | 'date' | 'time' | 'notes'>;
export type BulkProcedure = Given<
  ProceduresTable,
  'id' | 'visit_id' | 'code' | 'name' | 'tooth_number' | 'surfaces' | 'area' | 'quantity' | 'unit_fee' | 'duration_minutes' | 'performed_by' | 'notes'
>;
export type BulkLab = Given<LabsTable, 'id' | 'name' | 'phone' | 'email' | 'turnaround_days'>;
export type BulkLabCase = Given<LabCasesTable, 'id' | 'procedure_id' | 'lab_id' | 'due_date' | 'shade' | 'instructions'>;
export type BulkOrder = Given<OrdersTable, 'id' | 'supplier' | 'order_number' | 'order_date' | 'notes'>;
export type BulkOrderItem = Given<OrderItemsTable, 'id' | 'product_id' | 'product_name' | 'quantity' | 'lot_number' | 'expiry_date' | 'unit_cost'>;
/** Product SKU and name come from the lot (order item), as the seed's columns require. */
export type BulkTreatmentRecord = Given<
  TreatmentRecordsTable,
  | 'id' | 'patient_id' | 'order_item_id' | 'procedure_id' | 'quantity_used' | 'date_applied' | 'diagnosis' | 'procedure_performed'
  | 'wound_location' | 'doctor_notes' | 'recorded_by'
> & { order_item_id: string };

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The audit payload in the shape the services record: camelCase, no tenant. */
function payload(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (k !== 'tenant_id') out[camel(k)] = v;
  return out;
}

export interface BulkWriterOptions {
  /** Changes per transaction. */
  batch?: number;
  /** Today, as YYYY-MM-DD: nothing is recorded as used after it. */
  today: string;
  /** Ids of the audit events (the services use the core's newId). */
  newId: () => string;
}

export class BulkWriter {
  readonly #sqlite: Sqlite;
  #actor: Actor;
  readonly #newId: () => string;
  readonly #batch: number;
  readonly #today: string;
  readonly #statements = new Map<string, Statement<unknown[]>>();
  #pending = 0;
  /** What has been used of each lot, read once per batch (while this writer holds the write lock). */
  readonly #used = new Map<string, number>();
  #prevHash = GENESIS;
  #chainIndex = 0;
  #lastAt = '';
  #events = 0;

  constructor(sqlite: Sqlite, actor: Actor, options: BulkWriterOptions) {
    this.#sqlite = sqlite;
    this.#actor = actor;
    this.#batch = options.batch ?? 20_000;
    this.#today = options.today;
    this.#newId = options.newId;
  }

  /** Who makes the following changes (the front desk books, the dentist treats …). */
  as(userId: string | null): this {
    this.#actor = { ...this.#actor, userId };
    return this;
  }

  /** Audit events appended so far. */
  get events(): number {
    return this.#events;
  }

  patient(row: BulkPatient, at: string): void {
    this.#insert('patients', { ...row, archived_at: null }, at);
    // A chart number that is the practice's next automatic one takes it, as patients.create would.
    this.#run(
      'UPDATE tenants SET next_chart_number = next_chart_number + 1 WHERE id = ? AND CAST(next_chart_number AS TEXT) = ?',
      this.#actor.tenantId,
      row.chart_number,
    );
    this.#audit(at, 'patient', row.id, row.id, 'create', undefined, row);
  }

  archivePatient(id: string, at: string): void {
    const changes = this.#run('UPDATE patients SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND tenant_id = ? AND archived_at IS NULL', at, at, id, this.#actor.tenantId);
    if (!changes) throw new BulkRuleError(`patient ${id} is unknown or already archived`);
    this.#audit(at, 'patient', id, id, 'archive', { archivedAt: null }, { archived_at: at });
  }

  visit(row: BulkVisit, at: string): void {
    this.#openChart(row.patient_id);
    this.#insert('visits', row, at);
    this.#audit(at, 'visit', row.id, row.patient_id, 'create', undefined, row);
  }

  /**
   * A new procedure is PLANNED; `steps` then move it along the status
   * machine, each step checked and audited. The row is written once, in the
   * state the last step leaves it.
   */
  procedure(row: BulkProcedure, at: string, steps: readonly { to: ProcedureStatus; at: string }[] = []): void {
    const patientId = this.#patientOfVisit(row.visit_id);
    this.#openChart(patientId);
    let status: ProcedureStatus = 'PLANNED';
    let started: string | null = null;
    let completed: string | null = null;
    for (const step of steps) {
      if (step.to === 'SENT_TO_LAB' || step.to === 'RECEIVED') throw new BulkRuleError('Lab steps go through the lab case.');
      if (!canTransition(status, step.to)) throw new BulkRuleError(`procedure ${row.id}: ${status} cannot become ${step.to}`);
      if (step.at < at) throw new BulkRuleError(`procedure ${row.id}: a step before the procedure was added`);
      status = step.to;
      if (status === 'IN_PROGRESS') started = step.at;
      if (status === 'COMPLETED') completed = step.at;
    }
    this.#insert('procedures', { ...row, status, started_at: started, completed_at: completed, version: 1 + steps.length }, at);
    this.#audit(at, 'procedure', row.id, patientId, 'create', undefined, { ...row, status: 'PLANNED' });
    let from: ProcedureStatus = 'PLANNED';
    for (const step of steps) {
      this.#audit(step.at, 'procedure', row.id, patientId, 'status', { status: from }, { status: step.to });
      from = step.to;
    }
  }

  procedureStatus(id: string, to: ProcedureStatus, at: string): void {
    const current = this.#get<{ status: ProcedureStatus; patient_id: string }>(
      'SELECT pr.status, v.patient_id FROM procedures pr JOIN visits v ON v.id = pr.visit_id WHERE pr.id = ? AND pr.tenant_id = ?',
      id,
      this.#actor.tenantId,
    );
    if (!current) throw new BulkRuleError(`procedure ${id} is unknown`);
    if (!canTransition(current.status, to)) throw new BulkRuleError(`procedure ${id}: ${current.status} cannot become ${to}`);
    this.#openChart(current.patient_id);
    const started = to === 'IN_PROGRESS' ? at : null;
    const completed = to === 'COMPLETED' ? at : null;
    this.#run(
      'UPDATE procedures SET status = ?, started_at = coalesce(?, started_at), completed_at = coalesce(?, completed_at), version = version + 1, updated_at = ? WHERE id = ?',
      to, started, completed, at, id,
    );
    this.#audit(at, 'procedure', id, current.patient_id, 'status', { status: current.status }, { status: to });
  }

  lab(row: BulkLab, at: string): void {
    this.#insert('labs', row, at);
    this.#audit(at, 'lab', row.id, null, 'create', undefined, row);
  }

  labCase(row: BulkLabCase, at: string): void {
    const patientId = this.#patientOfProcedure(row.procedure_id);
    this.#openChart(patientId);
    this.#insert('lab_cases', row, at);
    this.#audit(at, 'labCase', row.id, patientId, 'create', undefined, row);
  }

  /** sent -> received -> checked; sent and received move the procedure in the same change. */
  labCaseStep(id: string, step: 'sent' | 'received' | 'checked', date: string, at: string, trackingNo: string | null = null): void {
    const c = this.#get<{ procedure_id: string; sent_date: string | null; received_date: string | null; checked_date: string | null }>(
      'SELECT procedure_id, sent_date, received_date, checked_date FROM lab_cases WHERE id = ? AND tenant_id = ?',
      id,
      this.#actor.tenantId,
    );
    if (!c) throw new BulkRuleError(`lab case ${id} is unknown`);
    const ready = step === 'sent' ? !c.sent_date : step === 'received' ? c.sent_date && !c.received_date : c.received_date && !c.checked_date;
    if (!ready) throw new BulkRuleError(`lab case ${id} cannot be marked ${step} now`);
    const patientId = this.#patientOfProcedure(c.procedure_id);
    this.#openChart(patientId);
    this.#run(
      `UPDATE lab_cases SET ${step}_date = ?, tracking_no = coalesce(?, tracking_no), version = version + 1, updated_at = ? WHERE id = ?`,
      date, trackingNo, at, id,
    );
    if (step !== 'checked') {
      const to: ProcedureStatus = step === 'sent' ? 'SENT_TO_LAB' : 'RECEIVED';
      const { status } = this.#get<{ status: ProcedureStatus }>('SELECT status FROM procedures WHERE id = ?', c.procedure_id)!;
      if (!canTransition(status, to)) throw new BulkRuleError(`procedure ${c.procedure_id}: ${status} cannot become ${to}`);
      this.#run('UPDATE procedures SET status = ?, version = version + 1, updated_at = ? WHERE id = ?', to, at, c.procedure_id);
    }
    this.#audit(at, 'labCase', id, patientId, step, undefined, { [`${step}Date`]: date });
  }

  /** An order and its lots, recorded as received on `receivedDate` when given. */
  order(row: BulkOrder, items: readonly BulkOrderItem[], at: string, receivedDate: string | null): void {
    this.#insert('orders', { ...row, received_date: receivedDate, status: receivedDate ? 'RECEIVED' : 'ORDERED' }, at);
    for (const item of items) this.#insert('order_items', { ...item, order_id: row.id }, at);
    this.#audit(at, 'order', row.id, null, 'create', undefined, { ...row, receivedDate, items: items.map(payload) });
  }

  treatmentRecord(row: BulkTreatmentRecord, at: string): void {
    this.#openChart(row.patient_id);
    if (row.date_applied > this.#today) throw new BulkRuleError(`treatment record ${row.id} is dated in the future`);
    const lot = this.#get<{ order_id: string; product_id: string; product_name: string; quantity: number; expiry_date: string | null; received_date: string | null; status: string }>(
      `SELECT i.order_id, i.product_id, i.product_name, i.quantity, i.expiry_date, o.received_date, o.status
         FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.id = ? AND i.tenant_id = ?`,
      row.order_item_id,
      this.#actor.tenantId,
    );
    if (!lot) throw new BulkRuleError(`order item ${row.order_item_id} is unknown`);
    if (!lot.received_date || lot.received_date > row.date_applied || lot.status !== 'RECEIVED') throw new BulkRuleError(`order item ${row.order_item_id} was not received by ${row.date_applied}`);
    if (lot.expiry_date && lot.expiry_date < row.date_applied) throw new BulkRuleError(`order item ${row.order_item_id} expired on ${lot.expiry_date}`);
    const used =
      this.#used.get(row.order_item_id) ??
      this.#get<{ used: number }>('SELECT coalesce(sum(quantity_used), 0) AS used FROM treatment_records WHERE order_item_id = ?', row.order_item_id)!.used;
    if (used + row.quantity_used > lot.quantity) throw new BulkRuleError(`order item ${row.order_item_id} has ${lot.quantity - used} left, not ${row.quantity_used}`);
    const full = { ...row, order_id: lot.order_id, product_id: lot.product_id, product_name: lot.product_name };
    this.#insert('treatment_records', full, at);
    this.#used.set(row.order_item_id, used + row.quantity_used);
    this.#audit(at, 'treatmentRecord', row.id, row.patient_id, 'create', undefined, full);
  }

  /** Commits what is pending. Call once at the end; the writer can go on afterwards. */
  flush(): void {
    if (this.#sqlite.inTransaction) this.#sqlite.exec('COMMIT');
    this.#pending = 0;
  }

  /** Gives up what is pending: nothing of the open batch persists. */
  abandon(): void {
    if (this.#sqlite.inTransaction) this.#sqlite.exec('ROLLBACK');
    this.#pending = 0;
  }

  #begin(): void {
    if (this.#sqlite.inTransaction) return;
    this.#sqlite.exec('BEGIN IMMEDIATE');
    this.#used.clear();
    // Another writer may have appended since the last batch: continue from the chain's real head.
    const head = this.#get<{ hash: string; chain_index: number }>(
      'SELECT hash, chain_index FROM audit_events WHERE tenant_id = ? ORDER BY chain_index DESC LIMIT 1',
      this.#actor.tenantId,
    );
    this.#prevHash = head?.hash ?? GENESIS;
    this.#chainIndex = head?.chain_index ?? 0;
  }

  #statement(sql: string) {
    let s = this.#statements.get(sql);
    if (!s) this.#statements.set(sql, (s = this.#sqlite.prepare<unknown[]>(sql)));
    return s;
  }

  #get<T>(sql: string, ...params: unknown[]): T | undefined {
    this.#begin();
    return this.#statement(sql).get(...params) as T | undefined;
  }

  #run(sql: string, ...params: unknown[]): number {
    this.#begin();
    return this.#statement(sql).run(...params).changes;
  }

  #insert(table: string, row: Row, at: string): void {
    const full: Row = { ...row, tenant_id: this.#actor.tenantId, created_at: at, updated_at: at };
    const cols = Object.keys(full);
    this.#run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, ...Object.values(full));
  }

  #openChart(patientId: string): void {
    const p = this.#get<{ archived_at: string | null }>('SELECT archived_at FROM patients WHERE id = ? AND tenant_id = ?', patientId, this.#actor.tenantId);
    if (!p) throw new BulkRuleError(`patient ${patientId} is unknown`);
    if (p.archived_at) throw new BulkRuleError(`patient ${patientId} is archived`);
  }

  #patientOfVisit(visitId: string): string {
    const v = this.#get<{ patient_id: string }>('SELECT patient_id FROM visits WHERE id = ? AND tenant_id = ?', visitId, this.#actor.tenantId);
    if (!v) throw new BulkRuleError(`visit ${visitId} is unknown`);
    return v.patient_id;
  }

  #patientOfProcedure(procedureId: string): string {
    const v = this.#get<{ patient_id: string }>(
      'SELECT v.patient_id FROM procedures pr JOIN visits v ON v.id = pr.visit_id WHERE pr.id = ? AND pr.tenant_id = ?',
      procedureId,
      this.#actor.tenantId,
    );
    if (!v) throw new BulkRuleError(`procedure ${procedureId} is unknown`);
    return v.patient_id;
  }

  #audit(at: string, entity: string, entityId: string, patientId: string | null, action: string, before: unknown, after: Row | Record<string, unknown>): void {
    // The chain is in the order of changes; a change handed over out of time order is a caller's bug.
    if (at < this.#lastAt) throw new BulkRuleError(`changes must come in time order: ${at} after ${this.#lastAt}`);
    this.#lastAt = at;
    this.#begin();
    const event = {
      id: this.#newId(),
      tenant_id: this.#actor.tenantId,
      at,
      user_id: this.#actor.userId,
      workstation: this.#actor.workstation,
      patient_id: patientId,
      entity,
      entity_id: entityId,
      action,
      before_json: before === undefined ? null : JSON.stringify(before),
      after_json: JSON.stringify(payload(after as Row)),
    };
    const hash = chainHash(this.#prevHash, event);
    this.#statement(
      `INSERT INTO audit_events (id, tenant_id, at, user_id, workstation, patient_id, entity, entity_id, action, before_json, after_json, prev_hash, hash, chain_index, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.id, event.tenant_id, at, event.user_id, event.workstation, patientId, entity, entityId, action,
      event.before_json, event.after_json, this.#prevHash, hash, this.#chainIndex + 1, at, at,
    );
    this.#prevHash = hash;
    this.#chainIndex++;
    this.#events++;
    if (++this.#pending >= this.#batch) this.flush();
  }
}
