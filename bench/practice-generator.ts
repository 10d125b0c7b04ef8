/**
 * Ten years of a practice, deterministically (one fixed seed): patients,
 * visits, procedures with their status history, lab cases, supply orders
 * and the product lots used on patients, with an audit event for every
 * change. Built through the app's own schema: the practice and its staff
 * through dispatch(), everything else through the core's bulk path
 * (electron/core/bulk/bulk-writer.ts), which keeps the services' rules.
 *
 * Shapes like a real practice's: most patients come a few times and some
 * hundreds (a log-normal), recall visits outnumber treatment, most work is
 * completed, the last weeks still have work in progress and at the lab.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { closeCore, createCore } from '../electron/core/create-core';
import { BulkWriter, type BulkProcedure } from '../electron/core/bulk/bulk-writer';
import { openSqlite } from '../electron/core/db/connection';
import { dispatch } from '../electron/core/handlers';
import { createTenant, signIn } from '../electron/core/auth/auth.service';
import type { ProcedureStatus } from '../shared/domain/status';

export interface Profile {
  years: number;
  patients: number;
  visits: number;
  dentists: number;
  hygienists: number;
}

export const PROFILES = {
  /** One year of a small practice. */
  S: { years: 1, patients: 1_500, visits: 6_000, dentists: 1, hygienists: 1 },
  /** Ten years of a busy practice: about 20k patients, 250k visits, 1M procedures. */
  M: { years: 10, patients: 20_000, visits: 250_000, dentists: 3, hygienists: 3 },
  /** Ten times M. */
  L: { years: 10, patients: 200_000, visits: 2_500_000, dentists: 20, hygienists: 20 },
} as const satisfies Record<string, Profile>;

/** The last day of the generated history; files are measured "as of" it. */
export const TODAY = '2026-11-20';
export const PASSWORD = 'chairside-bench';
const MIGRATIONS = new URL('../migrations', import.meta.url).pathname;

/** sfc32: small, fast and good enough; seeded, so every run builds the same practice. */
function prng(seed: number) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Zoë', 'José', 'Amélie', 'Søren', 'Chloé', 'Björn', 'Aisha', 'Mohammed', 'Yuki', 'Wei', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Nadia', 'Ivan', 'Olga', 'Grace', 'Henry', 'Ella', 'Jack', 'Lily', 'Leo', 'Hannah', 'Owen', 'Zara', 'Ethan', 'Maya'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'García', 'Miller', 'Davis', 'Rodríguez', 'Martínez', 'Hernández', 'López', "O'Brien", 'Müller', 'Schmidt', 'Nguyen', 'Kim', 'Patel', 'Singh', 'Cohen', 'Rossi', 'Dubois', 'Novak', 'Kowalski', 'Andersson', 'Haddad', 'Tanaka', 'Chen', 'Okafor', 'Mensah', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker', 'Collins'];

type Site = 'none' | 'tooth' | 'surfaces' | 'quadrant' | 'arch';
interface Code { code: string; name: string; fee: number; minutes: number; site: Site; lab?: true }
const CODES: Record<string, Code> = {
  D0120: { code: 'D0120', name: 'Periodic exam', fee: 6_500, minutes: 10, site: 'none' },
  D0150: { code: 'D0150', name: 'Comprehensive exam', fee: 9_500, minutes: 30, site: 'none' },
  D0274: { code: 'D0274', name: 'Bitewings, four films', fee: 7_000, minutes: 10, site: 'none' },
  D0220: { code: 'D0220', name: 'Periapical X-ray', fee: 3_000, minutes: 5, site: 'tooth' },
  D1110: { code: 'D1110', name: 'Adult cleaning', fee: 11_000, minutes: 45, site: 'none' },
  D1206: { code: 'D1206', name: 'Fluoride varnish', fee: 4_000, minutes: 5, site: 'none' },
  D2330: { code: 'D2330', name: 'Resin, one surface, front', fee: 15_000, minutes: 30, site: 'surfaces' },
  D2391: { code: 'D2391', name: 'Resin, one surface, back', fee: 16_000, minutes: 30, site: 'surfaces' },
  D2392: { code: 'D2392', name: 'Resin, two surfaces, back', fee: 21_000, minutes: 40, site: 'surfaces' },
  D2393: { code: 'D2393', name: 'Resin, three surfaces, back', fee: 26_000, minutes: 50, site: 'surfaces' },
  D2740: { code: 'D2740', name: 'Crown, porcelain', fee: 120_000, minutes: 90, site: 'tooth', lab: true },
  D2750: { code: 'D2750', name: 'Crown, porcelain on metal', fee: 110_000, minutes: 90, site: 'tooth', lab: true },
  D3330: { code: 'D3330', name: 'Root canal, molar', fee: 110_000, minutes: 90, site: 'tooth' },
  D4341: { code: 'D4341', name: 'Deep cleaning, quadrant', fee: 25_000, minutes: 45, site: 'quadrant' },
  D6010: { code: 'D6010', name: 'Implant body', fee: 200_000, minutes: 90, site: 'tooth' },
  D7140: { code: 'D7140', name: 'Extraction', fee: 18_000, minutes: 30, site: 'tooth' },
  D9944: { code: 'D9944', name: 'Night guard', fee: 45_000, minutes: 20, site: 'arch', lab: true },
};

const MOLARS = [1, 2, 3, 14, 15, 16, 17, 18, 19, 30, 31, 32];
const POSTERIOR = [...MOLARS, 4, 5, 12, 13, 20, 21, 28, 29];
const ANTERIOR = [6, 7, 8, 9, 10, 11, 22, 23, 24, 25, 26, 27];

/**
 * Products, how many a practice seeing 2,000 visits a month orders each
 * month, and which procedures use them: each use is a treatment record from
 * a received, unexpired lot.
 */
const PRODUCTS = [
  { sku: 'LIDO-2-100', name: 'Lidocaine 2% 1:100k cartridge', per: 2_600, cost: 65, for: ['D2330', 'D2391', 'D2392', 'D2393', 'D2740', 'D2750', 'D3330', 'D4341', 'D6010', 'D7140'] },
  { sku: 'COMP-A2', name: 'Composite syringe A2', per: 1_400, cost: 2_400, for: ['D2330', 'D2391', 'D2392', 'D2393'] },
  { sku: 'SUT-4-0', name: 'Suture 4-0 chromic gut', per: 200, cost: 450, for: ['D7140', 'D6010'] },
  { sku: 'IMPL-4.1', name: 'Implant fixture 4.1 x 10 mm', per: 30, cost: 28_000, for: ['D6010'] },
  { sku: 'CEM-RMGI', name: 'Resin-modified glass ionomer cement', per: 450, cost: 900, for: ['D2740', 'D2750'] },
  { sku: 'GP-POINTS', name: 'Gutta-percha points', per: 60, cost: 300, for: ['D3330'] },
] as const;

export interface Generated {
  tenantId: string;
  adminUsername: string;
  counts: Record<string, number>;
  seconds: number;
}

/**
 * Builds the practice into `file` (refused if it exists). `onProgress` hears
 * the year being written.
 */
export async function generatePractice(file: string, profile: Profile, onProgress: (msg: string) => void = () => {}): Promise<Generated> {
  if (existsSync(file)) throw new Error(`${file} exists: choose a new file (nothing was changed).`);
  const started = performance.now();
  const rand = prng(20261122);
  let idCounter = 0;
  // Random-looking UUIDs (as the app's are, so the indexes grow as a real file's do), yet the same on every run.
  const newId = () => {
    const h = createHash('sha1').update(`chairside-${idCounter++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const endMs = Date.parse(`${TODAY}T00:00:00Z`);
  const days = Math.round(profile.years * 365.25);
  const startMs = endMs - (days - 1) * DAY;
  const startAt = new Date(startMs - DAY).toISOString();

  // The practice and its staff, through the app.
  const core = createCore({ file, migrationsDir: MIGRATIONS, newId, now: () => new Date(startAt) });
  const { tenantId, userId: adminId } = await createTenant(core, 'generator', {
    practiceName: 'Riverside Family Dental', currency: 'USD', adminDisplayName: 'Practice Admin', adminUsername: 'admin', adminPassword: PASSWORD,
  }, { firstRunOnly: true });
  const { sessionToken } = await signIn({ core, session: null, workstation: 'generator' }, { username: 'admin', password: PASSWORD });
  const staff = async (role: string, n: number, title: string) => {
    const ids: string[] = [];
    for (let i = 1; i <= n; i++) {
      const r = await dispatch(core, 'users.create', { username: `${role.toLowerCase()}${i}`, displayName: `${title} ${LAST[(i * 7) % LAST.length]}`, role, password: PASSWORD }, { sessionToken, workstation: 'generator' });
      if (!r.ok) throw new Error(`users.create: ${r.error.message}`);
      ids.push((r.data as { id: string }).id);
    }
    return ids;
  };
  const dentists = await staff('DENTIST', profile.dentists, 'Dr');
  const hygienists = await staff('HYGIENIST', profile.hygienists, 'Hygienist');
  const [frontDesk] = await staff('FRONT_DESK', 1, 'Reception');
  const [assistant] = await staff('ASSISTANT', 1, 'Assistant');
  await closeCore(core);

  // Everything else through the bulk path, on a connection of its own with a large page cache.
  // No fsync while generating (a crash here means generating again, not a practice's lost
  // work); the file is checkpointed whole at the end, so it is the same file either way.
  const sqlite = openSqlite(file);
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('wal_autocheckpoint = 100000');
  const w = new BulkWriter(sqlite, { tenantId, userId: adminId, workstation: 'front-desk' }, { today: TODAY, newId });
  const counts: Record<string, number> = { patients: 0, archived: 0, visits: 0, procedures: 0, labCases: 0, orders: 0, orderItems: 0, treatmentRecords: 0 };

  // Who comes when: each patient a first day and a log-normal number of visits, scaled to the profile's total.
  const firstDay = new Int32Array(profile.patients);
  const weight = new Float64Array(profile.patients);
  let weights = 0;
  for (let p = 0; p < profile.patients; p++) {
    // A third were patients before the history starts; the rest join over the years.
    firstDay[p] = rand() < 0.33 ? 0 : Math.floor(rand() * days);
    const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    weight[p] = Math.exp(1.1 * normal) * ((days - firstDay[p]!) / days);
    weights += weight[p]!;
  }
  const visitsByDay: number[][] = Array.from({ length: days }, () => []);
  const lastDay = new Int32Array(profile.patients).fill(-1);
  for (let p = 0; p < profile.patients; p++) {
    const n = Math.max(1, Math.min(600, Math.round((weight[p]! / weights) * profile.visits)));
    for (let k = 0; k < n; k++) {
      const d = k === 0 ? firstDay[p]! : firstDay[p]! + Math.floor(rand() * (days - firstDay[p]!));
      visitsByDay[d]!.push(p);
      if (d > lastDay[p]!) lastDay[p] = d;
    }
  }
  const patientIds: string[] = Array.from({ length: profile.patients }, () => newId());
  const created = new Uint8Array(profile.patients);
  // Some patients move away: archived a while after their last visit, when that is before today.
  const archiveOn = new Map<number, number[]>();
  for (let p = 0; p < profile.patients; p++) {
    const on = lastDay[p]! + 60 + Math.floor(rand() * 300);
    if (rand() < 0.06 && on < days) archiveOn.set(on, [...(archiveOn.get(on) ?? []), p]);
  }

  const labs = [
    { id: newId(), name: 'Summit Dental Lab', phone: '(555) 201-3300', email: 'cases@summitlab.example', turnaround_days: 10 },
    { id: newId(), name: 'Precision Ceramics', phone: '(555) 477-1200', email: 'orders@precision.example', turnaround_days: 7 },
    { id: newId(), name: 'Harbor Appliances', phone: null, email: 'hello@harbor.example', turnaround_days: 12 },
  ];
  // Later steps of a day's work (lab returns, seating) wait here for their day.
  const agenda = new Map<number, (() => void)[]>();
  const later = (day: number, fn: () => void) => {
    if (day < days) agenda.set(day, [...(agenda.get(day) ?? []), fn]);
  };
  // Product lots on the shelf: oldest first, with what remains.
  const shelf = new Map<string, { id: string; left: number; expiry: string }[]>(PRODUCTS.map((p) => [p.sku, []]));

  let clock = 0;
  const at = (day: number) => new Date(startMs + day * DAY + 8 * 3_600_000 + clock++).toISOString();
  const workingDaysLater = (day: number, n: number) => {
    let d = day;
    for (let left = n; left > 0; ) {
      d++;
      const wd = new Date(startMs + d * DAY).getUTCDay();
      if (wd !== 0 && wd !== 6) left--;
    }
    return d;
  };

  const orderSupplies = (day: number) => {
    const orderId = newId();
    const items = PRODUCTS.map((p) => ({
      id: newId(),
      product_id: p.sku,
      product_name: p.name,
      quantity: Math.ceil((p.per * profile.visits) / (profile.years * 12) / 2_000) + 10,
      lot_number: `${p.sku.slice(0, 4)}-${dateOf(startMs + day * DAY).replaceAll('-', '')}`,
      expiry_date: dateOf(startMs + (day + 540 + Math.floor(rand() * 360)) * DAY),
      unit_cost: p.cost,
    }));
    // Recorded when it arrives, three days after it was placed.
    w.as(assistant!).order(
      { id: orderId, supplier: 'Henry Schein', order_number: `HS-${100_000 + counts.orders!}`, order_date: dateOf(startMs + (day - 3) * DAY), notes: null },
      items,
      at(day),
      dateOf(startMs + day * DAY),
    );
    counts.orders!++;
    counts.orderItems! += items.length;
    for (const it of items) shelf.get(it.product_id)!.push({ id: it.id, left: it.quantity, expiry: it.expiry_date });
  };

  const use = (day: number, patientId: string, proc: BulkProcedure) => {
    const date = dateOf(startMs + day * DAY);
    for (const p of PRODUCTS) {
      if (!(p.for as readonly string[]).includes(proc.code)) continue;
      // Small fillings are often done without anaesthetic.
      if (p.sku === 'LIDO-2-100' && (proc.code === 'D2391' || proc.code === 'D2330') && rand() < 0.7) continue;
      const lots = shelf.get(p.sku)!;
      while (lots.length && (lots[0]!.left < 2 || lots[0]!.expiry < date)) lots.shift();
      const lot = lots[0];
      if (!lot) continue;
      const qty = p.sku === 'LIDO-2-100' ? 1 + Math.floor(rand() * 2) : 1;
      lot.left -= qty;
      w.as(assistant!).treatmentRecord({
        id: newId(), patient_id: patientId, order_item_id: lot.id, procedure_id: proc.id, quantity_used: qty, date_applied: date,
        diagnosis: null, procedure_performed: proc.name, wound_location: proc.tooth_number ? `#${proc.tooth_number}` : null, doctor_notes: null,
        recorded_by: assistant!,
      }, at(day));
      counts.treatmentRecords!++;
    }
  };

  const site = (c: Code): Pick<BulkProcedure, 'tooth_number' | 'surfaces' | 'area'> => {
    switch (c.site) {
      case 'none':
        return { tooth_number: null, surfaces: null, area: null };
      case 'tooth':
        return { tooth_number: String(c.code === 'D3330' ? pick(MOLARS) : pick([...POSTERIOR, ...ANTERIOR])), surfaces: null, area: null };
      case 'surfaces': {
        const anterior = c.code === 'D2330';
        const n = c.code === 'D2393' ? 3 : c.code === 'D2392' ? 2 : 1;
        const order = anterior ? ['M', 'I', 'D', 'F', 'L'] : ['M', 'O', 'D', 'B', 'L'];
        const chosen = new Set<string>(anterior ? [] : ['O']);
        while (chosen.size < n) chosen.add(pick(order));
        return { tooth_number: String(pick(anterior ? ANTERIOR : POSTERIOR)), surfaces: order.filter((s) => chosen.has(s)).join(''), area: null };
      }
      case 'quadrant':
        return { tooth_number: null, surfaces: null, area: pick(['UR', 'UL', 'LR', 'LL']) };
      case 'arch':
        return { tooth_number: null, surfaces: null, area: pick(['U', 'L']) };
    }
  };

  const visitCodes = (newPatient: boolean): { codes: string[]; hygiene: boolean } => {
    const r = rand();
    if (newPatient) return { codes: ['D0150', 'D0274', ...(rand() < 0.7 ? ['D1110'] : [])], hygiene: false };
    const fillings = (n: number) => Array.from({ length: n }, () => pick(['D2330', 'D2391', 'D2391', 'D2392', 'D2392', 'D2393']));
    const maybe = (p: number, code: string) => (rand() < p ? [code] : []);
    if (r < 0.58) {
      // A recall: exam and cleaning, films now and then, and sometimes a cavity found and filled.
      const found = rand() < 0.35 ? fillings(1 + Math.floor(rand() * 3)) : [];
      return { codes: ['D0120', 'D1110', ...maybe(0.6, 'D0274'), ...maybe(0.5, 'D1206'), ...maybe(0.3, 'D0220'), ...found], hygiene: found.length === 0 };
    }
    if (r < 0.84) return { codes: [...fillings(1 + Math.floor(rand() * 4)), ...maybe(0.6, 'D0220'), ...maybe(0.4, 'D0120')], hygiene: false };
    if (r < 0.96) {
      const crown = () => pick(['D2740', 'D2740', 'D2750']);
      return { codes: [crown(), ...(rand() < 0.5 ? [crown()] : []), 'D0220', ...maybe(0.5, 'D0120')], hygiene: false };
    }
    return { codes: pick([['D3330', 'D0220'], ['D7140', 'D0220'], ['D4341', 'D4341'], ['D6010', 'D0220'], ['D9944']]), hygiene: rand() < 0.3 };
  };

  /** A procedure's fate: most are done the day they are planned; recent work is still open. */
  const fate = (day: number): ProcedureStatus => {
    const age = days - 1 - day;
    const r = rand();
    if (age < 14) return r < 0.5 ? 'COMPLETED' : r < 0.75 ? 'IN_PROGRESS' : 'PLANNED';
    return r < 0.92 ? 'COMPLETED' : r < 0.95 ? 'CANCELLED' : 'PLANNED';
  };

  for (const lab of labs) w.as(adminId).lab(lab, at(0));
  for (let day = 0; day < days; day++) {
    if (day) clock = 0;
    for (const fn of agenda.get(day) ?? []) fn();
    agenda.delete(day);
    if (day % 30 === 0) orderSupplies(day);
    const date = dateOf(startMs + day * DAY);
    const todays = visitsByDay[day]!;
    for (let i = 0; i < todays.length; i++) {
      const p = todays[i]!;
      const patientId = patientIds[p]!;
      const isNew = !created[p];
      if (isNew) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const born = 1935 + Math.floor(rand() * 85);
        w.as(frontDesk!).patient({
          id: patientId, chart_number: String(1001 + counts.patients!), first_name: first, last_name: last,
          date_of_birth: `${born}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
          phone: `(555) ${String(200 + (p % 800)).padStart(3, '0')}-${String(p % 10_000).padStart(4, '0')}`,
          email: rand() < 0.6 ? `${first}.${last}${p}@mail.example`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@']/g, '') : null,
          alerts: rand() < 0.08 ? pick(['Penicillin allergy', 'Latex allergy', 'On blood thinners', 'Needs premedication']) : null,
        }, at(day));
        created[p] = 1;
        counts.patients!++;
      }
      const { codes, hygiene } = visitCodes(isNew);
      const provider = hygiene ? hygienists[i % hygienists.length]! : dentists[i % dentists.length]!;
      const visitId = newId();
      const minutes = 8 * 60 + ((i * 20) % (9 * 60));
      w.as(frontDesk!).visit({
        id: visitId, patient_id: patientId, provider_id: provider, date,
        time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, notes: rand() < 0.1 ? 'Patient asked about whitening.' : null,
      }, at(day));
      counts.visits!++;
      for (const code of codes) {
        const c = CODES[code]!;
        const proc: BulkProcedure = {
          id: newId(), visit_id: visitId, code, name: c.name, ...site(c), quantity: 1, unit_fee: c.fee, duration_minutes: c.minutes,
          performed_by: provider, notes: null,
        };
        w.as(provider);
        counts.procedures!++;
        const end = fate(day);
        if (c.lab && end !== 'PLANNED' && end !== 'CANCELLED') {
          // Prepared today, out to the lab, back in about the lab's turnaround, checked, seated a few days later.
          w.procedure(proc, at(day), [{ to: 'IN_PROGRESS', at: at(day) }]);
          const lab = pick(labs);
          const caseId = newId();
          w.as(assistant!).labCase({ id: caseId, procedure_id: proc.id, lab_id: lab.id, due_date: dateOf(startMs + workingDaysLater(day, lab.turnaround_days) * DAY), shade: pick(['A1', 'A2', 'A3', 'B1']), instructions: null }, at(day));
          w.labCaseStep(caseId, 'sent', date, at(day), `TRK${100_000 + counts.labCases!}`);
          counts.labCases!++;
          const back = day + lab.turnaround_days + Math.floor(rand() * 6) - 1;
          later(back, () => w.as(assistant!).labCaseStep(caseId, 'received', dateOf(startMs + back * DAY), at(back)));
          later(back + 1, () => w.as(provider).labCaseStep(caseId, 'checked', dateOf(startMs + (back + 1) * DAY), at(back + 1)));
          const seat = back + 2 + Math.floor(rand() * 5);
          later(seat, () => {
            w.as(provider).procedureStatus(proc.id, 'COMPLETED', at(seat));
            use(seat, patientId, proc);
          });
          continue;
        }
        const t = at(day);
        const steps: { to: ProcedureStatus; at: string }[] =
          end === 'COMPLETED' ? [{ to: 'IN_PROGRESS', at: t }, { to: 'COMPLETED', at: t }]
          : end === 'IN_PROGRESS' ? [{ to: 'IN_PROGRESS', at: t }]
          : end === 'CANCELLED' ? [{ to: 'CANCELLED', at: t }]
          : [];
        w.procedure(proc, t, steps);
        if (end === 'COMPLETED') use(day, patientId, proc);
      }
    }
    for (const p of archiveOn.get(day) ?? []) {
      // Only a patient with no work still open moves away in this history.
      if (!created[p] || lastDay[p]! > day) continue;
      w.as(frontDesk!).archivePatient(patientIds[p]!, at(day));
      counts.archived!++;
    }
    if (day % 365 === 364 || day === days - 1) onProgress(`${date}: ${counts.visits!.toLocaleString('en-US')} visits, ${w.events.toLocaleString('en-US')} audit events`);
  }
  w.flush();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  counts.auditEvents = w.events;
  return { tenantId, adminUsername: 'admin', counts, seconds: (performance.now() - started) / 1000 };
}
