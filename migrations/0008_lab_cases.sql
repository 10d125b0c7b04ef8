-- Lab follow-up (issue 9): lab cases that drive their procedure, the
-- practice's closed days (for working-day due dates) and reminders.

-- The practice's closed days (holidays, training days): a lab's turnaround in
-- working days skips them as it skips weekends.
CREATE TABLE closed_days (
  tenant_id  TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  note       TEXT CHECK (note IS NULL OR length(note) <= 120),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (tenant_id, day)
) WITHOUT ROWID;

-- Rebuilt to add the lab fee and cancelling, and to let a procedure whose
-- case was cancelled get a new one: one live case per procedure instead of
-- one case ever. A procedure with a case is cancelled, never deleted, so the
-- case no longer cascades away with it.
CREATE TABLE lab_cases_next (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  procedure_id   TEXT NOT NULL REFERENCES procedures(id) ON DELETE RESTRICT,
  lab_id         TEXT NOT NULL REFERENCES labs(id) ON DELETE RESTRICT,
  sent_date      TEXT,
  due_date       TEXT,
  received_date  TEXT,
  checked_date   TEXT,
  tracking_no    TEXT CHECK (tracking_no IS NULL OR length(tracking_no) <= 60),
  shade          TEXT CHECK (shade IS NULL OR length(shade) <= 40),
  instructions   TEXT CHECK (instructions IS NULL OR length(instructions) <= 2000),
  notes          TEXT CHECK (notes IS NULL OR length(notes) <= 2000),
  lab_fee        INTEGER CHECK (lab_fee IS NULL OR lab_fee >= 0),
  cancelled_date TEXT,
  cancel_reason  TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 300),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (received_date IS NULL OR sent_date IS NOT NULL),
  CHECK (checked_date IS NULL OR received_date IS NOT NULL),
  CHECK (due_date IS NULL OR sent_date IS NULL OR due_date >= sent_date),
  CHECK (received_date IS NULL OR received_date >= sent_date),
  CHECK (checked_date IS NULL OR checked_date >= received_date),
  -- Work back from the lab is history: only a case not yet received is cancelled.
  CHECK (cancelled_date IS NULL OR received_date IS NULL),
  CHECK ((cancelled_date IS NULL) = (cancel_reason IS NULL))
);
INSERT INTO lab_cases_next (id, tenant_id, procedure_id, lab_id, sent_date, due_date, received_date, checked_date,
                            tracking_no, shade, instructions, notes, version, created_at, updated_at)
SELECT id, tenant_id, procedure_id, lab_id, sent_date, due_date, received_date, checked_date,
       tracking_no, shade, instructions, notes, version, created_at, updated_at
  FROM lab_cases;
DROP TABLE lab_cases;
ALTER TABLE lab_cases_next RENAME TO lab_cases;

CREATE UNIQUE INDEX idx_lab_cases_live_procedure ON lab_cases(procedure_id) WHERE cancelled_date IS NULL;
CREATE INDEX idx_lab_cases_procedure ON lab_cases(procedure_id);
CREATE INDEX idx_lab_cases_lab_id ON lab_cases(lab_id);
-- The board and the reminder job read only cases still in flight: not cancelled, not yet checked.
CREATE INDEX idx_lab_cases_open ON lab_cases(tenant_id, due_date) WHERE cancelled_date IS NULL AND checked_date IS NULL;
-- Checked cases wait on the board until their procedure is completed (seated): found from the few received procedures.
CREATE INDEX idx_procedures_received ON procedures(tenant_id, id) WHERE status = 'RECEIVED';
CREATE TRIGGER trg_lab_cases_updated_at AFTER UPDATE ON lab_cases FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE lab_cases SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;

-- Notices the reminder job raises: at most one per case per day.
CREATE TABLE reminders (
  id           TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  lab_case_id  TEXT NOT NULL REFERENCES lab_cases(id) ON DELETE RESTRICT,
  kind         TEXT NOT NULL CHECK (kind IN ('OVERDUE','DUE_TOMORROW','NO_APPOINTMENT')),
  day          TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  dismissed_at TEXT,
  dismissed_by TEXT REFERENCES users(id) ON DELETE RESTRICT,
  -- Day before case: the job's "noticed today already" read is this index's prefix.
  UNIQUE (tenant_id, day, lab_case_id)
);
CREATE INDEX idx_reminders_open ON reminders(tenant_id, created_at) WHERE dismissed_at IS NULL;
-- A case's latest notice (the list shows only that one).
CREATE INDEX idx_reminders_case ON reminders(lab_case_id, day);
