import { Fragment, type KeyboardEvent, type MouseEvent, useMemo, useRef } from 'react';
import { AREA_NAMES, type Area, type Surface } from '../../../shared/domain/teeth';
import type { ChartData } from '../../../shared/types';
import { CHART_COLORS, cssColor } from '../../ui/status';
import { isUpper, LOWER_POSITIONS, positionOf, primaryAt, type Region, REGIONS, regionSurfaces, supernumeraryFor, UPPER_POSITIONS } from './layout';
import { type Mark, type PaintOptions, paintTooth } from './paint';

export interface ChartSelection {
  teeth: string[];
  surfaces: Surface[];
  area: Area | null;
}

interface Props {
  chart: ChartData;
  paint: PaintOptions;
  selection: ChartSelection;
  /** Positions (1-32) drawn as their primary tooth. */
  primary: ReadonlySet<number>;
  /** A click on a tooth; `surface` when the click landed on one of its regions, `add` with Ctrl, Cmd or Shift. */
  onTooth: (tooth: string, how: { add: boolean; surface: Surface | null }) => void;
  onArea: (area: Area) => void;
}

// The five regions of the classic odontogram square, in a 40 x 40 box.
const POLYGONS: Record<Region, string> = {
  top: '2,2 38,2 27,13 13,13',
  bottom: '13,27 27,27 38,38 2,38',
  left: '2,2 13,13 13,27 2,38',
  right: '38,2 38,38 27,27 27,13',
  center: '13,13 27,13 27,27 13,27',
};

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
export const areaName = (area: Area) => capital(AREA_NAMES[area]);

function toothAt(position: number, primary: ReadonlySet<number>): string {
  const letter = primaryAt(position);
  return letter && primary.has(position) ? letter : String(position);
}

function fill(mark: Mark | null): { fill: string; opacity: number } {
  if (!mark) return { fill: 'var(--mantine-color-white)', opacity: 1 };
  return { fill: cssColor(CHART_COLORS[mark.category], 6), opacity: mark.faded ? 0.45 : 1 };
}

function ToothButton({
  tooth,
  selection,
  chart,
  paint: options,
  tabbable,
  onTooth,
  onKeyDown,
  register,
  small,
}: {
  tooth: string;
  selection: ChartSelection;
  chart: ChartData;
  paint: PaintOptions;
  tabbable: boolean;
  onTooth: Props['onTooth'];
  onKeyDown?: (e: KeyboardEvent<HTMLButtonElement>) => void;
  register?: (el: HTMLButtonElement | null) => void;
  small?: boolean;
}) {
  const painted = paintTooth(tooth, chart.teeth[tooth], options);
  const selected = selection.teeth.includes(tooth);
  const regions = regionSurfaces(tooth);
  const upper = isUpper(positionOf(tooth)!);
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    const surface = (e.target as Element).closest('[data-surface]')?.getAttribute('data-surface') as Surface | null;
    onTooth(tooth, { add: e.ctrlKey || e.metaKey || e.shiftKey, surface: surface ?? null });
  };
  const whole = painted.whole;
  // Beside the button, not in it: the button's name is "Tooth 3" and its visible label the number alone (a voice
  // command says what it sees). The mark repeats, in short, what the title (the description) says in words.
  const mark = (
    <span className="tooth-mark" aria-hidden style={{ textAlign: 'center', ...(whole ? { color: cssColor(CHART_COLORS[whole.category], 8) } : {}) }}>
      {whole && !painted.missing ? whole.label : '\u00a0'}
    </span>
  );
  const button = (
    <button
      type="button"
      ref={register}
      className={`tooth${upper ? ' tooth-upper' : ' tooth-lower'}${small ? ' tooth-extra' : ''}`}
      aria-label={`Tooth ${tooth}`}
      aria-pressed={selected}
      title={painted.summary.length ? `Tooth ${tooth}: ${painted.summary.join('; ')}` : `Tooth ${tooth}`}
      tabIndex={tabbable ? 0 : -1}
      data-tooth={tooth}
      data-whole={whole?.category}
      data-missing={painted.missing || undefined}
      onClick={click}
      onKeyDown={onKeyDown}
    >
      <span className="tooth-number">{tooth}</span>
      <svg viewBox="0 0 40 40" className="tooth-svg" aria-hidden focusable="false">
        <g opacity={painted.missing ? 0.3 : 1}>
          {REGIONS.map((region) => {
            const mark = painted.regions[region];
            const picked = selected && regions[region].some((s) => selection.surfaces.includes(s));
            const { fill: color, opacity } = fill(mark);
            return (
              <polygon
                key={region}
                points={POLYGONS[region]}
                data-surface={regions[region][0]}
                data-category={mark?.category}
                fill={picked && !mark ? 'var(--mantine-color-petrol-1)' : color}
                fillOpacity={opacity}
                stroke={picked ? 'var(--mantine-color-petrol-8)' : 'var(--mantine-color-gray-6)'}
                strokeWidth={picked ? 2.5 : 1}
                strokeDasharray={picked ? '3 2' : undefined}
              />
            );
          })}
        </g>
        {whole && !painted.missing ? (
          <rect x="1.5" y="1.5" width="37" height="37" rx="3" fill="none" stroke={cssColor(CHART_COLORS[whole.category], 7)} strokeOpacity={whole.faded ? 0.5 : 1} strokeWidth="3.5" />
        ) : null}
        {painted.missing ? (
          <path d="M5 5 L35 35 M35 5 L5 35" stroke={cssColor(CHART_COLORS.MISSING, 7)} strokeWidth="4" strokeLinecap="round" />
        ) : null}
      </svg>
    </button>
  );
  // Next to the quadrants, as before: under an upper tooth, over a lower one.
  return upper ? (
    <>
      {button}
      {mark}
    </>
  ) : (
    <>
      {mark}
      {button}
    </>
  );
}

/**
 * The odontogram: 32 teeth in two arches, each a button named "Tooth 3"
 * (arrow keys move between them, Home and End go to the ends of an arch),
 * with the four quadrants between the arches.
 */
export function ToothChart({ chart, paint, selection, primary, onTooth, onArea }: Props) {
  const rows = useMemo(() => [UPPER_POSITIONS.map((p) => toothAt(p, primary)), LOWER_POSITIONS.map((p) => toothAt(p, primary))], [primary]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const charted = Object.keys(chart.teeth);
  const focusTarget = selection.teeth.find((t) => rows.some((r) => r.includes(t))) ?? rows[0]![0]!;

  const move = (e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
    const next: Record<string, [number, number]> = {
      ArrowLeft: [row, Math.max(0, col - 1)],
      ArrowRight: [row, Math.min(15, col + 1)],
      ArrowUp: [0, col],
      ArrowDown: [1, col],
      Home: [row, 0],
      End: [row, 15],
    };
    const to = next[e.key];
    if (!to) return;
    e.preventDefault();
    buttons.current.get(rows[to[0]]![to[1]]!)?.focus();
  };

  const arch = (row: number) => (
    <div className="chart-arch" role="group" aria-label={row === 0 ? 'Upper teeth' : 'Lower teeth'}>
      {rows[row]!.map((tooth, col) => {
        const extras = supernumeraryFor(positionOf(tooth)!, charted);
        return (
          <div key={tooth} className={`chart-slot${col === 8 ? ' chart-midline' : ''}`}>
            {row === 1
              ? null
              : extras.map((t) => <ToothButton key={t} tooth={t} chart={chart} paint={paint} selection={selection} tabbable onTooth={onTooth} small />)}
            <ToothButton
              tooth={tooth}
              chart={chart}
              paint={paint}
              selection={selection}
              tabbable={tooth === focusTarget}
              onTooth={onTooth}
              onKeyDown={(e) => move(e, row, col)}
              register={(el) => {
                if (el) buttons.current.set(tooth, el);
                else buttons.current.delete(tooth);
              }}
            />
            {row === 1
              ? extras.map((t) => <ToothButton key={t} tooth={t} chart={chart} paint={paint} selection={selection} tabbable onTooth={onTooth} small />)
              : null}
          </div>
        );
      })}
    </div>
  );

  const quadrant = (area: Area) => {
    const work = (chart.areas[area] ?? []).filter((p) => paint.showCancelled || p.status !== 'CANCELLED');
    return (
      <button
        type="button"
        className="chart-quadrant"
        // The visible "UR" and the codes on it are part of the name, after the words for it.
        aria-label={[areaName(area), area, ...work.map((p) => p.code)].join(' ')}
        aria-pressed={selection.area === area}
        data-area={area}
        title={work.map((p) => `${p.code} ${p.name}`).join('; ') || areaName(area)}
        onClick={() => onArea(area)}
      >
        <span className="chart-quadrant-name">{area}</span>
        {work.map((p) => (
          // A space between the words, as the name has it ("UR D4341", not "URD4341"); the flex gap draws it.
          <Fragment key={p.id}>
            {' '}
            <span className="chart-chip" data-category={p.status} style={{ borderColor: cssColor(CHART_COLORS[p.status], 6), opacity: p.visitId !== paint.visitId && p.status !== 'COMPLETED' ? 0.6 : 1 }}>
              {p.code}
            </span>
          </Fragment>
        ))}
      </button>
    );
  };

  return (
    <div className="tooth-chart" role="group" aria-label="Tooth chart" data-testid="tooth-chart">
      {arch(0)}
      <div className="chart-quadrants">
        {quadrant('UR')}
        {quadrant('UL')}
        {quadrant('LR')}
        {quadrant('LL')}
      </div>
      {arch(1)}
    </div>
  );
}
