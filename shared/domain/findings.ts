/**
 * Findings: what the mouth already has or shows, charted on the patient and
 * never billed. Existing work is drawn green and conditions brown (UI.md); a
 * missing tooth is drawn crossed out.
 */
export const FINDING_KINDS = ['MISSING', 'CROWN', 'FILLING', 'IMPLANT', 'ROOT_CANAL', 'BRIDGE', 'CARIES', 'FRACTURE', 'WATCH'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type FindingCategory = 'existing' | 'condition' | 'missing';

interface KindInfo {
  label: string;
  category: FindingCategory;
  /** Whether the finding may name surfaces (a filling, caries) or is the whole tooth (a crown). */
  surfaces: boolean;
  /** The short mark drawn on the tooth. */
  mark: string;
}

export const FINDING_INFO: Record<FindingKind, KindInfo> = {
  MISSING: { label: 'Missing tooth', category: 'missing', surfaces: false, mark: '✕' },
  CROWN: { label: 'Existing crown', category: 'existing', surfaces: false, mark: 'Cr' },
  FILLING: { label: 'Existing filling', category: 'existing', surfaces: true, mark: 'F' },
  IMPLANT: { label: 'Existing implant', category: 'existing', surfaces: false, mark: 'Im' },
  ROOT_CANAL: { label: 'Existing root canal', category: 'existing', surfaces: false, mark: 'RC' },
  BRIDGE: { label: 'Existing bridge', category: 'existing', surfaces: false, mark: 'Br' },
  CARIES: { label: 'Caries', category: 'condition', surfaces: true, mark: 'Ca' },
  FRACTURE: { label: 'Fracture', category: 'condition', surfaces: true, mark: 'Fx' },
  WATCH: { label: 'Watch', category: 'condition', surfaces: true, mark: 'W' },
};

/** A refusal when surfaces are named for a whole-tooth finding; null when fine. */
export function findingSurfaceIssue(kind: FindingKind, surfaces: readonly string[]): string | null {
  const info = FINDING_INFO[kind];
  if (surfaces.length > 0 && !info.surfaces) return `${info.label} is recorded on the whole tooth: leave out the surfaces.`;
  return null;
}
