/**
 * What a procedure code needs to be charted: the site kind (a tooth, a tooth
 * and its surfaces, a quadrant, an arch, or nothing) and, for fillings, how
 * many surfaces it is for. A site that does not fit the code is refused; a
 * surface count that does not fit is only a warning, because the dentist may
 * know better (a fourth surface ground into a three-surface filling).
 */
import { type Area, SURFACES, type Surface } from './teeth';

export const SITE_KINDS = ['tooth', 'surfaces', 'quadrant', 'arch', 'none'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  tooth: 'Tooth',
  surfaces: 'Tooth and surfaces',
  quadrant: 'Quadrant',
  arch: 'Arch',
  none: 'Whole mouth / no site',
};

export const QUADRANTS: readonly Area[] = ['UR', 'UL', 'LR', 'LL'];
export const ARCHES: readonly Area[] = ['U', 'L'];

/** The part of a fee schedule entry the site rules read. */
export interface CodeRule {
  code: string;
  shortName: string;
  siteKind: SiteKind;
  surfaceCount: number | null;
  surfaceCountOrMore: boolean;
}

export interface ChartSite {
  teeth: readonly string[];
  surfaces: readonly Surface[];
  area: Area | null;
}

/** A refusal when the site does not fit what the code needs; null when it does. */
export function siteMismatch(rule: CodeRule, site: ChartSite): string | null {
  const { code } = rule;
  const hasTooth = site.teeth.length > 0;
  switch (rule.siteKind) {
    case 'none':
      if (hasTooth || site.area) return `${code} (${rule.shortName}) is not charted on a tooth or area: leave them out.`;
      return null;
    case 'tooth':
      if (!hasTooth) return `${code} (${rule.shortName}) needs a tooth.`;
      if (site.surfaces.length > 0) return `${code} (${rule.shortName}) is for the whole tooth: leave out the surfaces.`;
      return null;
    case 'surfaces':
      if (!hasTooth) return `${code} (${rule.shortName}) needs a tooth and its surfaces.`;
      if (site.surfaces.length === 0) return `${code} (${rule.shortName}) needs surfaces: pick them, e.g. MOD.`;
      return null;
    case 'quadrant':
      if (!site.area || !QUADRANTS.includes(site.area)) return `${code} (${rule.shortName}) needs a quadrant: UR, UL, LR or LL.`;
      return null;
    case 'arch':
      if (!site.area || !ARCHES.includes(site.area)) return `${code} (${rule.shortName}) needs an arch: U (upper) or L (lower).`;
      return null;
  }
}

export function surfaceCountLabel(rule: Pick<CodeRule, 'surfaceCount' | 'surfaceCountOrMore'>): string {
  if (rule.surfaceCount === null) return '';
  const n = rule.surfaceCount;
  return `${n}${rule.surfaceCountOrMore ? ' or more' : ''} ${n === 1 && !rule.surfaceCountOrMore ? 'surface' : 'surfaces'}`;
}

function fits(rule: CodeRule, count: number): boolean {
  if (rule.surfaceCount === null) return true;
  return rule.surfaceCountOrMore ? count >= rule.surfaceCount : count === rule.surfaceCount;
}

/**
 * A warning when the number of surfaces does not fit the code, naming a
 * sibling code that does (D2392 for two surfaces instead of D2393) when the
 * schedule has one.
 */
export function surfaceCountWarning(rule: CodeRule, surfaces: readonly Surface[], schedule: readonly CodeRule[] = []): string | null {
  if (rule.siteKind !== 'surfaces' || surfaces.length === 0 || fits(rule, surfaces.length)) return null;
  const picked = SURFACES.filter((s) => surfaces.includes(s)).join('');
  const family = rule.code.slice(0, -1);
  const sibling = schedule.find((r) => r.code !== rule.code && r.siteKind === 'surfaces' && r.code.slice(0, -1) === family && fits(r, surfaces.length));
  return (
    `${rule.code} is for ${surfaceCountLabel(rule)}; ${picked} is ${surfaces.length}.` +
    (sibling ? ` ${sibling.code} (${sibling.shortName}) fits.` : ' Check the surfaces or the code.')
  );
}

/** "D2393", "d2393" and "2393" are the same CDT code; the practice's own codes are kept as typed, upper-cased. */
export function normaliseCode(raw: string): string {
  const t = raw.trim().toUpperCase();
  return /^\d{4}$/.test(t) ? `D${t}` : t;
}

/** What an admin types for the surface count: "", "3" or "4+". */
export function parseSurfaceCount(text: string): { surfaceCount: number | null; surfaceCountOrMore: boolean } | null {
  const t = text.trim();
  if (t === '') return { surfaceCount: null, surfaceCountOrMore: false };
  const m = /^([1-6])(\+?)$/.exec(t);
  if (!m) return null;
  return { surfaceCount: Number(m[1]), surfaceCountOrMore: m[2] === '+' };
}
