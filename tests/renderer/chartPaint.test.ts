import { describe, expect, it } from 'vitest';
import type { ChartProcedure, ChartTooth, Finding } from '../../shared/types';
import { positionOf, primaryAt, regionSurfaces, supernumeraryFor, surfacesOf } from '../../renderer/features/chart/layout';
import { paintTooth } from '../../renderer/features/chart/paint';

const procedure = (over: Partial<ChartProcedure>): ChartProcedure => ({
  id: crypto.randomUUID(),
  visitId: 'v1',
  visitDate: '2026-03-02',
  code: 'D2393',
  name: 'Composite back, 3 surfaces',
  toothNumber: '3',
  surfaces: [],
  area: null,
  status: 'PLANNED',
  completedAt: null,
  correctsProcedureId: null,
  ...over,
});

const finding = (over: Partial<Finding>): Finding => ({
  id: crypto.randomUUID(),
  patientId: 'p1',
  kind: 'CARIES',
  toothNumber: '3',
  surfaces: [],
  recordedOn: '2026-01-10',
  recordedByName: null,
  resolvedOn: null,
  resolvedByName: null,
  notes: null,
  version: 1,
  createdAt: '2026-01-10T10:00:00.000Z',
  ...over,
});

const tooth = (procedures: ChartProcedure[] = [], findings: Finding[] = []): ChartTooth => ({ procedures, findings });
const here = { visitId: 'v1', showCancelled: false };

describe('chart layout', () => {
  it('faces the patient: mesial toward the midline, facial outward, occlusal or incisal in the middle', () => {
    // Tooth 3: upper, patient's right (left of the screen), a molar.
    expect(regionSurfaces('3')).toEqual({ top: ['B', 'V'], bottom: ['L'], left: ['D'], right: ['M'], center: ['O'] });
    // Tooth 8: upper front tooth on the patient's right.
    expect(regionSurfaces('8')).toMatchObject({ top: ['F', 'V'], left: ['D'], right: ['M'], center: ['I'] });
    // Tooth 14: upper, patient's left: mesial now on the left.
    expect(regionSurfaces('14')).toMatchObject({ left: ['M'], right: ['D'] });
    // Tooth 19: lower left molar: lingual on top, buccal below.
    expect(regionSurfaces('19')).toEqual({ top: ['L'], bottom: ['B', 'V'], left: ['M'], right: ['D'], center: ['O'] });
    // Tooth 30: lower right: mesial toward the midline, on the right of the screen.
    expect(regionSurfaces('30')).toMatchObject({ left: ['D'], right: ['M'] });
  });

  it('puts primary and supernumerary teeth where the tooth they stand for is', () => {
    expect(primaryAt(4)).toBe('A');
    expect(primaryAt(13)).toBe('J');
    expect(primaryAt(20)).toBe('K');
    expect(primaryAt(29)).toBe('T');
    expect(primaryAt(3)).toBeNull();
    expect(positionOf('A')).toBe(4);
    expect(positionOf('T')).toBe(29);
    expect(positionOf('AS')).toBe(4);
    expect(positionOf('53')).toBe(3);
    expect(positionOf('33')).toBeNull();
    expect(supernumeraryFor(3, ['3', '53', '54', 'A'])).toEqual(['53']);
  });

  it('offers only the surfaces a tooth has', () => {
    expect(surfacesOf('3')).toEqual(['M', 'O', 'D', 'B', 'V', 'L']);
    expect(surfacesOf('8')).toEqual(['M', 'I', 'D', 'F', 'V', 'L']);
    expect(surfacesOf('E')).toEqual(['M', 'I', 'D', 'F', 'V', 'L']);
  });
});

describe('paintTooth', () => {
  it('paints each surface of a filling in its status, and nothing else', () => {
    const paint = paintTooth('3', tooth([procedure({ surfaces: ['M', 'O', 'D'] })]), here);
    expect(paint.regions.right?.category).toBe('PLANNED');
    expect(paint.regions.center?.category).toBe('PLANNED');
    expect(paint.regions.left?.category).toBe('PLANNED');
    expect(paint.regions.top).toBeNull();
    expect(paint.whole).toBeNull();
  });

  it('draws whole-tooth work as the tooth, labelled with its code', () => {
    const paint = paintTooth('8', tooth([procedure({ toothNumber: '8', code: 'D2740', status: 'COMPLETED' })]), here);
    expect(paint.whole).toEqual({ category: 'COMPLETED', label: 'D2740', faded: false });
  });

  it('puts work to do above work done and above what was already there', () => {
    const paint = paintTooth(
      '3',
      tooth(
        [procedure({ surfaces: ['O'], status: 'COMPLETED' }), procedure({ surfaces: ['O'], status: 'PLANNED' })],
        [finding({ kind: 'FILLING', surfaces: ['O'] })],
      ),
      here,
    );
    expect(paint.regions.center?.category).toBe('PLANNED');
    expect(paintTooth('3', tooth([], [finding({ kind: 'FILLING', surfaces: ['O'] }), finding({ kind: 'CARIES', surfaces: ['O'] })]), here).regions.center?.category).toBe(
      'CONDITION',
    );
  });

  it('fades open work planned in another visit, not finished work', () => {
    const other = paintTooth('3', tooth([procedure({ visitId: 'v2', surfaces: ['O'] })]), here);
    expect(other.regions.center).toMatchObject({ category: 'PLANNED', faded: true });
    const done = paintTooth('3', tooth([procedure({ visitId: 'v2', surfaces: ['O'], status: 'COMPLETED' })]), here);
    expect(done.regions.center).toMatchObject({ faded: false });
    // On this visit's page its own work is drawn over another visit's open work.
    const both = paintTooth('3', tooth([procedure({ visitId: 'v2', status: 'SENT_TO_LAB' }), procedure({ status: 'RECEIVED' })]), here);
    expect(both.whole).toMatchObject({ category: 'RECEIVED', faded: false });
  });

  it('hides cancelled work unless asked, and never draws a resolved finding', () => {
    const cancelled = tooth([procedure({ surfaces: ['O'], status: 'CANCELLED' })]);
    expect(paintTooth('3', cancelled, here).regions.center).toBeNull();
    expect(paintTooth('3', cancelled, { ...here, showCancelled: true }).regions.center?.category).toBe('CANCELLED');
    expect(paintTooth('3', tooth([], [finding({ surfaces: ['O'], resolvedOn: '2026-02-01' })]), here).regions.center).toBeNull();
  });

  it('marks a missing tooth and says everything on it in words', () => {
    const paint = paintTooth('1', tooth([], [finding({ kind: 'MISSING', toothNumber: '1' })]), here);
    expect(paint.missing).toBe(true);
    expect(paint.whole?.category).toBe('MISSING');
    expect(paint.summary).toEqual(['Missing tooth, since 2026-01-10']);
  });
});
