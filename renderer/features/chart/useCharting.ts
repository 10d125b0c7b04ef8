import { useState } from 'react';
import { ApiError } from '../../api';
import { FINDING_INFO } from '../../../shared/domain/findings';
import type { FindingDraft, ProcedureDraft } from '../../../shared/domain/quick-entry';
import { useApiMutation } from '../../lib/apiQuery';
import { now } from '../../lib/clock';
import { notifyError, notifySuccess } from '../../lib/notify';

/** The core's day ("not in the future" is decided by it), as the main process's clock has it. */
export const coreToday = () => now().toISOString().slice(0, 10);

const where = (d: { toothNumber?: string | null; teeth?: string[]; surfaces: string[]; area?: string | null }) => {
  const teeth = d.teeth ?? (d.toothNumber ? [d.toothNumber] : []);
  const site = teeth.length ? `${teeth.length > 1 ? 'teeth' : 'tooth'} ${teeth.join(', ')}` : d.area ? d.area : 'the visit';
  return `${site}${d.surfaces.length ? ` (${d.surfaces.join('')})` : ''}`;
};

/**
 * Writes what the chart asks for: procedures onto the visit (one call per
 * tooth, as procedures.add takes one site) and findings onto the patient.
 * Resolves true when everything was saved; a refusal is shown, and the
 * procedures already added stay (each is its own change).
 */
export function useCharting(patientId: string, visitId: string | null, performedById: string | null) {
  const addProcedure = useApiMutation('procedures.add').mutateAsync;
  const addFinding = useApiMutation('findings.add').mutateAsync;
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      notifySuccess(await work());
      return true;
    } catch (err) {
      notifyError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const procedures = (drafts: ProcedureDraft[]) =>
    run(async () => {
      if (!visitId) throw new Error('Open a visit to add procedures.');
      const added: ProcedureDraft[] = [];
      for (const d of drafts) {
        try {
          await addProcedure({ visitId, ...d, quantity: 1, performedById, notes: null, correctsProcedureId: null });
        } catch (err) {
          // Each tooth is its own change: say which went in before the refusal, so nothing is added twice.
          if (added.length === 0 || !(err instanceof ApiError)) throw err;
          const teeth = added.map((a) => a.toothNumber).join(', ');
          throw new ApiError(err.code, `${err.message} ${d.code} was added to ${added.length > 1 ? 'teeth' : 'tooth'} ${teeth} before that.`);
        }
        added.push(d);
      }
      const first = drafts[0]!;
      const teeth = drafts.map((d) => d.toothNumber).filter((t): t is string => t !== null);
      return `Added ${first.code} to ${where({ teeth, surfaces: first.surfaces, area: first.area })}`;
    });

  const finding = (draft: FindingDraft) =>
    run(async () => {
      await addFinding({ patientId, kind: draft.kind, teeth: draft.teeth, surfaces: draft.surfaces, recordedOn: coreToday() });
      return `Recorded ${FINDING_INFO[draft.kind].label.toLowerCase()} on ${where(draft)}`;
    });

  return { procedures, finding, busy };
}
