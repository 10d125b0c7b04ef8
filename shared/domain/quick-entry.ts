/**
 * Chairside quick entry: one typed line becomes procedures (or findings) on
 * the chart, so an assistant can chart without the mouse.
 *
 *   3 MOD D2393     tooth, surfaces, code
 *   8 D2740         tooth, code (the leading D is optional: 8 2740)
 *   UR D4341        quadrant or arch (UR UL LR LL, U L), code
 *   D0120           code alone
 *   3,4,5 D6245     several teeth (or a range, 3-5): one procedure each
 *   3 missing       a finding: missing, caries, fracture, watch,
 *   14 MO caries    existing crown / filling / implant / root canal / bridge
 *
 * parseQuickEntry reads the words; planChartEntry checks them against the
 * fee schedule and the tooth rules, the same check a click on the chart gets.
 */
import { type CodeRule, normaliseCode, siteMismatch, surfaceCountWarning } from './fee-schedule';
import { FINDING_INFO, type FindingKind, findingSurfaceIssue } from './findings';
import { AREAS, type Area, checkSite, parseTooth, type Surface } from './teeth';

export type QuickEntry =
  | { kind: 'procedure'; teeth: string[]; surfaces: string[]; area: Area | null; code: string }
  | { kind: 'finding'; teeth: string[]; surfaces: string[]; finding: FindingKind };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const FINDING_PHRASES: Record<string, FindingKind> = {
  missing: 'MISSING',
  caries: 'CARIES',
  fracture: 'FRACTURE',
  watch: 'WATCH',
  'existing crown': 'CROWN',
  'existing filling': 'FILLING',
  'existing implant': 'IMPLANT',
  'existing root canal': 'ROOT_CANAL',
  'existing rct': 'ROOT_CANAL',
  'existing bridge': 'BRIDGE',
};

export const EXAMPLE_LINE = 'Type a line like 3 MOD D2393, 8 D2740, UR D4341, D0120 or 3 missing.';

// Ranges run through neighbouring numbers (3-5) or letters (A-C), never across dentitions.
function expandRange(from: string, to: string): string[] | string {
  const a = parseTooth(from);
  const b = parseTooth(to);
  if (!a) return `"${from}" is not a tooth: use 1-32 or A-T.`;
  if (!b) return `"${to}" is not a tooth: use 1-32 or A-T.`;
  const numeric = /^\d+$/.test(from) && /^\d+$/.test(to);
  const lettered = /^[A-T]$/.test(from) && /^[A-T]$/.test(to);
  if (!numeric && !lettered) return `${from}-${to} is not a range of neighbouring teeth.`;
  const start = numeric ? Number(from) : from.charCodeAt(0);
  const end = numeric ? Number(to) : to.charCodeAt(0);
  if (end <= start) return `${from}-${to}: write the lower tooth first (${to}-${from}).`;
  if (numeric && Math.floor((start - 1) / 16) !== Math.floor((end - 1) / 16)) return `${from}-${to} crosses from the upper to the lower arch.`;
  const out: string[] = [];
  for (let i = start; i <= end; i++) out.push(numeric ? String(i) : String.fromCharCode(i));
  return out;
}

function parseTeeth(token: string): Parsed<string[]> {
  const teeth: string[] = [];
  for (const item of token.split(',')) {
    if (item === '') return { ok: false, error: `"${token}" has an empty place between commas.` };
    const range = /^([^-]+)-([^-]+)$/.exec(item);
    const found = range ? expandRange(range[1]!, range[2]!) : parseTooth(item) ? [item] : `"${item}" is not a tooth: use 1-32 or A-T (51-82 or AS-TS for extra teeth).`;
    if (typeof found === 'string') return { ok: false, error: found };
    for (const t of found) {
      if (teeth.includes(t)) return { ok: false, error: `Tooth ${t} is listed twice.` };
      teeth.push(t);
    }
  }
  return { ok: true, value: teeth };
}

const SURFACE_WORD = /^[MOIDBFVL]+$/;

/** Reads one line; every refusal says what was wrong with what was typed. */
export function parseQuickEntry(line: string): Parsed<QuickEntry> {
  // "3, 4, 5" is one list of teeth, as "3,4,5" is.
  const tokens = line.trim().replace(/\s*,\s*/g, ',').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, error: EXAMPLE_LINE };
  if (tokens.length > 6) return { ok: false, error: `Too many words. ${EXAMPLE_LINE}` };

  const phrase = tokens.slice(1).join(' ').toLowerCase();
  const first = tokens[0]!.toUpperCase();
  if (tokens.length === 1) {
    if (FINDING_PHRASES[tokens[0]!.toLowerCase()]) return { ok: false, error: `Say which tooth: e.g. 3 ${tokens[0]!.toLowerCase()}.` };
    // A number a code never is (codes have four digits): a tooth still waiting for its code.
    if (/^\d{1,2}([,-]\d{1,2})*$/.test(first)) return { ok: false, error: `Add the procedure code: e.g. ${first} D2393.` };
    return { ok: true, value: { kind: 'procedure', teeth: [], surfaces: [], area: null, code: normaliseCode(first) } };
  }

  let teeth: string[] = [];
  let area: Area | null = null;
  if ((AREAS as readonly string[]).includes(first)) area = first as Area;
  else {
    const parsed = parseTeeth(first);
    if (!parsed.ok) return parsed;
    teeth = parsed.value;
  }

  let rest = tokens.slice(1);
  let surfaces: string[] = [];
  const findingAt = (words: string[]) => FINDING_PHRASES[words.join(' ').toLowerCase()];
  if (rest.length >= 2 && SURFACE_WORD.test(rest[0]!.toUpperCase()) && !findingAt(rest.slice(0, 1))) {
    if (area) return { ok: false, error: `Surfaces need a tooth, not an area: e.g. 3 ${rest[0]!.toUpperCase()} D2393.` };
    surfaces = [...rest[0]!.toUpperCase()];
    rest = rest.slice(1);
  }

  // "3 MOD" is a tooth and surfaces still waiting for their code.
  if (rest.length === 1 && teeth.length > 0 && SURFACE_WORD.test(rest[0]!.toUpperCase())) {
    return { ok: false, error: `Add the procedure code: e.g. ${tokens.join(' ')} D2393.` };
  }
  const finding = findingAt(rest);
  if (finding) {
    if (area) return { ok: false, error: `A finding is recorded on a tooth, not on ${area}: e.g. 3 ${phrase}.` };
    return { ok: true, value: { kind: 'finding', teeth, surfaces, finding } };
  }
  if (rest.length !== 1) {
    const words = rest.join(' ');
    if (rest.length === 0 || SURFACE_WORD.test(words.toUpperCase())) return { ok: false, error: `Add the procedure code: e.g. ${tokens.join(' ')} D2393.` };
    return { ok: false, error: `"${words}" is not a procedure code or a finding. ${EXAMPLE_LINE}` };
  }
  return { ok: true, value: { kind: 'procedure', teeth, surfaces, area, code: normaliseCode(rest[0]!) } };
}

/** A fee schedule entry as the chart reads it. */
export interface ScheduleEntry extends CodeRule {
  defaultFee: number;
  defaultMinutes: number | null;
  retiredAt: string | null;
}

/** One procedure to add, ready for procedures.add. */
export interface ProcedureDraft {
  code: string;
  name: string;
  toothNumber: string | null;
  surfaces: Surface[];
  area: Area | null;
  unitFee: number;
  durationMinutes: number | null;
}

export interface EntryPlan<T> {
  items: T[];
  warnings: string[];
}

function checkTeeth(teeth: readonly string[], surfaces: readonly string[]): Parsed<Surface[]> {
  let canonical: Surface[] = [];
  for (const tooth of teeth) {
    const site = checkSite({ toothNumber: tooth, surfaces });
    if (site.issues.length > 0) return { ok: false, error: site.issues[0]!.message };
    canonical = site.surfaces;
  }
  if (teeth.length === 0 && surfaces.length > 0) return { ok: false, error: 'Surfaces need a tooth.' };
  return { ok: true, value: canonical };
}

/** Checks a site and code against the schedule and the tooth rules: the procedures to add, or why not. */
export function planProcedures(
  site: { teeth: readonly string[]; surfaces: readonly string[]; area: Area | null },
  code: string,
  schedule: readonly ScheduleEntry[],
): Parsed<EntryPlan<ProcedureDraft>> {
  const wanted = normaliseCode(code);
  const rule = schedule.find((r) => r.code === wanted);
  if (!rule) return { ok: false, error: `${wanted} is not in the fee schedule. An administrator can add it in Settings.` };
  if (rule.retiredAt) return { ok: false, error: `${wanted} (${rule.shortName}) was retired from the fee schedule.` };
  const surfaces = checkTeeth(site.teeth, site.surfaces);
  if (!surfaces.ok) return surfaces;
  const mismatch = siteMismatch(rule, { teeth: site.teeth, surfaces: surfaces.value, area: site.area });
  if (mismatch) return { ok: false, error: mismatch };
  const warning = surfaceCountWarning(rule, surfaces.value, schedule.filter((r) => !r.retiredAt));
  const draft = (toothNumber: string | null): ProcedureDraft => ({
    code: rule.code,
    name: rule.shortName,
    toothNumber,
    surfaces: surfaces.value,
    area: site.area,
    unitFee: rule.defaultFee,
    durationMinutes: rule.defaultMinutes,
  });
  const items = site.teeth.length > 0 ? site.teeth.map(draft) : [draft(null)];
  return { ok: true, value: { items, warnings: warning ? [warning] : [] } };
}

export interface FindingDraft {
  kind: FindingKind;
  teeth: string[];
  surfaces: Surface[];
}

export function planFinding(site: { teeth: readonly string[]; surfaces: readonly string[] }, kind: FindingKind): Parsed<FindingDraft> {
  if (site.teeth.length === 0) return { ok: false, error: `${FINDING_INFO[kind].label}: say which tooth.` };
  const surfaces = checkTeeth(site.teeth, site.surfaces);
  if (!surfaces.ok) return surfaces;
  const issue = findingSurfaceIssue(kind, surfaces.value);
  if (issue) return { ok: false, error: issue };
  return { ok: true, value: { kind, teeth: [...site.teeth], surfaces: surfaces.value } };
}

export type QuickPlan = { kind: 'procedure'; plan: EntryPlan<ProcedureDraft> } | { kind: 'finding'; plan: FindingDraft };

/** A typed line, read and checked: what Enter adds, or the one message to show under the box. */
export function planQuickEntry(line: string, schedule: readonly ScheduleEntry[]): Parsed<QuickPlan> {
  const parsed = parseQuickEntry(line);
  if (!parsed.ok) return parsed;
  const e = parsed.value;
  if (e.kind === 'finding') {
    const plan = planFinding(e, e.finding);
    return plan.ok ? { ok: true, value: { kind: 'finding', plan: plan.value } } : plan;
  }
  const plan = planProcedures(e, e.code, schedule);
  return plan.ok ? { ok: true, value: { kind: 'procedure', plan: plan.value } } : plan;
}
