/** Kysely table types, one interface per table, columns exactly as in migrations/. */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { VisitStatus } from '../../../shared/domain/status';

/** Written from the core's clock on insert (required, so no insert forgets it); the migration's default is a safety net. */
type Stamp = ColumnType<string, string, string | undefined>;
type Version = ColumnType<number, number | undefined, number>;
/** Kept by triggers from other rows; the application can read it but never write it. */
type Derived<T> = ColumnType<T, never, never>;

export interface TenantsTable {
  id: string;
  tenant_id: string;
  name: string;
  currency: string;
  locale: ColumnType<string, string | undefined, string>;
  time_format: ColumnType<string, string | undefined, string>;
  name_order: ColumnType<string, string | undefined, string>;
  next_chart_number: ColumnType<number, number | undefined, number>;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  /** SQLite 0/1; convert explicitly. */
  active: ColumnType<number, number | undefined, number>;
  /** SQLite 0/1: can be named as a visit's provider. */
  is_provider: ColumnType<number, number | undefined, number>;
  /** Bumped by a password change or reset: sessions opened before it end. */
  credential_version: ColumnType<number, number | undefined, number>;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface PatientsTable {
  id: string;
  tenant_id: string;
  chart_number: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  phone: string | null;
  email: string | null;
  alerts: string | null;
  archived_at: string | null;
  /** The phone's digits, kept by triggers (migrations/0003) for the search box. */
  phone_digits: Derived<string | null>;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface AppointmentsTable {
  id: string;
  tenant_id: string;
  patient_id: string;
  provider_id: string | null;
  date: string;
  start_time: string | null;
  duration_minutes: number | null;
  reason: string | null;
  status: ColumnType<string, string | undefined, string>;
  notes: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface VisitsTable {
  id: string;
  tenant_id: string;
  patient_id: string;
  appointment_id: string | null;
  provider_id: string;
  date: string;
  time: string | null;
  notes: string | null;
  /** Derived from the visit's procedures by triggers (migrations/0003); never written by the application. */
  status: Derived<VisitStatus>;
  procedure_count: Derived<number>;
  total_cost: Derived<number>;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ProceduresTable {
  id: string;
  tenant_id: string;
  visit_id: string;
  code: string;
  name: string;
  tooth_number: string | null;
  surfaces: string | null;
  area: string | null;
  quantity: number;
  unit_fee: number;
  duration_minutes: number | null;
  performed_by: string | null;
  status: ColumnType<string, string | undefined, string>;
  started_at: string | null;
  completed_at: string | null;
  corrects_procedure_id: string | null;
  notes: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface FeeScheduleTable {
  id: string;
  tenant_id: string;
  code: string;
  short_name: string;
  default_fee: number;
  default_minutes: number | null;
  site_kind: string;
  surface_count: number | null;
  surface_count_or_more: number;
  retired_at: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface FindingsTable {
  id: string;
  tenant_id: string;
  patient_id: string;
  kind: string;
  tooth_number: string;
  surfaces: string | null;
  recorded_on: string;
  recorded_by: string | null;
  resolved_on: string | null;
  resolved_by: string | null;
  notes: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface LabsTable {
  id: string;
  tenant_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  turnaround_days: number;
  archived_at: string | null;
  address: string | null;
  notes: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface LabCasesTable {
  id: string;
  tenant_id: string;
  procedure_id: string;
  lab_id: string;
  sent_date: string | null;
  due_date: string | null;
  received_date: string | null;
  checked_date: string | null;
  tracking_no: string | null;
  shade: string | null;
  instructions: string | null;
  notes: string | null;
  lab_fee: number | null;
  cancelled_date: string | null;
  cancel_reason: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ClosedDaysTable {
  tenant_id: string;
  day: string;
  note: string | null;
  created_at: Stamp;
}

export interface RemindersTable {
  id: string;
  tenant_id: string;
  lab_case_id: string;
  kind: 'OVERDUE' | 'DUE_TOMORROW' | 'NO_APPOINTMENT';
  day: string;
  created_at: string;
  dismissed_at: string | null;
  dismissed_by: string | null;
}

export interface OrdersTable {
  id: string;
  tenant_id: string;
  supplier: string;
  order_number: string | null;
  order_date: string;
  received_date: string | null;
  notes: string | null;
  status: ColumnType<'ORDERED' | 'RECEIVED' | 'CANCELLED', 'ORDERED' | 'RECEIVED' | 'CANCELLED' | undefined, 'ORDERED' | 'RECEIVED' | 'CANCELLED'>;
  cancelled_date: string | null;
  cancel_reason: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ProductSettingsTable {
  tenant_id: string;
  product_id: string;
  low_stock_threshold: number;
  updated_at: string;
}

export interface OrderItemsTable {
  id: string;
  tenant_id: string;
  order_id: string;
  product_id: string;
  product_name: string;
  quantity: number;
  lot_number: string | null;
  expiry_date: string | null;
  unit_cost: number | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface TreatmentRecordsTable {
  id: string;
  tenant_id: string;
  patient_id: string;
  order_id: string;
  order_item_id: string | null;
  procedure_id: string | null;
  product_id: string;
  product_name: string;
  quantity_used: number;
  date_applied: string;
  diagnosis: string | null;
  procedure_performed: string | null;
  wound_location: string | null;
  doctor_notes: string | null;
  recorded_by: string;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ClaimsTable {
  id: string;
  tenant_id: string;
  patient_id: string;
  claim_number: string;
  payer: string;
  status: ColumnType<string, string | undefined, string>;
  submitted_at: string | null;
  total_amount: number;
  paid_amount: number | null;
  notes: string | null;
  version: Version;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ClaimProceduresTable {
  id: string;
  tenant_id: string;
  claim_id: string;
  procedure_id: string;
  fee: number;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  at: string;
  user_id: string | null;
  workstation: string;
  patient_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** The event's place in its practice's chain: 1, 2, 3 … */
  chain_index: number;
  created_at: Stamp;
  updated_at: Stamp;
}

/** Visits per practice and derived status, kept by triggers on visits (migrations/0003). */
export interface VisitCountsTable {
  tenant_id: string;
  status: VisitStatus;
  n: number;
}

/** FTS5 trigram index of "first last" (migrations/0005): search by any part of a name. */
export interface PatientsFtsTable {
  patient_id: string;
  name: string;
}

export interface DB {
  patients_fts: PatientsFtsTable;
  tenants: TenantsTable;
  users: UsersTable;
  patients: PatientsTable;
  appointments: AppointmentsTable;
  visits: VisitsTable;
  visit_counts: VisitCountsTable;
  procedures: ProceduresTable;
  fee_schedule: FeeScheduleTable;
  findings: FindingsTable;
  labs: LabsTable;
  lab_cases: LabCasesTable;
  closed_days: ClosedDaysTable;
  reminders: RemindersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  product_settings: ProductSettingsTable;
  treatment_records: TreatmentRecordsTable;
  claims: ClaimsTable;
  claim_procedures: ClaimProceduresTable;
  audit_events: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type PatientRow = Selectable<PatientsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
