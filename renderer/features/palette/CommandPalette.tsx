import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconListDetails,
  IconListSearch,
  IconSearch,
  IconSettings,
  IconShieldCheck,
  IconTruckDelivery,
  IconUser,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Suspense, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useApiQuery } from '../../lib/apiQuery';
import { ageText } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { lazyComponent } from '../../lib/lazyScreen';
import { useSession } from '../session/session.store';
import { mayCall } from '../../../shared/contract';

// The form (and its form library) is fetched the first time someone asks for it.
const PatientFormModal = lazyComponent(() => import('../patients/PatientFormModal').then((m) => m.PatientFormModal));

/**
 * `/` or Ctrl+K: go anywhere, find a patient, or start a new one without the
 * mouse. Ctrl+K works from inside a field too (it types nothing there);
 * `/` only outside fields, where it is not a character someone is typing.
 */
export function CommandPalette() {
  const [, navigate] = useLocation();
  const format = useFormat();
  useHotkeys([['mod+K', () => spotlight.open()]], []);
  const isAdmin = useSession((s) => mayCall('users.list', s.user?.role));
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [creating, setCreating] = useState(false);
  // Stays mounted once opened, so closing it still animates.
  const [formWanted, setFormWanted] = useState(false);
  const patients = useApiQuery('patients.search', debounced.length >= 2 ? { query: debounced, size: 8 } : null, { keepPrevious: true });

  const actions = useMemo(() => {
    const screens: SpotlightActionData[] = [
      { id: 'go-today', label: 'Today', description: 'Visits dated today', leftSection: <IconCalendarEvent size={18} />, onClick: () => navigate('/today') },
      { id: 'go-patients', label: 'Patients', description: 'Find and add patients', leftSection: <IconUsersGroup size={18} />, onClick: () => navigate('/patients') },
      { id: 'go-visits', label: 'Visits', description: 'Search visits by status, provider, code, dates', leftSection: <IconListSearch size={18} />, onClick: () => navigate('/visits') },
      { id: 'go-labs', label: 'Lab board', description: 'Lab work not sent, at the lab, overdue, back and ready to seat', keywords: ['lab', 'crown', 'overdue'], leftSection: <IconTruckDelivery size={18} />, onClick: () => navigate('/labs') },
      { id: 'go-settings', label: 'Settings', leftSection: <IconSettings size={18} />, onClick: () => navigate('/settings') },
      { id: 'go-lab-directory', label: 'Lab directory', description: 'The labs, their turnaround, and the practice’s closed days', keywords: ['labs', 'holidays', 'closed'], leftSection: <IconBuildingFactory2 size={18} />, onClick: () => navigate('/settings/labs') },
      { id: 'go-fee-schedule', label: 'Fee schedule', description: 'Procedure codes, fees and where each is charted', keywords: ['codes', 'CDT', 'fees', 'prices'], leftSection: <IconListDetails size={18} />, onClick: () => navigate('/settings/fee-schedule') },
    ];
    if (isAdmin) {
      screens.push(
        { id: 'go-users', label: 'Users', leftSection: <IconUsers size={18} />, onClick: () => navigate('/settings/users') },
        { id: 'go-audit', label: 'Audit log', leftSection: <IconShieldCheck size={18} />, onClick: () => navigate('/settings/audit') },
      );
    }
    const create: SpotlightActionData = {
      id: 'new-patient',
      label: 'New patient',
      description: 'Add a patient record',
      keywords: ['add', 'create', 'register'],
      leftSection: <IconUserPlus size={18} />,
      onClick: () => {
        setFormWanted(true);
        setCreating(true);
      },
    };
    // Patients come from the server already filtered, so they keep every term as a keyword.
    const found: SpotlightActionData[] = (debounced.length >= 2 ? (patients.data?.items ?? []) : []).map((p) => ({
      id: `patient-${p.id}`,
      label: format.name(p),
      description: `Chart ${p.chartNumber} · ${format.date(p.dateOfBirth)} (${ageText(p.dateOfBirth)})${p.phone ? ` · ${p.phone}` : ''}${p.alerts ? ` · ⚠ ${p.alerts}` : ''}`,
      keywords: [query],
      leftSection: <IconUser size={18} />,
      onClick: () => navigate(`/patients/${p.id}`),
    }));
    return [
      ...(found.length ? [{ group: 'Patients', actions: found }] : []),
      { group: 'Actions', actions: [create] },
      { group: 'Go to', actions: screens },
    ];
  }, [debounced, format, isAdmin, navigate, patients.data, query]);

  return (
    <>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        shortcut="/"
        nothingFound={debounced.length >= 2 ? 'No patient or screen matches. Try a chart number or phone.' : 'Nothing found'}
        highlightQuery
        limit={20}
        scrollable
        maxHeight={420}
        searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Find a patient, or go to a screen…', 'aria-label': 'Command palette search' }}
      />
      {formWanted ? (
        <Suspense fallback={null}>
          <PatientFormModal
            opened={creating}
            onClose={() => setCreating(false)}
            onSaved={(p) => {
              setCreating(false);
              navigate(`/patients/${p.id}`);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
