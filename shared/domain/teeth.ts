/**
 * Tooth, surface and area rules (Universal numbering).
 *
 * Teeth: 1-32 permanent, A-T primary; supernumerary teeth are 51-82 and
 * AS-TS, taking the position of the tooth they accompany (n - 50, letter).
 * Surfaces are stored in the fixed order M O I D B F V L. Occlusal and buccal
 * exist only on back teeth, incisal and facial only on front teeth.
 */
export const SURFACES = ['M', 'O', 'I', 'D', 'B', 'F', 'V', 'L'] as const;
export type Surface = (typeof SURFACES)[number];

export const SURFACE_NAMES: Record<Surface, string> = {
  M: 'mesial',
  O: 'occlusal',
  I: 'incisal',
  D: 'distal',
  B: 'buccal',
  F: 'facial',
  V: 'vestibular',
  L: 'lingual',
};

export const AREAS = ['UR', 'UL', 'LR', 'LL', 'U', 'L'] as const;
export type Area = (typeof AREAS)[number];
export const AREA_NAMES: Record<Area, string> = {
  UR: 'upper right quadrant',
  UL: 'upper left quadrant',
  LR: 'lower right quadrant',
  LL: 'lower left quadrant',
  U: 'upper arch',
  L: 'lower arch',
};

export type ToothPosition = 'anterior' | 'posterior';
export interface ToothInfo {
  id: string;
  dentition: 'permanent' | 'primary';
  supernumerary: boolean;
  position: ToothPosition;
}

const PRIMARY_LETTERS = 'ABCDEFGHIJKLMNOPQRST';
// Primary molars: A B (upper right), I J (upper left), K L (lower left), S T (lower right).
const PRIMARY_POSTERIOR = new Set(['A', 'B', 'I', 'J', 'K', 'L', 'S', 'T']);

function permanentPosition(n: number): ToothPosition {
  return (n >= 6 && n <= 11) || (n >= 22 && n <= 27) ? 'anterior' : 'posterior';
}

/** Parses a tooth id exactly as stored; anything else (leading zeros, lower case, 33) is null. */
export function parseTooth(raw: string): ToothInfo | null {
  if (/^[1-9]\d?$/.test(raw)) {
    const n = Number(raw);
    if (n >= 1 && n <= 32) {
      return { id: raw, dentition: 'permanent', supernumerary: false, position: permanentPosition(n) };
    }
    if (n >= 51 && n <= 82) {
      return { id: raw, dentition: 'permanent', supernumerary: true, position: permanentPosition(n - 50) };
    }
    return null;
  }
  const m = /^([A-T])(S?)$/.exec(raw);
  if (m?.[1] && PRIMARY_LETTERS.includes(m[1])) {
    return {
      id: raw,
      dentition: 'primary',
      supernumerary: m[2] === 'S',
      position: PRIMARY_POSTERIOR.has(m[1]) ? 'posterior' : 'anterior',
    };
  }
  return null;
}

export interface SiteInput {
  toothNumber?: string | null;
  surfaces?: readonly string[] | null;
  area?: string | null;
}

export interface SiteIssue {
  path: 'toothNumber' | 'surfaces' | 'area';
  message: string;
}

const WRONG_SURFACE: Partial<Record<Surface, { needs: ToothPosition; instead: Surface }>> = {
  O: { needs: 'posterior', instead: 'I' },
  B: { needs: 'posterior', instead: 'F' },
  I: { needs: 'anterior', instead: 'O' },
  F: { needs: 'anterior', instead: 'B' },
};

/**
 * Checks where a procedure is done: a tooth (with optional surfaces), an area,
 * or nothing. Returns the problems in words the front desk understands, and
 * the surfaces in stored order when there are none.
 */
export function checkSite(site: SiteInput): { issues: SiteIssue[]; surfaces: Surface[] } {
  const issues: SiteIssue[] = [];
  const tooth = site.toothNumber ?? null;
  const area = site.area ?? null;
  const given = site.surfaces ?? [];

  if (tooth !== null && area !== null) {
    issues.push({ path: 'area', message: 'Choose either a tooth or an area, not both.' });
  }
  if (area !== null && !(AREAS as readonly string[]).includes(area)) {
    issues.push({ path: 'area', message: `"${area}" is not an area: use UR, UL, LR, LL, U or L.` });
  }

  let info: ToothInfo | null = null;
  if (tooth !== null) {
    info = parseTooth(tooth);
    if (!info) {
      issues.push({
        path: 'toothNumber',
        message: `"${tooth}" is not a tooth: use 1-32 or A-T (51-82 or AS-TS for extra teeth).`,
      });
    }
  }

  if (given.length > 0 && tooth === null) {
    issues.push({ path: 'surfaces', message: 'Surfaces need a tooth.' });
    return { issues, surfaces: [] };
  }

  const seen = new Set<string>();
  for (const s of given) {
    if (!(SURFACES as readonly string[]).includes(s)) {
      issues.push({ path: 'surfaces', message: `"${s}" is not a surface: use M, O, I, D, B, F, V or L.` });
      continue;
    }
    if (seen.has(s)) {
      issues.push({ path: 'surfaces', message: `Surface ${s} is listed twice.` });
      continue;
    }
    seen.add(s);
    const rule = WRONG_SURFACE[s as Surface];
    if (info && rule && info.position !== rule.needs) {
      const kind = info.position === 'anterior' ? 'a front tooth' : 'a back tooth';
      const name = SURFACE_NAMES[rule.instead];
      issues.push({
        path: 'surfaces',
        message: `Tooth ${info.id} is ${kind}: use ${rule.instead} (${name}) instead of ${s}.`,
      });
    }
  }
  const surfaces = SURFACES.filter((s) => seen.has(s));
  return { issues, surfaces };
}

/** "MOD" <-> ['M','O','D']; storage keeps the canonical order. */
export function surfacesToText(surfaces: readonly Surface[]): string {
  return SURFACES.filter((s) => surfaces.includes(s)).join('');
}

export function surfacesFromText(text: string | null): Surface[] {
  if (!text) return [];
  return SURFACES.filter((s) => text.includes(s));
}
