import { Alert, Button, Group, Menu, Select, Stack, Switch, Text } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ARCHES, QUADRANTS, surfaceCountWarning } from '../../../shared/domain/fee-schedule';
import { FINDING_INFO, FINDING_KINDS, type FindingKind } from '../../../shared/domain/findings';
import { planFinding, planProcedures, type ProcedureDraft, type FindingDraft, type ScheduleEntry } from '../../../shared/domain/quick-entry';
import { SURFACE_NAMES, type Surface } from '../../../shared/domain/teeth';
import { areaName, type ChartSelection } from './ToothChart';
import { surfacesOf } from './layout';

interface Props {
  selection: ChartSelection;
  schedule: readonly ScheduleEntry[];
  several: boolean;
  onSeveral: (on: boolean) => void;
  onSurface: (surface: Surface) => void;
  onArch: (arch: 'U' | 'L') => void;
  canAddProcedures: boolean;
  busy: boolean;
  onProcedures: (drafts: ProcedureDraft[]) => Promise<boolean>;
  onFinding: (draft: FindingDraft) => Promise<boolean>;
}

/** The codes that fit what is selected, those whose surface count fits first. */
function codeChoices(schedule: readonly ScheduleEntry[], s: ChartSelection) {
  const active = schedule.filter((e) => !e.retiredAt);
  const fitting = active.filter((e) => {
    if (s.area) return (QUADRANTS.includes(s.area) ? 'quadrant' : 'arch') === e.siteKind;
    if (s.teeth.length === 0) return e.siteKind === 'none';
    return s.surfaces.length > 0 ? e.siteKind === 'surfaces' : e.siteKind === 'tooth';
  });
  const fits = (e: ScheduleEntry) => surfaceCountWarning(e, s.surfaces) === null;
  return [...fitting.filter(fits), ...fitting.filter((e) => !fits(e))].map((e) => ({ value: e.code, label: `${e.code} · ${e.shortName}` }));
}

export function selectionText(s: ChartSelection): string {
  if (s.area) return areaName(s.area);
  if (s.teeth.length === 0) return 'Nothing selected: whole-mouth codes';
  const teeth = `${s.teeth.length > 1 ? 'Teeth' : 'Tooth'} ${s.teeth.join(', ')}`;
  return s.surfaces.length ? `${teeth} · ${s.surfaces.join('')}` : teeth;
}

export function EntryBar({ selection, schedule, several, onSeveral, onSurface, onArch, canAddProcedures, busy, onProcedures, onFinding }: Props) {
  const [code, setCode] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const choices = useMemo(() => codeChoices(schedule, selection), [schedule, selection]);
  const picked = code && choices.some((c) => c.value === code) ? code : null;
  const plan = picked ? planProcedures(selection, picked, schedule) : null;
  const warning = plan?.ok ? (plan.value.warnings[0] ?? null) : null;
  const warningKey = `${picked}|${selectionText(selection)}`;
  const [findingError, setFindingError] = useState<string | null>(null);
  const firstTooth = selection.teeth[0];
  const toggles = firstTooth ? surfacesOf(firstTooth) : [];

  const add = async () => {
    if (!plan?.ok) return;
    if (warning && confirmed !== warningKey) {
      setConfirmed(warningKey);
      return;
    }
    if (await onProcedures(plan.value.items)) {
      setCode(null);
      setConfirmed(null);
    }
  };
  const record = async (kind: FindingKind) => {
    const draft = planFinding(selection, kind);
    if (!draft.ok) return setFindingError(draft.error);
    setFindingError(null);
    await onFinding(draft.value);
  };

  return (
    <Stack gap="xs" data-testid="chart-entry">
      <Group gap="sm" wrap="wrap" align="center">
        <Text size="sm" fw={600} data-testid="chart-selection" miw={160}>
          {selectionText(selection)}
        </Text>
        {toggles.length ? (
          <Group gap={4} role="group" aria-label="Surfaces">
            {toggles.map((s) => (
              <Button
                key={s}
                size="compact-sm"
                miw={36}
                variant={selection.surfaces.includes(s) ? 'filled' : 'default'}
                aria-pressed={selection.surfaces.includes(s)}
                aria-label={`Surface ${s}`}
                title={SURFACE_NAMES[s]}
                onClick={() => onSurface(s)}
              >
                {s}
              </Button>
            ))}
          </Group>
        ) : null}
        {canAddProcedures ? (
          <Group gap={4}>
            {ARCHES.map((a) => (
              <Button key={a} size="compact-sm" variant={selection.area === a ? 'filled' : 'default'} aria-pressed={selection.area === a} onClick={() => onArch(a as 'U' | 'L')}>
                {areaName(a)}
              </Button>
            ))}
          </Group>
        ) : null}
        <Switch size="sm" label="Select several teeth" checked={several} onChange={(e) => onSeveral(e.currentTarget.checked)} />
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {canAddProcedures ? (
          <>
            <Select
              label="Procedure code"
              placeholder={choices.length ? 'Type a code or a name' : 'No code fits this selection'}
              data={choices}
              value={picked}
              onChange={(v) => {
                setCode(v);
                setConfirmed(null);
              }}
              searchable
              clearable
              limit={60}
              maxDropdownHeight={280}
              nothingFoundMessage="No code in the fee schedule matches"
              w={340}
              comboboxProps={{ withinPortal: true }}
            />
            <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} disabled={!plan?.ok || busy} loading={busy}>
              {warning && confirmed === warningKey ? 'Add anyway' : picked ? `Add ${picked}` : 'Add'}
            </Button>
          </>
        ) : null}
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} />} disabled={selection.teeth.length === 0 || busy}>
              Record finding
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {FINDING_KINDS.map((kind) => (
              <Menu.Item key={kind} onClick={() => void record(kind)}>
                {FINDING_INFO[kind].label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {plan && !plan.ok ? (
        <Text size="sm" c="red.7" role="alert" data-testid="chart-error">
          {plan.error}
        </Text>
      ) : null}
      {findingError ? (
        <Text size="sm" c="red.7" role="alert" data-testid="chart-error">
          {findingError}
        </Text>
      ) : null}
      {warning ? (
        <Alert color="yellow" variant="light" py={6} data-testid="chart-warning">
          <Text size="sm">{warning}{confirmed === warningKey ? ' Press “Add anyway” to add it as it is.' : ''}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
