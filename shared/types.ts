/** Output shapes of the contract's channels (camelCase; the database is snake_case). */
import type { Role } from './domain/roles';
import type { ProcedureStatus, VisitStatus } from './domain/status';
import type { SiteKind } from './domain/fee-schedule';
import type { FindingKind } from './domain/findings';
import type { Area, Surface } from './domain/teeth';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface SessionUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  role: Role;
  practiceName: string;
  currency: string;
  /** How this practice writes dates, times and names (practice settings). */
  formats: Formats;
}

export type TimeFormat = '12h' | '24h';
export type NameOrder = 'first_last' | 'last_first';

export interface Formats {
  /** BCP 47, e.g. en-US, en-GB, fr-FR: date order, month names, money. */
  locale: string;
  timeFormat: TimeFormat;
  /** Lists and headers: "Tanaka, Maya" or "Maya Tanaka". */
  nameOrder: NameOrder;
}

export interface PracticeSettings extends Formats {
  name: string;
  currency: string;
  version: number;
}

export interface SessionState {
  needsSetup: boolean;
  user: SessionUser | null;
  workstation: string;
  /** The main process's clock (ISO-8601 UTC): "today" and "overdue" follow it, not the workstation's. */
  now: string;
}

export interface SignedIn {
  user: SessionUser;
  sessionToken: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** Can be named as a visit's provider (dentists, hygienists, and administrators who treat patients). */
  provider: boolean;
  /** Minutes until this user may try a password again after too many wrong ones (0: not locked out). */
  lockedMinutes: number;
  version: number;
  createdAt: string;
}

export interface Provider {
  id: string;
  displayName: string;
  role: Role;
}

export interface Patient {
  id: string;
  chartNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  alerts: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VisitSummary {
  id: string;
  patientId: string;
  /** "Last, First", the sort form; screens format the two names below as the practice prefers. */
  patientName: string;
  patientFirstName: string;
  patientLastName: string;
  /** Set when the patient is archived: the visit is read-only. */
  patientArchivedAt: string | null;
  chartNumber: string;
  appointmentId: string | null;
  providerId: string;
  providerName: string;
  date: string;
  time: string | null;
  notes: string | null;
  status: VisitStatus;
  procedureCount: number;
  /** Minor units, non-cancelled procedures only. */
  totalCost: number;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Procedure {
  id: string;
  visitId: string;
  code: string;
  name: string;
  toothNumber: string | null;
  surfaces: Surface[];
  area: Area | null;
  quantity: number;
  unitFee: number;
  durationMinutes: number | null;
  performedById: string | null;
  performedByName: string | null;
  status: ProcedureStatus;
  startedAt: string | null;
  completedAt: string | null;
  correctsProcedureId: string | null;
  notes: string | null;
  /** On a submitted claim: cannot be edited, only corrected. */
  lockedByClaim: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A dental lab the practice sends work to. */
export interface Lab {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  /** Working days from sending to the due date (weekends and closed days skipped). */
  turnaroundDays: number;
  /** Hidden labs are not offered for new cases; their cases keep them. */
  hidden: boolean;
  version: number;
}

/** Where a lab case stands: set by its dated steps, in this order (or cancelled before it comes back). */
export type LabCaseStage = 'NOT_SENT' | 'AT_LAB' | 'RECEIVED' | 'CHECKED' | 'CANCELLED';

/** A piece of work (a crown, a bridge, a night guard) made by a lab for one procedure. */
export interface LabCase {
  id: string;
  stage: LabCaseStage;
  labId: string;
  labName: string;
  labPhone: string | null;
  sentDate: string | null;
  /** Sent date plus the lab's turnaround in working days, unless set by hand. */
  dueDate: string | null;
  receivedDate: string | null;
  checkedDate: string | null;
  cancelledDate: string | null;
  cancelReason: string | null;
  trackingNo: string | null;
  shade: string | null;
  instructions: string | null;
  notes: string | null;
  /** What the lab charges, minor units; never part of the patient's fees. */
  labFee: number | null;
  procedure: {
    id: string;
    code: string;
    name: string;
    toothNumber: string | null;
    surfaces: Surface[];
    area: Area | null;
    status: ProcedureStatus;
    lockedByClaim: string | null;
    version: number;
  };
  visitId: string;
  visitDate: string;
  patientId: string;
  patientFirstName: string;
  patientLastName: string;
  chartNumber: string;
  patientArchivedAt: string | null;
  providerId: string;
  providerName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns of the lab board, in the order a case moves through them. */
export type LabBoardColumn = 'notSent' | 'atLab' | 'dueToday' | 'overdue' | 'awaitingCheck' | 'readyToSeat';

export interface LabBoardCard extends LabCase {
  /** Calendar days past the due date; 0 unless overdue. */
  daysOverdue: number;
}

export interface LabBoard {
  /** The day the board was drawn for (the main process's clock). */
  today: string;
  columns: Record<LabBoardColumn, { count: number; cards: LabBoardCard[] }>;
}

/** A day the practice is closed: no lab turnaround counts it. */
export interface ClosedDay {
  day: string;
  note: string | null;
}

export type ReminderKind = 'OVERDUE' | 'DUE_TOMORROW' | 'NO_APPOINTMENT';

/** A notice the reminder job raised about a lab case, at most one per case per day. */
export interface Reminder {
  id: string;
  kind: ReminderKind;
  day: string;
  createdAt: string;
  /** The notice in words, e.g. "Crown on 3 for Ana Lopez is 2 days overdue at Northside Dental Lab." */
  message: string;
  labCase: LabCase;
}

export type OrderStatus = 'ORDERED' | 'RECEIVED' | 'CANCELLED';

/** One line of a supply order: a product, and once received, its lot. */
export interface OrderItem {
  id: string;
  /** The product's SKU, as treatment records name it. */
  productId: string;
  productName: string;
  quantity: number;
  /** Minor units per unit, when known. */
  unitCost: number | null;
  lotNumber: string | null;
  expiryDate: string | null;
  /** Units recorded as used on patients, and what is left. */
  used: number;
  remaining: number;
  version: number;
}

export interface Order {
  id: string;
  supplier: string;
  orderNumber: string | null;
  orderDate: string;
  receivedDate: string | null;
  status: OrderStatus;
  cancelledDate: string | null;
  cancelReason: string | null;
  notes: string | null;
  items: OrderItem[];
  /** Σ quantity × unit cost of the items whose cost is known, minor units. */
  totalCost: number;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type OrderSummary = Omit<Order, 'items'> & { itemCount: number };

/** A lot on the shelf: what came in on an order item and what is left of it. */
export interface StockLot {
  orderItemId: string;
  orderId: string;
  supplier: string;
  orderNumber: string | null;
  receivedDate: string | null;
  lotNumber: string | null;
  expiryDate: string | null;
  quantity: number;
  used: number;
  remaining: number;
  /** Past its expiry date today (the core's day): not counted as usable. */
  expired: boolean;
}

/** A product's stock across its received lots, with the practice's low-stock threshold. */
export interface StockProduct {
  productId: string;
  productName: string;
  /** Units left in received lots that have not expired. */
  usable: number;
  threshold: number | null;
  low: boolean;
  lots: StockLot[];
}

/** One code of the practice's fee schedule. */
export interface FeeScheduleEntry {
  id: string;
  code: string;
  shortName: string;
  /** Minor units of the practice currency. */
  defaultFee: number;
  defaultMinutes: number | null;
  siteKind: SiteKind;
  /** Surfaces the code is for (fillings), or null; with surfaceCountOrMore, "n or more". */
  surfaceCount: number | null;
  surfaceCountOrMore: boolean;
  retiredAt: string | null;
  version: number;
}

/** Existing work or a condition on a tooth: charted, never billed. */
export interface Finding {
  id: string;
  patientId: string;
  kind: FindingKind;
  toothNumber: string;
  surfaces: Surface[];
  recordedOn: string;
  recordedByName: string | null;
  resolvedOn: string | null;
  resolvedByName: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
}

/** A procedure as the chart draws it: its status as of the chart's day, and its visit. */
export interface ChartProcedure {
  id: string;
  visitId: string;
  visitDate: string;
  code: string;
  name: string;
  toothNumber: string | null;
  surfaces: Surface[];
  area: Area | null;
  status: ProcedureStatus;
  completedAt: string | null;
  correctsProcedureId: string | null;
}

export interface ChartTooth {
  procedures: ChartProcedure[];
  findings: Finding[];
}

/** The patient's whole mouth across visits, as of a day (null: now). */
export interface ChartData {
  patientId: string;
  asOf: string | null;
  /** Keyed by tooth ("3", "A", "53"): only teeth with something charted. */
  teeth: Record<string, ChartTooth>;
  /** Quadrant and arch work, keyed by area. */
  areas: Partial<Record<Area, ChartProcedure[]>>;
  /** Work with no site (exams, cleanings). */
  mouth: ChartProcedure[];
}

export interface VisitDetails extends VisitSummary {
  procedures: Procedure[];
}

export interface ProcedureSummaryReport {
  from: string;
  to: string;
  rows: { status: ProcedureStatus; count: number; total: number }[];
  /** Minor units of COMPLETED work in the range. */
  production: number;
  currency: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  workstation: string;
  patientId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
}

/** One audited change to a record, as its detail view shows it. */
export interface HistoryEntry {
  seq: number;
  at: string;
  userName: string | null;
  workstation: string;
  /** What the event is about: a procedure's history also holds its lab cases' events ('labCase'). */
  entity: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditVerification {
  checked: number;
  ok: boolean;
  /** seq of the first event whose hash does not match, when not ok. */
  brokenAt: number | null;
}
