/**
 * The calls each screen makes, with the hand-written SQL that fetches the
 * same rows. Parameters (a patient with many visits, a busy provider …) are
 * read from the file itself. run.ts checks that both return the same rows
 * before it times either, so the baseline is never a cheaper question.
 */
import type { Database } from 'better-sqlite3';

export interface Screen {
  label: string;
  channel: string;
  input: Record<string, unknown>;
  raw: () => unknown;
  sameRows: (app: unknown, raw: unknown) => boolean;
}

interface PageResult {
  total: number;
  items: { id?: string; seq?: number }[];
}
interface RawPage {
  total: number;
  ids: (string | number)[];
}

const samePage = (app: unknown, raw: unknown) => {
  const a = app as PageResult;
  const r = raw as RawPage;
  return a.total === r.total && JSON.stringify(a.items.map((i) => i.id ?? i.seq)) === JSON.stringify(r.ids);
};

const VISIT_COLUMNS = `v.id, v.patient_id, v.appointment_id, v.provider_id, v.date, v.time, v.notes, v.status, v.procedure_count,
  v.total_cost, v.version, v.created_at, v.updated_at, pt.first_name, pt.last_name, pt.chart_number, u.display_name, t.currency`;
const VISIT_JOINS = 'JOIN patients pt ON pt.id = v.patient_id JOIN users u ON u.id = v.provider_id JOIN tenants t ON t.id = v.tenant_id';

export function readScreens(db: Database): Screen[] {
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const { tenantId } = one<{ tenantId: string }>('SELECT id AS tenantId FROM tenants LIMIT 1');
  const heavy = one<{ id: string; n: number }>(
    'SELECT patient_id AS id, count(*) AS n FROM visits GROUP BY patient_id ORDER BY n DESC, patient_id LIMIT 1',
  );
  const patient = one<{ id: string; chart_number: string; date_of_birth: string; last_name: string; phone: string }>(
    'SELECT * FROM patients WHERE archived_at IS NULL ORDER BY chart_number LIMIT 1 OFFSET 777',
  );
  const visit = one<{ id: string }>(
    'SELECT id FROM visits WHERE patient_id = ? ORDER BY procedure_count DESC, id LIMIT 1',
    heavy.id,
  );
  const provider = one<{ id: string }>("SELECT id FROM users WHERE role = 'DENTIST' ORDER BY username LIMIT 1");
  const lastMonth = one<{ d: string }>('SELECT max(date) AS d FROM visits').d.slice(0, 7);

  const screens: Screen[] = [];

  // The hand-written form of the app's search: candidates from each part's index, then the
  // whole condition on those rows only.
  const patientSearch = (label: string, query: string, candidates: string[], where: string, params: unknown[], candidateParams: unknown[]) => {
    const from = `(${candidates.join(' UNION ')}) found CROSS JOIN patients p ON p.id = found.id`;
    const count = db.prepare(`SELECT count(*) FROM ${from} WHERE p.tenant_id = ? AND p.archived_at IS NULL AND (${where})`).pluck();
    const page = db
      .prepare(
        `SELECT p.* FROM ${from} WHERE p.tenant_id = ? AND p.archived_at IS NULL AND (${where})
          ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id LIMIT 25`,
      )
      .raw();
    const all = [...candidateParams, tenantId, ...params];
    screens.push({
      label: `patients.search ${label}`,
      channel: 'patients.search',
      input: { query },
      raw: () => ({ total: count.get(...all), ids: (page.all(...all) as unknown[][]).map((r) => r[0] as string) }),
      sameRows: samePage,
    });
  };
  const byChart = 'SELECT id FROM patients WHERE tenant_id = ? AND chart_number = ?';
  const byLast = 'SELECT id FROM patients WHERE tenant_id = ? AND last_name COLLATE NOCASE >= ? AND last_name COLLATE NOCASE < ?';
  const byFirst = 'SELECT id FROM patients WHERE tenant_id = ? AND first_name COLLATE NOCASE >= ? AND first_name COLLATE NOCASE < ?';
  const byPhone = 'SELECT id FROM patients WHERE tenant_id = ? AND phone_digits LIKE ?';
  const names = (text: string) => [tenantId, text, tenantId, text, `${text}\u{10FFFF}`, tenantId, text, `${text}\u{10FFFF}`];
  // Four letters or more are also looked for anywhere in a name, through the trigram index.
  const byPart = 'SELECT patient_id AS id FROM patients_fts WHERE patients_fts MATCH ?';
  const inName = 'p.id IN (SELECT patient_id FROM patients_fts WHERE patients_fts MATCH ?)';
  const prefix = patient.last_name.slice(0, 3);
  const quoted = (text: string) => `"${text}"`;
  patientSearch('name, first three letters', prefix, [byChart, byLast, byFirst], 'p.chart_number = ? OR p.last_name LIKE ? OR p.first_name LIKE ?', [prefix, `${prefix}%`, `${prefix}%`], names(prefix));
  const part = patient.last_name.slice(1, 5).toLowerCase();
  patientSearch('part of a name', part, [byChart, byLast, byFirst, byPart], `p.chart_number = ? OR p.last_name LIKE ? OR p.first_name LIKE ? OR ${inName}`, [part, `${part}%`, `${part}%`, quoted(part)], [...names(part), quoted(part)]);
  // Four or more digits are also looked for inside phone numbers: one box for both.
  const withPhone = "p.chart_number = ? OR p.phone_digits LIKE ? OR p.last_name LIKE ? OR p.first_name LIKE ?";
  const chart = patient.chart_number;
  patientSearch('chart number', chart, [byChart, byLast, byFirst, byPhone], withPhone, [chart, `%${chart}%`, `${chart}%`, `${chart}%`], [...names(chart), tenantId, `%${chart}%`]);
  const digits = patient.phone.replace(/\D/g, '').slice(-4);
  patientSearch('phone digits', digits, [byChart, byLast, byFirst, byPhone], withPhone, [digits, `%${digits}%`, `${digits}%`, `${digits}%`], [...names(digits), tenantId, `%${digits}%`]);
  const dobCount = db.prepare('SELECT count(*) FROM patients WHERE tenant_id = ? AND archived_at IS NULL AND date_of_birth = ?').pluck();
  const dobPage = db
    .prepare('SELECT * FROM patients WHERE tenant_id = ? AND archived_at IS NULL AND date_of_birth = ? ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT 25')
    .raw();
  screens.push({
    label: 'patients.search date of birth',
    channel: 'patients.search',
    input: { query: patient.date_of_birth },
    raw: () => ({
      total: dobCount.get(tenantId, patient.date_of_birth),
      ids: (dobPage.all(tenantId, patient.date_of_birth) as unknown[][]).map((r) => r[0] as string),
    }),
    sameRows: samePage,
  });

  const getPatient = db.prepare('SELECT * FROM patients WHERE tenant_id = ? AND id = ?');
  screens.push({
    label: 'patients.get',
    channel: 'patients.get',
    input: { id: patient.id },
    raw: () => getPatient.get(tenantId, patient.id),
    sameRows: (a, r) => (a as { id: string }).id === (r as { id: string }).id,
  });

  const visitRow = db.prepare(`SELECT ${VISIT_COLUMNS} FROM visits v ${VISIT_JOINS} WHERE v.tenant_id = ? AND v.id = ?`);
  const visitProcedures = db.prepare(
    `SELECT pr.*, u.display_name, v.patient_id,
       (SELECT c.claim_number FROM claim_procedures cp JOIN claims c ON c.id = cp.claim_id
         WHERE cp.procedure_id = pr.id AND c.status IN ('SUBMITTED','PAID','DENIED') LIMIT 1) AS locked_by_claim
       FROM procedures pr JOIN visits v ON v.id = pr.visit_id LEFT JOIN users u ON u.id = pr.performed_by
      WHERE pr.tenant_id = ? AND pr.visit_id = ? ORDER BY pr.created_at, pr.id`,
  );
  screens.push({
    label: 'visits.get (visit page)',
    channel: 'visits.get',
    input: { id: visit.id },
    raw: () => ({ visit: visitRow.get(tenantId, visit.id), procedures: visitProcedures.all(tenantId, visit.id) }),
    sameRows: (a, r) =>
      JSON.stringify((a as { procedures: { id: string }[] }).procedures.map((p) => p.id)) ===
      JSON.stringify((r as { procedures: { id: string }[] }).procedures.map((p) => p.id)),
  });

  // The hand-written form of what the app asks: the count on visits alone (or the kept
  // per-practice counts), the page's ids on visits alone, then names joined to those rows only.
  const visitSearch = (label: string, channel: string, input: Record<string, unknown>, where: string, order: string, params: unknown[], offset = 0, countSql?: string) => {
    const count = db.prepare(countSql ?? `SELECT count(*) FROM visits v WHERE v.tenant_id = ? ${where}`).pluck();
    const page = db
      .prepare(
        `SELECT ${VISIT_COLUMNS} FROM (SELECT v.id FROM visits v WHERE v.tenant_id = ? ${where} ORDER BY ${order} LIMIT 25 OFFSET ${offset}) chosen
          CROSS JOIN visits v ON v.id = chosen.id ${VISIT_JOINS} ORDER BY ${order}`,
      )
      .raw();
    const countParams = countSql ? params.slice(0, (countSql.match(/\?/g)?.length ?? 1) - 1) : params;
    screens.push({
      label,
      channel,
      input,
      raw: () => ({ total: count.get(tenantId, ...countParams), ids: (page.all(tenantId, ...params) as unknown[][]).map((r) => r[0] as string) }),
      sameRows: samePage,
    });
  };
  const kept = 'SELECT sum(n) FROM visit_counts WHERE tenant_id = ?';
  const keptStatus = 'SELECT sum(n) FROM visit_counts WHERE tenant_id = ? AND status = ?';
  const byDate = (dir: string) => `v.date ${dir}, v.time ${dir}, v.id ${dir}`;
  visitSearch('visits.listByPatient page 1 (the busiest patient)', 'visits.listByPatient', { patientId: heavy.id }, 'AND v.patient_id = ?', byDate('DESC'), [heavy.id]);
  visitSearch('visits.search no filter', 'visits.search', {}, '', byDate('DESC'), [], 0, kept);
  visitSearch('visits.search no filter, page 400', 'visits.search', { page: 400 }, '', byDate('DESC'), [], 399 * 25, kept);
  visitSearch('visits.search status = IN_PROGRESS', 'visits.search', { status: 'IN_PROGRESS' }, 'AND v.status = ?', byDate('DESC'), ['IN_PROGRESS'], 0, keptStatus);
  visitSearch('visits.search status = COMPLETED', 'visits.search', { status: 'COMPLETED' }, 'AND v.status = ?', byDate('DESC'), ['COMPLETED'], 0, keptStatus);
  const byCode = 'AND EXISTS (SELECT 1 FROM procedures c WHERE c.visit_id = v.id AND c.tenant_id = v.tenant_id AND c.code = ?)';
  const codeCount = 'SELECT count(DISTINCT visit_id) FROM procedures WHERE tenant_id = ? AND code = ?';
  visitSearch('visits.search code = D2740 (crowns)', 'visits.search', { code: 'D2740' }, byCode, byDate('DESC'), ['D2740'], 0, codeCount);
  visitSearch('visits.search code = D1110 (cleanings)', 'visits.search', { code: 'D1110' }, byCode, byDate('DESC'), ['D1110'], 0, codeCount);
  visitSearch('visits.search provider', 'visits.search', { providerId: provider.id }, 'AND v.provider_id = ?', byDate('DESC'), [provider.id]);
  visitSearch('visits.search one month', 'visits.search', { from: `${lastMonth}-01`, to: `${lastMonth}-28` }, 'AND v.date BETWEEN ? AND ?', byDate('DESC'), [`${lastMonth}-01`, `${lastMonth}-28`]);
  visitSearch('visits.search sort totalCost desc', 'visits.search', { sort: 'totalCost,desc' }, '', 'v.total_cost DESC, v.id DESC', [], 0, kept);
  visitSearch('visits.search sort procedureCount asc', 'visits.search', { sort: 'procedureCount,asc' }, '', 'v.procedure_count ASC, v.id ASC', [], 0, kept);
  visitSearch('visits.search sort createdAt desc', 'visits.search', { sort: 'createdAt,desc' }, '', 'v.created_at DESC, v.id DESC', [], 0, kept);
  visitSearch('visits.search status + provider + sort total', 'visits.search', { status: 'COMPLETED', providerId: provider.id, sort: 'totalCost,desc' }, 'AND v.status = ? AND v.provider_id = ?', 'v.total_cost DESC, v.id DESC', ['COMPLETED', provider.id]);

  // The baseline reads the total and the page from the chain's places, as the app does; the
  // plain count(*) (tens of ms at M) is run once, to check that both totals are right.
  const counted = db.prepare('SELECT count(*) FROM audit_events WHERE tenant_id = ?').pluck().get(tenantId) as number;
  const lastPlace = db.prepare('SELECT chain_index FROM audit_events WHERE tenant_id = ? ORDER BY chain_index DESC LIMIT 1').pluck();
  const auditPage = db
    .prepare('SELECT a.*, u.display_name FROM audit_events a LEFT JOIN users u ON u.id = a.user_id WHERE a.tenant_id = ? AND a.chain_index <= ? ORDER BY a.chain_index DESC LIMIT 25');
  const audit = (page: number) => () => {
    const total = lastPlace.get(tenantId) as number;
    return { total, ids: (auditPage.all(tenantId, total - (page - 1) * 25) as { seq: number }[]).map((r) => r.seq) };
  };
  const sameAudit = (a: unknown, r: unknown) => samePage(a, r) && (r as RawPage).total === counted;
  screens.push({ label: 'audit.list page 1', channel: 'audit.list', input: {}, raw: audit(1), sameRows: sameAudit });
  screens.push({ label: 'audit.list page 2000', channel: 'audit.list', input: { page: 2000 }, raw: audit(2000), sameRows: sameAudit });
  const patientAuditCount = db.prepare('SELECT count(*) FROM audit_events WHERE tenant_id = ? AND patient_id = ?').pluck();
  const patientAudit = db.prepare(
    'SELECT a.*, u.display_name FROM audit_events a LEFT JOIN users u ON u.id = a.user_id WHERE a.tenant_id = ? AND a.patient_id = ? ORDER BY a.seq DESC LIMIT 25',
  );
  screens.push({
    label: 'audit.list of a patient',
    channel: 'audit.list',
    input: { patientId: heavy.id },
    raw: () => ({ total: patientAuditCount.get(tenantId, heavy.id), ids: (patientAudit.all(tenantId, heavy.id) as { seq: number }[]).map((r) => r.seq) }),
    sameRows: samePage,
  });
  return screens;
}
