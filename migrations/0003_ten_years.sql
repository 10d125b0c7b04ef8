-- Ten years of data: what the measured queries need (docs/performance.md).
-- Without planner statistics (a real practice's file has none until the app
-- gathers them) SQLite breaks ties between indexes by luck; every index below
-- gives its query more equality columns than any rival, so the intended plan
-- wins with or without statistics (tests/integration/query-plans.test.ts).

-- A visit's status, procedure count and total stay derived from its
-- procedures, but by the database, in the statement that changes a
-- procedure, instead of on every read: searching and sorting ten years of
-- visits by them no longer means computing them for every visit. The
-- application never writes these columns; the triggers below are the only
-- writers, and the CASE mirrors deriveVisitStatus() in shared/domain/status.ts
-- (tests/integration/visits.test.ts keeps the two in step).
ALTER TABLE visits ADD COLUMN status TEXT NOT NULL DEFAULT 'PLANNED'
  CHECK (status IN ('PLANNED','IN_PROGRESS','COMPLETED','CANCELLED'));
ALTER TABLE visits ADD COLUMN procedure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN total_cost INTEGER NOT NULL DEFAULT 0;

CREATE VIEW visit_derived AS
SELECT visit_id,
       CASE
         WHEN count(*) = 0 THEN 'PLANNED'
         WHEN sum(status != 'CANCELLED') = 0 THEN 'CANCELLED'
         WHEN sum(status NOT IN ('COMPLETED','CANCELLED')) = 0 THEN 'COMPLETED'
         WHEN sum(status NOT IN ('PLANNED','CANCELLED')) = 0 THEN 'PLANNED'
         ELSE 'IN_PROGRESS'
       END AS status,
       sum(status != 'CANCELLED') AS procedure_count,
       coalesce(sum(CASE WHEN status != 'CANCELLED' THEN unit_fee * quantity END), 0) AS total_cost
  FROM procedures
 GROUP BY visit_id;

UPDATE visits SET (status, procedure_count, total_cost) = (d.status, d.procedure_count, d.total_cost)
  FROM visit_derived AS d WHERE d.visit_id = visits.id;

-- Only the columns a person edits move updated_at: the derived ones change
-- when a procedure does, and the procedure carries that change's time.
DROP TRIGGER trg_visits_updated_at;
CREATE TRIGGER trg_visits_updated_at
AFTER UPDATE OF patient_id, appointment_id, provider_id, date, time, notes, version ON visits FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE visits SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;

-- The view is filtered by NEW/OLD.visit_id, a constant inside the trigger,
-- so SQLite aggregates that one visit's procedures (a correlated visits.id
-- would aggregate the whole table for every row). max() over no rows (a
-- visit whose last procedure moved away or was removed) yields the defaults.
CREATE TRIGGER trg_procedures_derive_insert AFTER INSERT ON procedures FOR EACH ROW
BEGIN
  UPDATE visits SET (status, procedure_count, total_cost) =
    (SELECT coalesce(max(d.status), 'PLANNED'), coalesce(max(d.procedure_count), 0), coalesce(max(d.total_cost), 0)
       FROM visit_derived d WHERE d.visit_id = NEW.visit_id)
   WHERE id = NEW.visit_id;
END;
CREATE TRIGGER trg_procedures_derive_update
AFTER UPDATE OF status, unit_fee, quantity, visit_id ON procedures FOR EACH ROW
BEGIN
  UPDATE visits SET (status, procedure_count, total_cost) =
    (SELECT coalesce(max(d.status), 'PLANNED'), coalesce(max(d.procedure_count), 0), coalesce(max(d.total_cost), 0)
       FROM visit_derived d WHERE d.visit_id = NEW.visit_id)
   WHERE id = NEW.visit_id;
END;
CREATE TRIGGER trg_procedures_derive_move
AFTER UPDATE OF visit_id ON procedures FOR EACH ROW WHEN OLD.visit_id != NEW.visit_id
BEGIN
  UPDATE visits SET (status, procedure_count, total_cost) =
    (SELECT coalesce(max(d.status), 'PLANNED'), coalesce(max(d.procedure_count), 0), coalesce(max(d.total_cost), 0)
       FROM visit_derived d WHERE d.visit_id = OLD.visit_id)
   WHERE id = OLD.visit_id;
END;
CREATE TRIGGER trg_procedures_derive_delete AFTER DELETE ON procedures FOR EACH ROW
BEGIN
  UPDATE visits SET (status, procedure_count, total_cost) =
    (SELECT coalesce(max(d.status), 'PLANNED'), coalesce(max(d.procedure_count), 0), coalesce(max(d.total_cost), 0)
       FROM visit_derived d WHERE d.visit_id = OLD.visit_id)
   WHERE id = OLD.visit_id;
END;

-- How many visits a practice has in each derived status, kept by triggers:
-- the unfiltered and status-only visit lists read their total here instead
-- of counting a quarter of a million index entries on every page.
CREATE TABLE visit_counts (
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  status    TEXT NOT NULL,
  n         INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (tenant_id, status)
) WITHOUT ROWID;
INSERT INTO visit_counts (tenant_id, status, n) SELECT tenant_id, status, count(*) FROM visits GROUP BY tenant_id, status;
CREATE TRIGGER trg_visit_counts_insert AFTER INSERT ON visits FOR EACH ROW
BEGIN
  INSERT INTO visit_counts (tenant_id, status, n) VALUES (NEW.tenant_id, NEW.status, 1)
    ON CONFLICT (tenant_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER trg_visit_counts_delete AFTER DELETE ON visits FOR EACH ROW
BEGIN
  UPDATE visit_counts SET n = n - 1 WHERE tenant_id = OLD.tenant_id AND status = OLD.status;
END;
CREATE TRIGGER trg_visit_counts_move AFTER UPDATE OF status, tenant_id ON visits FOR EACH ROW
WHEN OLD.status != NEW.status OR OLD.tenant_id != NEW.tenant_id
BEGIN
  UPDATE visit_counts SET n = n - 1 WHERE tenant_id = OLD.tenant_id AND status = OLD.status;
  INSERT INTO visit_counts (tenant_id, status, n) VALUES (NEW.tenant_id, NEW.status, 1)
    ON CONFLICT (tenant_id, status) DO UPDATE SET n = n + 1;
END;

-- Patients: the phone number's digits, kept beside it, so the search box
-- matches "5550123" against "(555) 012-3..." without rewriting every
-- practice's phone numbers on every keystroke. Only the columns a person
-- edits move updated_at, so keeping the digits never does.
DROP TRIGGER trg_patients_updated_at;
CREATE TRIGGER trg_patients_updated_at
AFTER UPDATE OF tenant_id, chart_number, first_name, last_name, date_of_birth, phone, email, alerts, archived_at, version
ON patients FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE patients SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
ALTER TABLE patients ADD COLUMN phone_digits TEXT;
UPDATE patients SET phone_digits = replace(replace(replace(replace(replace(replace(phone, '-', ''), ' ', ''), '(', ''), ')', ''), '.', ''), '+', '');
CREATE TRIGGER trg_patients_phone_digits_insert AFTER INSERT ON patients FOR EACH ROW
BEGIN
  UPDATE patients SET phone_digits = replace(replace(replace(replace(replace(replace(NEW.phone, '-', ''), ' ', ''), '(', ''), ')', ''), '.', ''), '+', '')
   WHERE id = NEW.id;
END;
CREATE TRIGGER trg_patients_phone_digits_update AFTER UPDATE OF phone ON patients FOR EACH ROW
BEGIN
  UPDATE patients SET phone_digits = replace(replace(replace(replace(replace(replace(NEW.phone, '-', ''), ' ', ''), '(', ''), ')', ''), '.', ''), '+', '')
   WHERE id = NEW.id;
END;

-- Visits: a patient's timeline and a provider's day (two equality columns
-- beat the practice-wide date index), and each search sort.
DROP INDEX idx_visits_patient_date;
CREATE INDEX idx_visits_patient_date ON visits(patient_id, tenant_id, date, time, id);
DROP INDEX idx_visits_provider_date;
CREATE INDEX idx_visits_provider ON visits(provider_id, tenant_id, date, time, id);
CREATE INDEX idx_visits_tenant_status ON visits(tenant_id, status, date, time, id);
CREATE INDEX idx_visits_tenant_total ON visits(tenant_id, total_cost, id);
CREATE INDEX idx_visits_tenant_count ON visits(tenant_id, procedure_count, id);
CREATE INDEX idx_visits_tenant_created ON visits(tenant_id, created_at, id);

-- Patients born on a day, in name order: two equality columns beat the name
-- index, which would otherwise walk every patient to skip the sort.
DROP INDEX idx_patients_tenant_dob;
CREATE INDEX idx_patients_tenant_dob ON patients(tenant_id, date_of_birth, last_name COLLATE NOCASE, first_name COLLATE NOCASE);

-- Procedures: a visit's lines by (visit_id, tenant_id), so the practice-wide
-- indexes never win; the code index covers visit_id for the code search.
-- (tenant_id) alone is a prefix of the code index.
DROP INDEX idx_procedures_visit_id;
CREATE INDEX idx_procedures_visit_id ON procedures(visit_id, tenant_id);
DROP INDEX idx_procedures_tenant_id;
DROP INDEX idx_procedures_tenant_code;
CREATE INDEX idx_procedures_tenant_code ON procedures(tenant_id, code, visit_id);

-- Audit: each event's place in its practice's chain (1, 2, 3 …). The total
-- is the last event's place and a page is a range of places, so the audit
-- list costs the same at ten million events as at ten. Not part of the hash:
-- audit.verify checks that every place follows the one before. The table is
-- rebuilt (SQLite cannot add a NOT NULL column without a default), keeping
-- every event and its seq.
CREATE TABLE audit_events_next (
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
  chain_index INTEGER NOT NULL CHECK (chain_index > 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
INSERT INTO audit_events_next
SELECT seq, id, tenant_id, at, user_id, workstation, patient_id, entity, entity_id, action, before_json, after_json,
       prev_hash, hash, row_number() OVER (PARTITION BY tenant_id ORDER BY seq), created_at, updated_at
  FROM audit_events ORDER BY seq;
DROP TABLE audit_events;
ALTER TABLE audit_events_next RENAME TO audit_events;

CREATE INDEX idx_audit_events_tenant_seq ON audit_events(tenant_id, seq);
-- Each event has exactly one successor and one place: two writers can never fork the chain.
CREATE UNIQUE INDEX idx_audit_events_chain ON audit_events(tenant_id, prev_hash);
CREATE UNIQUE INDEX idx_audit_events_chain_index ON audit_events(tenant_id, chain_index);
-- The filtered lists, newest first.
CREATE INDEX idx_audit_events_entity ON audit_events(entity_id, tenant_id, seq);
CREATE INDEX idx_audit_events_patient ON audit_events(patient_id, tenant_id, seq) WHERE patient_id IS NOT NULL;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
