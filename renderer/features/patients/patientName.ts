import type { Patient } from '../../../shared/types';
import { DEFAULT_FORMATS, formatterFor, type Formatter } from '../../lib/format';
import { useSession } from '../session/session.store';

type Named = Pick<Patient, 'firstName' | 'lastName'>;

/** The signed-in practice's formatter, read now: for event handlers and toasts, where no hook can run. */
function currentFormatter(): Formatter {
  return formatterFor(useSession.getState().user?.formats ?? DEFAULT_FORMATS);
}

/**
 * A patient's name as the practice writes it in lists, headers and titles
 * ("Tanaka, Maya" or "Maya Tanaka"). Components pass their `useFormat()`, so
 * they redraw when the practice changes its name order.
 */
export function patientName(p: Named, f: Formatter = currentFormatter()): string {
  return f.name(p);
}

/** First name first, for sentences: "Archive Maya Tanaka (chart 1001)?". */
export function patientFullName(p: Named, f: Formatter = currentFormatter()): string {
  return f.fullName(p);
}
