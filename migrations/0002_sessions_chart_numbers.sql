-- Sessions see credential changes at once: a password reset or change bumps
-- credential_version, and a session opened under an older version ends on
-- its next call, in every process that serves this file.
ALTER TABLE users ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 1;

-- Automatic chart numbers come from a per-practice counter instead of a scan
-- for the highest all-digit chart number, so a hand-typed 999999999 no
-- longer decides every number after it. The counter starts at the first
-- free number after the practice's run of automatic numbers (1001, 1002 …):
-- numbers typed by hand far away, however large, do not move it.
ALTER TABLE tenants ADD COLUMN next_chart_number INTEGER NOT NULL DEFAULT 1001;
UPDATE tenants SET next_chart_number = coalesce((
  SELECT min(CAST(p.chart_number AS INTEGER)) + 1 FROM patients p
   WHERE p.tenant_id = tenants.id
     AND p.chart_number NOT GLOB '*[^0-9]*' AND p.chart_number NOT GLOB '0*'
     AND length(p.chart_number) BETWEEN 4 AND 9
     AND CAST(p.chart_number AS INTEGER) >= 1001
     AND NOT EXISTS (
       SELECT 1 FROM patients q
        WHERE q.tenant_id = p.tenant_id AND q.chart_number = CAST(CAST(p.chart_number AS INTEGER) + 1 AS TEXT))
), 1001);
