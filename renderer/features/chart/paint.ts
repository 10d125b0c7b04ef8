/**
 * What the chart draws on one tooth: for each surface region and for the
 * tooth as a whole, the one mark on top (CHART_PRIORITY), its colour
 * category, and whether it is faded (open work planned in another visit).
 */
import { CHART_CATEGORY_LABELS, CHART_PRIORITY, type ChartCategory, findingCategory } from '../../../shared/domain/chart';
import { FINDING_INFO } from '../../../shared/domain/findings';
import type { Surface } from '../../../shared/domain/teeth';
import type { ChartProcedure, ChartTooth, Finding } from '../../../shared/types';
import { type Region, REGIONS, regionSurfaces } from './layout';

export interface Mark {
  category: ChartCategory;
  /** Short text drawn under the tooth for whole-tooth work ("D2740", "RC"). */
  label: string;
  faded: boolean;
}

export interface ToothPaint {
  regions: Record<Region, Mark | null>;
  whole: Mark | null;
  missing: boolean;
  /** Everything charted on the tooth, in words, for its tooltip and description. */
  summary: string[];
}

export interface PaintOptions {
  visitId: string | null;
  showCancelled: boolean;
}

interface Item {
  surfaces: readonly Surface[];
  mark: Mark;
  words: string;
}

const surfaceText = (s: readonly Surface[]) => (s.length ? ` ${s.join('')}` : '');

function procedureItem(p: ChartProcedure, options: PaintOptions): Item | null {
  if (p.status === 'CANCELLED' && !options.showCancelled) return null;
  const open = p.status !== 'COMPLETED' && p.status !== 'CANCELLED';
  const faded = open && options.visitId !== null && p.visitId !== options.visitId;
  return {
    surfaces: p.surfaces,
    mark: { category: p.status, label: p.code, faded },
    words: `${p.code}${surfaceText(p.surfaces)} ${p.name}, ${CHART_CATEGORY_LABELS[p.status].toLowerCase()}${faded ? ' (another visit)' : ''}`,
  };
}

function findingItem(f: Finding): Item | null {
  if (f.resolvedOn) return null;
  const info = FINDING_INFO[f.kind];
  return { surfaces: f.surfaces, mark: { category: findingCategory(info.category), label: info.mark, faded: false }, words: `${info.label}${surfaceText(f.surfaces)}, since ${f.recordedOn}` };
}

// This visit's work and what is in the mouth come before open work of other visits (faded), then by priority.
const rank = (m: Mark) => CHART_PRIORITY[m.category] + (m.faded ? 0 : 100);
const above = (a: Mark | null, b: Mark) => (a === null || rank(b) > rank(a) ? b : a);

export function paintTooth(tooth: string, charted: ChartTooth | undefined, options: PaintOptions): ToothPaint {
  const regions: Record<Region, Mark | null> = { top: null, bottom: null, left: null, right: null, center: null };
  const paint: ToothPaint = { regions, whole: null, missing: false, summary: [] };
  if (!charted) return paint;
  const map = regionSurfaces(tooth);
  const items = [
    ...charted.findings.map((f) => ({ item: findingItem(f), missing: f.kind === 'MISSING' && !f.resolvedOn })),
    ...charted.procedures.map((p) => ({ item: procedureItem(p, options), missing: false })),
  ];
  for (const { item, missing } of items) {
    if (!item) continue;
    paint.summary.push(item.words);
    if (missing) paint.missing = true;
    if (item.surfaces.length === 0) {
      paint.whole = above(paint.whole, item.mark);
      continue;
    }
    for (const region of REGIONS) {
      if (map[region].some((s) => item.surfaces.includes(s))) regions[region] = above(regions[region], item.mark);
    }
  }
  return paint;
}
