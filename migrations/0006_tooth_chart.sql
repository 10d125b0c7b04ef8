-- Tooth chart (issue 8): the practice's fee schedule, and findings on the
-- patient's teeth (existing work and conditions), which are never billed.

-- One row per procedure code the practice uses. A code is retired, never
-- deleted: procedures keep their own copy of code, name and fee, so the
-- schedule can change without rewriting history.
CREATE TABLE fee_schedule (
  id                    TEXT PRIMARY KEY,
  tenant_id             TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  code                  TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
  short_name            TEXT NOT NULL CHECK (length(short_name) BETWEEN 1 AND 80),
  default_fee           INTEGER NOT NULL DEFAULT 0 CHECK (default_fee >= 0),
  default_minutes       INTEGER CHECK (default_minutes IS NULL OR default_minutes BETWEEN 0 AND 1440),
  -- Where the procedure is done: a tooth, a tooth and its surfaces, a quadrant, an arch, or no site.
  site_kind             TEXT NOT NULL CHECK (site_kind IN ('tooth','surfaces','quadrant','arch','none')),
  -- Surfaces the code is for (3 for a three-surface filling); "or more" for the four-plus codes.
  surface_count         INTEGER CHECK (surface_count IS NULL OR surface_count BETWEEN 1 AND 6),
  surface_count_or_more INTEGER NOT NULL DEFAULT 0 CHECK (surface_count_or_more IN (0,1)),
  retired_at            TEXT,
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (surface_count IS NULL OR site_kind = 'surfaces'),
  CHECK (surface_count_or_more = 0 OR surface_count IS NOT NULL)
);
CREATE UNIQUE INDEX idx_fee_schedule_tenant_code ON fee_schedule(tenant_id, code);

CREATE TRIGGER trg_fee_schedule_updated_at AFTER UPDATE ON fee_schedule FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE fee_schedule SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;

-- What the mouth already has or shows: existing work (crown, filling, implant,
-- root canal, bridge), conditions (caries, fracture, watch) and missing teeth.
-- Dated, so the chart can be shown as it was; resolved (caries restored) with
-- a date rather than deleted.
CREATE TABLE findings (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  patient_id    TEXT NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
  kind          TEXT NOT NULL CHECK (kind IN ('MISSING','CROWN','FILLING','IMPLANT','ROOT_CANAL','BRIDGE','CARIES','FRACTURE','WATCH')),
  tooth_number  TEXT NOT NULL,
  surfaces      TEXT,           -- canonical order M O I D B F V L, like procedures.surfaces
  recorded_on   TEXT NOT NULL,  -- YYYY-MM-DD
  recorded_by   TEXT REFERENCES users(id) ON DELETE RESTRICT,
  resolved_on   TEXT,           -- YYYY-MM-DD
  resolved_by   TEXT REFERENCES users(id) ON DELETE RESTRICT,
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  CHECK (resolved_on IS NULL OR resolved_on >= recorded_on),
  CHECK (resolved_by IS NULL OR resolved_on IS NOT NULL)
);
CREATE INDEX idx_findings_patient ON findings(patient_id, tenant_id, recorded_on);

CREATE TRIGGER trg_findings_updated_at AFTER UPDATE ON findings FOR EACH ROW
WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE findings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = NEW.id; END;
