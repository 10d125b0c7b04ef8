-- Everyday screens (issue 7).

-- An administrator may also treat patients: the person who sets up a small
-- practice is usually its dentist. Dentists and hygienists are providers by
-- role; the core refuses a provider flag on assistants and the front desk.
ALTER TABLE users ADD COLUMN is_provider INTEGER NOT NULL DEFAULT 0 CHECK (is_provider IN (0,1));
UPDATE users SET is_provider = 1 WHERE role IN ('DENTIST','HYGIENIST');
CREATE INDEX idx_users_tenant_provider ON users(tenant_id, is_provider, active, display_name);

-- How the practice writes dates, times, names and money on every screen.
ALTER TABLE tenants ADD COLUMN locale TEXT NOT NULL DEFAULT 'en-US' CHECK (length(locale) BETWEEN 2 AND 35);
ALTER TABLE tenants ADD COLUMN time_format TEXT NOT NULL DEFAULT '12h' CHECK (time_format IN ('12h','24h'));
ALTER TABLE tenants ADD COLUMN name_order TEXT NOT NULL DEFAULT 'last_first' CHECK (name_order IN ('first_last','last_first'));

-- Part of a name ("kafor" finds Okafor, "muller" finds Müller): trigrams of
-- "first last", accents folded. Keyed by the patient's id, not its rowid,
-- because VACUUM may renumber the rowids of a table with a text primary key.
-- A name change deletes by patient_id, which scans this table's content:
-- names change rarely, and the scan reads one small row per patient.
CREATE VIRTUAL TABLE patients_fts USING fts5(
  patient_id UNINDEXED,
  name,
  tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO patients_fts(patient_id, name) SELECT id, first_name || ' ' || last_name FROM patients;

CREATE TRIGGER trg_patients_fts_insert AFTER INSERT ON patients FOR EACH ROW
BEGIN
  INSERT INTO patients_fts(patient_id, name) VALUES (NEW.id, NEW.first_name || ' ' || NEW.last_name);
END;

CREATE TRIGGER trg_patients_fts_update AFTER UPDATE OF first_name, last_name ON patients FOR EACH ROW
WHEN NEW.first_name IS NOT OLD.first_name OR NEW.last_name IS NOT OLD.last_name
BEGIN
  DELETE FROM patients_fts WHERE patient_id = OLD.id;
  INSERT INTO patients_fts(patient_id, name) VALUES (NEW.id, NEW.first_name || ' ' || NEW.last_name);
END;

CREATE TRIGGER trg_patients_fts_delete AFTER DELETE ON patients FOR EACH ROW
BEGIN
  DELETE FROM patients_fts WHERE patient_id = OLD.id;
END;
