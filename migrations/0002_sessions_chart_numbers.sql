-- Sessions see credential changes at once: a password reset or change bumps
-- credential_version, and a session opened under an older version ends on
-- its next call, in every process that serves this file.
ALTER TABLE users ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 1;

-- Automatic chart numbers come from a per-practice counter instead of a scan
-- for the highest all-digit chart number: a hand-typed 999999999 no longer
-- decides every number after it, and creating a patient reads one row.
ALTER TABLE tenants ADD COLUMN next_chart_number INTEGER NOT NULL DEFAULT 1001;
UPDATE tenants SET next_chart_number = 1 + coalesce((
  SELECT max(CAST(chart_number AS INTEGER)) FROM patients p
   WHERE p.tenant_id = tenants.id
     AND chart_number NOT GLOB '*[^0-9]*' AND length(chart_number) BETWEEN 1 AND 9
), 1000);
