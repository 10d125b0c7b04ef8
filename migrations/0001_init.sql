-- Chairside initial schema.
-- Conventions: ids are UUID text; every table carries tenant_id; instants are
-- ISO-8601 UTC text; dates YYYY-MM-DD; money is integer minor units; rows that
-- are edited carry `version` for optimistic locking. updated_at is kept by a
-- trigger on every table that has it.

CREATE TABLE tenants (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL,            -- equals id: keeps "every table has tenant_id" true
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (tenant_id = id)
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  username      TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('ADMIN','DENTIST','HYGIENIST','ASSISTANT','FRONT_DESK')),
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_users_tenant_id ON users(tenant_id);

CREATE TABLE patients (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  chart_number  TEXT NOT NULL,
  first_name    TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  date_of_birth TEXT NOT NULL CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  phone         TEXT,
  email         TEXT,
  alerts        TEXT,
  archived_at   TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (tenant_id, chart_number)
);
CREATE INDEX idx_patients_tenant_name ON patients(tenant_id, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX idx_patients_tenant_dob ON patients(tenant_id, date_of_birth);

CREATE TABLE appointments (
  id               TEXT PRIMARY KEY,
  tenant_id        TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  patient_id       TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  provider_id      TEXT REFERENCES users(id) ON DELETE RESTRICT,
  date             TEXT NOT NULL,
  start_time       TEXT,
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
  reason           TEXT,
  status           TEXT NOT NULL DEFAULT 'SCHEDULED'
                   CHECK (status IN ('SCHEDULED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW')),
  notes            TEXT,
  version          INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_appointments_tenant_date ON appointments(tenant_id, date);
CREATE INDEX idx_appointments_patient_id ON appointments(patient_id);

-- The seed's "treatments" header, renamed to visits. Status and total are derived.
CREATE TABLE visits (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  patient_id     TEXT NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
  appointment_id TEXT REFERENCES appointments(id) ON DELETE SET NULL,
  provider_id    TEXT NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  date           TEXT NOT NULL,
  time           TEXT,
  notes          TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_visits_patient_date ON visits(patient_id, date);
-- (date, time, id) matches the visit lists' ORDER BY, so a page stops after its rows.
CREATE INDEX idx_visits_tenant_date ON visits(tenant_id, date, time, id);
CREATE INDEX idx_visits_provider_date ON visits(provider_id, date);

CREATE TABLE procedures (
  id                    TEXT PRIMARY KEY,
  tenant_id             TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  visit_id              TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  code                  TEXT NOT NULL,
  name                  TEXT NOT NULL,
  tooth_number          TEXT,
  surfaces              TEXT,           -- canonical order M O I D B F V L, e.g. 'MOD'
  area                  TEXT CHECK (area IS NULL OR area IN ('UR','UL','LR','LL','U','L')),
  quantity              INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
  unit_fee              INTEGER NOT NULL DEFAULT 0 CHECK (unit_fee >= 0),
  duration_minutes      INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
  performed_by          TEXT REFERENCES users(id) ON DELETE RESTRICT,
  status                TEXT NOT NULL DEFAULT 'PLANNED'
                        CHECK (status IN ('PLANNED','IN_PROGRESS','SENT_TO_LAB','RECEIVED','COMPLETED','CANCELLED')),
  started_at            TEXT,
  completed_at          TEXT,
  corrects_procedure_id TEXT REFERENCES procedures(id) ON DELETE RESTRICT,
  notes                 TEXT,
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (tooth_number IS NULL OR area IS NULL),
  CHECK (surfaces IS NULL OR tooth_number IS NOT NULL)
);
CREATE INDEX idx_procedures_visit_id ON procedures(visit_id);
CREATE INDEX idx_procedures_status ON procedures(status);
CREATE INDEX idx_procedures_tooth_number ON procedures(tooth_number);
CREATE INDEX idx_procedures_tenant_id ON procedures(tenant_id);
CREATE INDEX idx_procedures_tenant_code ON procedures(tenant_id, code);
CREATE INDEX idx_procedures_corrects ON procedures(corrects_procedure_id) WHERE corrects_procedure_id IS NOT NULL;

CREATE TABLE labs (
  id              TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  name            TEXT NOT NULL,
  phone           TEXT,
  email           TEXT,
  turnaround_days INTEGER NOT NULL DEFAULT 10 CHECK (turnaround_days BETWEEN 0 AND 365),
  archived_at     TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (tenant_id, name)
);

CREATE TABLE lab_cases (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  procedure_id  TEXT NOT NULL UNIQUE REFERENCES procedures(id) ON DELETE CASCADE,
  lab_id        TEXT NOT NULL REFERENCES labs(id) ON DELETE RESTRICT,
  sent_date     TEXT,
  due_date      TEXT,
  received_date TEXT,
  checked_date  TEXT,
  tracking_no   TEXT,
  shade         TEXT,
  instructions  TEXT,
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (received_date IS NULL OR sent_date IS NOT NULL),
  CHECK (checked_date IS NULL OR received_date IS NOT NULL)
);
CREATE INDEX idx_lab_cases_tenant_due ON lab_cases(tenant_id, due_date) WHERE received_date IS NULL;
CREATE INDEX idx_lab_cases_lab_id ON lab_cases(lab_id);

CREATE TABLE orders (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  supplier      TEXT NOT NULL,
  order_number  TEXT,
  order_date    TEXT NOT NULL,
  received_date TEXT,
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_orders_tenant_date ON orders(tenant_id, order_date);

CREATE TABLE order_items (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  order_id     TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id   TEXT NOT NULL,           -- SKU, as treatment_records.product_id
  product_name TEXT NOT NULL,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  lot_number   TEXT,
  expiry_date  TEXT,
  unit_cost    INTEGER CHECK (unit_cost IS NULL OR unit_cost >= 0),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_order_items_order_id ON order_items(order_id);
CREATE INDEX idx_order_items_tenant_lot ON order_items(tenant_id, lot_number);
CREATE INDEX idx_order_items_tenant_product ON order_items(tenant_id, product_id);

-- Seed 010_treatment_tracking, column for column, plus: tenant_id, version,
-- order_item_id (which lot was used, so "no more than remains" can be enforced)
-- and procedure_id (the visit's procedure it was used for).
CREATE TABLE treatment_records (
  id                  TEXT PRIMARY KEY,
  tenant_id           TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  patient_id          TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  order_id            TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  order_item_id       TEXT REFERENCES order_items(id) ON DELETE RESTRICT,
  procedure_id        TEXT REFERENCES procedures(id) ON DELETE SET NULL,
  product_id          VARCHAR(100) NOT NULL,
  product_name        VARCHAR(255) NOT NULL,
  quantity_used       INTEGER NOT NULL CHECK (quantity_used > 0),
  date_applied        DATE NOT NULL,
  diagnosis           TEXT,
  procedure_performed TEXT,
  wound_location      VARCHAR(255),
  doctor_notes        TEXT,
  recorded_by         TEXT NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at          TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_treatment_records_patient_id ON treatment_records(patient_id);
CREATE INDEX idx_treatment_records_order_id ON treatment_records(order_id);
CREATE INDEX idx_treatment_records_date_applied ON treatment_records(date_applied);
CREATE INDEX idx_treatment_records_recorded_by ON treatment_records(recorded_by);
CREATE INDEX idx_treatment_records_product_id ON treatment_records(product_id);
CREATE INDEX idx_treatment_records_patient_date ON treatment_records(patient_id, date_applied);
CREATE INDEX idx_treatment_records_tenant_id ON treatment_records(tenant_id);
CREATE INDEX idx_treatment_records_order_item_id ON treatment_records(order_item_id);
CREATE INDEX idx_treatment_records_procedure_id ON treatment_records(procedure_id);

CREATE TABLE claims (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  patient_id    TEXT NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
  claim_number  TEXT NOT NULL,
  payer         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'DRAFT'
                CHECK (status IN ('DRAFT','SUBMITTED','PAID','DENIED','VOID')),
  submitted_at  TEXT,
  total_amount  INTEGER NOT NULL DEFAULT 0 CHECK (total_amount >= 0),
  paid_amount   INTEGER CHECK (paid_amount IS NULL OR paid_amount >= 0),
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (tenant_id, claim_number),
  CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL)
);
CREATE INDEX idx_claims_patient_id ON claims(patient_id);
CREATE INDEX idx_claims_tenant_status ON claims(tenant_id, status);

CREATE TABLE claim_procedures (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  claim_id     TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE RESTRICT,
  fee          INTEGER NOT NULL CHECK (fee >= 0),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (claim_id, procedure_id)
);
CREATE INDEX idx_claim_procedures_procedure_id ON claim_procedures(procedure_id);

-- Append-only: the triggers below refuse UPDATE and DELETE. Each event's hash
-- covers its content and the previous event's hash (per tenant), so an edit
-- made behind the application's back breaks the chain and audit.verify says where.
CREATE TABLE audit_events (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  tenant_id   TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  at          TEXT NOT NULL,
  user_id     TEXT REFERENCES users(id) ON DELETE RESTRICT,
  workstation TEXT NOT NULL,
  patient_id  TEXT,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX idx_audit_events_tenant_seq ON audit_events(tenant_id, seq);
-- Each event has exactly one successor: two writers can never fork the chain.
CREATE UNIQUE INDEX idx_audit_events_chain ON audit_events(tenant_id, prev_hash);
CREATE INDEX idx_audit_events_entity ON audit_events(entity_id);
CREATE INDEX idx_audit_events_patient ON audit_events(patient_id) WHERE patient_id IS NOT NULL;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

-- updated_at maintenance (recursive_triggers is off, so the inner UPDATE does not re-fire).
CREATE TRIGGER trg_tenants_updated_at AFTER UPDATE ON tenants FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE tenants SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_users_updated_at AFTER UPDATE ON users FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE users SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_patients_updated_at AFTER UPDATE ON patients FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE patients SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_appointments_updated_at AFTER UPDATE ON appointments FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE appointments SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_visits_updated_at AFTER UPDATE ON visits FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE visits SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_procedures_updated_at AFTER UPDATE ON procedures FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE procedures SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_labs_updated_at AFTER UPDATE ON labs FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE labs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_lab_cases_updated_at AFTER UPDATE ON lab_cases FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE lab_cases SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_orders_updated_at AFTER UPDATE ON orders FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE orders SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_order_items_updated_at AFTER UPDATE ON order_items FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE order_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trigger_update_treatment_records_updated_at AFTER UPDATE ON treatment_records FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE treatment_records SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_claims_updated_at AFTER UPDATE ON claims FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE claims SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
CREATE TRIGGER trg_claim_procedures_updated_at AFTER UPDATE ON claim_procedures FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE claim_procedures SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
