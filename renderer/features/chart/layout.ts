/**
 * Where each tooth sits on the chart, as the dentist faces the patient: the
 * patient's right on the left of the screen, upper arch 1-16 on top, lower
 * arch 32-17 below. Primary teeth A-T and supernumerary teeth take the place
 * of the permanent tooth they stand for.
 */
import { parseTooth, type Surface } from '../../../shared/domain/teeth';

export const UPPER_POSITIONS = Array.from({ length: 16 }, (_, i) => i + 1);
export const LOWER_POSITIONS = Array.from({ length: 16 }, (_, i) => 32 - i);

// A-J replace 4-13 (upper), K-T replace 20-29 (lower).
const PRIMARY_BY_POSITION = new Map<number, string>();
for (let i = 0; i < 10; i++) {
  PRIMARY_BY_POSITION.set(4 + i, String.fromCharCode(65 + i));
  PRIMARY_BY_POSITION.set(20 + i, String.fromCharCode(75 + i));
}
const POSITION_BY_PRIMARY = new Map([...PRIMARY_BY_POSITION].map(([p, l]) => [l, p]));

export function primaryAt(position: number): string | null {
  return PRIMARY_BY_POSITION.get(position) ?? null;
}

/** The permanent position (1-32) a tooth is drawn at; null for something that is not a tooth. */
export function positionOf(tooth: string): number | null {
  const info = parseTooth(tooth);
  if (!info) return null;
  if (info.dentition === 'permanent') return info.supernumerary ? Number(tooth) - 50 : Number(tooth);
  return POSITION_BY_PRIMARY.get(tooth[0]!) ?? null;
}

export const isUpper = (position: number) => position <= 16;
/** The patient's right: 1-8 and 25-32, drawn on the left of the screen. */
export const isPatientsRight = (position: number) => position <= 8 || position >= 25;

export type Region = 'top' | 'bottom' | 'left' | 'right' | 'center';
export const REGIONS: readonly Region[] = ['top', 'left', 'center', 'right', 'bottom'];

/**
 * The surface each drawn region stands for on a tooth. Facial (B or F, and
 * the cervical V with it) faces outward: up on the upper arch, down on the
 * lower; lingual faces the tongue. Mesial faces the midline.
 */
export function regionSurfaces(tooth: string): Record<Region, readonly Surface[]> {
  const info = parseTooth(tooth)!;
  const position = positionOf(tooth)!;
  const anterior = info.position === 'anterior';
  const facial: Surface[] = anterior ? ['F', 'V'] : ['B', 'V'];
  const lingual: Surface[] = ['L'];
  const mesialOnRight = isPatientsRight(position);
  return {
    top: isUpper(position) ? facial : lingual,
    bottom: isUpper(position) ? lingual : facial,
    left: mesialOnRight ? ['D'] : ['M'],
    right: mesialOnRight ? ['M'] : ['D'],
    center: anterior ? ['I'] : ['O'],
  };
}

/** The surfaces a tooth can have, in stored order. */
export function surfacesOf(tooth: string): Surface[] {
  const info = parseTooth(tooth);
  if (!info) return [];
  return info.position === 'anterior' ? ['M', 'I', 'D', 'F', 'V', 'L'] : ['M', 'O', 'D', 'B', 'V', 'L'];
}

/** The supernumerary tooth that stands beside a position, if one is charted. */
export function supernumeraryFor(position: number, charted: readonly string[]): string[] {
  return charted.filter((t) => parseTooth(t)?.supernumerary && positionOf(t) === position);
}
