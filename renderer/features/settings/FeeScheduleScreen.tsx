import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconListDetails, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { mayCall } from '../../../shared/contract';
import { SITE_KINDS, SITE_KIND_LABELS, surfaceCountLabel, type SiteKind } from '../../../shared/domain/fee-schedule';
import { moneyToDecimal, parseMoney } from '../../../shared/domain/money';
import type { FeeScheduleEntry } from '../../../shared/types';
import { ApiError } from '../../api';
import { apiQuery, useApiMutation, useApiQuery } from '../../lib/apiQuery';
import { useFormat, type Formatter } from '../../lib/format';
import { handleSaveError } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { countOf } from '../../lib/numbers';
import { queryKeys } from '../../lib/queryKeys';
import { useConflictMerge } from '../../lib/useConflictMerge';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ConflictMergeAlert } from '../../ui/ConflictMergeAlert';
import { DataTable, type Columns } from '../../ui/DataTable';
import { Empty } from '../../ui/Empty';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { SaveBlockedHint } from '../../ui/SaveBlockedHint';
import { useSession } from '../session/session.store';
import {
  emptyFeeValues,
  entryMatches,
  entryToValues,
  FEE_FIELD_LABELS,
  FEE_FORM_FIELDS,
  FEE_SERVER_FIELD_NAMES,
  feeScheduleResolver,
  surfacesText,
  toFeeScheduleInput,
  type FeeField,
  type FeeFormValues,
} from './feeScheduleForm';

const NO_INPUT = {};
/** Too narrow for a column each for site and surfaces beside the navigation. */
const NARROW = '(max-width: 1279px)';
const SITE_OPTIONS = SITE_KINDS.map((k) => ({ value: k, label: SITE_KIND_LABELS[k] }));

type Dialog = { kind: 'new' } | { kind: 'edit'; entry: FeeScheduleEntry } | null;

interface RowActions {
  edit: (e: FeeScheduleEntry) => void;
  retire: (e: FeeScheduleEntry) => void;
  restore: (e: FeeScheduleEntry) => void;
  restoring: string | null;
}

/** The whole save input for an entry as it is, with `retired` set: Retire and Restore change nothing else. */
function withRetired(e: FeeScheduleEntry, retired: boolean) {
  return {
    id: e.id,
    version: e.version,
    code: e.code,
    shortName: e.shortName,
    defaultFee: e.defaultFee,
    defaultMinutes: e.defaultMinutes,
    siteKind: e.siteKind,
    surfaceCount: e.surfaceCount,
    surfaceCountOrMore: e.surfaceCountOrMore,
    retired,
  };
}

/**
 * Wide: a column each for site and surfaces, and icons on the row's buttons.
 * Narrow (a laptop beside the navigation): the surfaces under the site, plain
 * buttons, so the table fits at 1024 px without scrolling sideways.
 */
function feeColumns(fmt: Formatter, currency: string, actions: RowActions | null, wide: boolean): Columns<FeeScheduleEntry> {
  const columns: Columns<FeeScheduleEntry> = [
    {
      id: 'code',
      header: 'Code',
      cell: ({ row }) => (
        <Text ff="monospace" fz={13} fw={600} c={row.original.retiredAt ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {row.original.code}
        </Text>
      ),
    },
    {
      id: 'name',
      header: 'Short name',
      cell: ({ row }) => (
        // The badge goes under the name when the column is narrow, rather than squeezing it.
        <Group style={{ columnGap: 8, rowGap: 2 }}>
          <Text fz={14} c={row.original.retiredAt ? 'dimmed' : undefined}>
            {row.original.shortName}
          </Text>
          {row.original.retiredAt ? (
            <Badge size="sm" color="gray" variant="light" leftSection={<IconArchive size={11} />} miw="max-content" data-testid="retired-badge">
              Retired
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      id: 'fee',
      header: () => <div className="num">Default fee</div>,
      cell: ({ row }) => (
        <div className="num" style={{ whiteSpace: 'nowrap' }} data-testid="fee-cell">
          {fmt.money(row.original.defaultFee, currency)}
        </div>
      ),
    },
    {
      id: 'minutes',
      header: () => <div className="num">Minutes</div>,
      cell: ({ row }) => <div className="num">{row.original.defaultMinutes ?? ''}</div>,
    },
    {
      id: 'site',
      header: wide ? 'Site' : 'Site, surfaces',
      cell: ({ row }) => (
        <>
          <Text fz={14} style={{ whiteSpace: 'nowrap' }}>
            {SITE_KIND_LABELS[row.original.siteKind]}
          </Text>
          {!wide && row.original.surfaceCount !== null ? (
            <Text fz={12} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {surfaceCountLabel(row.original)}
            </Text>
          ) : null}
        </>
      ),
    },
  ];
  if (wide) columns.push({ id: 'surfaces', header: 'Surfaces', cell: ({ row }) => <Text fz={14} style={{ whiteSpace: 'nowrap' }}>{surfacesText(row.original)}</Text> });
  if (!actions) return columns;
  columns.push({
    id: 'actions',
    header: () => <VisuallyHidden>Actions</VisuallyHidden>,
    cell: ({ row }) => {
      const e = row.original;
      return (
        <Group gap={2} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={wide ? <IconPencil size={14} /> : undefined} onClick={() => actions.edit(e)} aria-label={`Edit ${e.code}`}>
            Edit
          </Button>
          {e.retiredAt ? (
            <Button size="compact-sm" variant="subtle" color="gray" leftSection={wide ? <IconArrowBackUp size={14} /> : undefined} loading={actions.restoring === e.id} onClick={() => actions.restore(e)} aria-label={`Restore ${e.code}`} miw={wide ? 88 : undefined}>
              Restore
            </Button>
          ) : (
            <Button size="compact-sm" variant="subtle" color="gray" leftSection={wide ? <IconArchive size={14} /> : undefined} onClick={() => actions.retire(e)} aria-label={`Retire ${e.code}`} miw={wide ? 88 : undefined}>
              Retire
            </Button>
          )}
        </Group>
      );
    },
  });
  return columns;
}

/**
 * The practice's procedure codes: what each is called, its usual fee and
 * time, and where it is charted. Everyone reads it; an administrator adds,
 * edits, retires and restores codes. Retired codes stay on past visits and
 * show here with "Show retired".
 */
export function FeeScheduleScreen() {
  const fmt = useFormat();
  const role = useSession((s) => s.user?.role);
  const currency = useSession((s) => s.user?.currency) ?? 'USD';
  const canEdit = mayCall('feeSchedule.save', role);
  const schedule = useApiQuery('feeSchedule.list', NO_INPUT);
  const { mutateAsync: save } = useApiMutation('feeSchedule.save');
  const client = useQueryClient();
  // Read at once, not after a first paint, so the table does not change shape as it appears.
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  const wide = !narrow;
  const [query, setQuery] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [retiring, setRetiring] = useState<FeeScheduleEntry | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  const columns = useMemo(() => {
    if (!canEdit) return feeColumns(fmt, currency, null, wide);
    const restore = async (e: FeeScheduleEntry) => {
      setRestoring(e.id);
      try {
        await save(withRetired(e, false));
        notifySuccess(`${e.code} is offered for new work again`);
      } catch (err) {
        notifyError(err);
        // Refused as stale: show the row as saved now.
        if (err instanceof ApiError && err.code === 'CONFLICT') await client.invalidateQueries({ queryKey: queryKeys.feeSchedule.all });
      } finally {
        setRestoring(null);
      }
    };
    return feeColumns(fmt, currency, { edit: (e) => setDialog({ kind: 'edit', entry: e }), retire: setRetiring, restore: (e) => void restore(e), restoring }, wide);
  }, [canEdit, fmt, currency, save, restoring, wide, client]);

  const all = useMemo(() => schedule.data ?? [], [schedule.data]);
  const retiredCount = all.filter((e) => e.retiredAt).length;
  const rows = useMemo(() => all.filter((e) => (showRetired || !e.retiredAt) && entryMatches(e, query)), [all, showRetired, query]);
  const hiddenRetired = showRetired ? 0 : all.filter((e) => e.retiredAt && entryMatches(e, query)).length;

  const retire = async (e: FeeScheduleEntry) => {
    try {
      await save(withRetired(e, true));
      notifySuccess(`${e.code} retired`);
      setRetiring(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        // The row was old: show it as saved now, and let them look again before retiring.
        await client.invalidateQueries({ queryKey: queryKeys.feeSchedule.all });
        setRetiring(null);
        notifyError(new ApiError('CONFLICT', `Someone else changed ${e.code} a moment ago. The list shows their change now: retire it again if it should still go.`));
        return;
      }
      throw err;
    }
  };

  const close = () => setDialog(null);
  const subtitle = schedule.data
    ? `${countOf(all.length - retiredCount, 'code', 'codes')} in use${retiredCount ? `, ${countOf(retiredCount, 'retired', 'retired')}` : ''}. ` +
      (canEdit ? 'A retired code stays on past visits and is no longer offered for new work.' : 'An administrator can add and change codes.')
    : ' ';

  return (
    <>
      <PageHeader
        title="Fee schedule"
        subtitle={subtitle}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'new' })}>
              New code
            </Button>
          ) : null
        }
      />
      <Group mb="md" gap="lg" align="flex-end" wrap="nowrap">
        <TextInput
          label="Search codes"
          placeholder="Code or name, e.g. 2393 or composite"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
          autoFocus
          style={{ flex: '0 1 420px', minWidth: 0 }}
        />
        <Switch label="Show retired" checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} mb={8} style={{ flexShrink: 0 }} />
      </Group>
      {schedule.error ? <ErrorAlert error={schedule.error} /> : null}
      <Paper withBorder radius="md">
        <DataTable
          columns={columns}
          data={rows}
          rowKey={(e) => e.id}
          rowTestId="fee-row"
          empty={
            schedule.data ? (
              <Empty
                icon={<IconListDetails size={24} />}
                title={query.trim() ? `No codes match “${query.trim()}”` : all.length ? 'Every code is retired' : 'No codes yet'}
                hint={
                  hiddenRetired > 0
                    ? `${countOf(hiddenRetired, 'retired code matches', 'retired codes match')}: turn on “Show retired” to see ${hiddenRetired === 1 ? 'it' : 'them'}.`
                    : query.trim()
                      ? 'Search by the code (2393 finds D2393) or any word of its name.'
                      : canEdit
                        ? 'Add the codes the practice charts with “New code”.'
                        : 'An administrator adds the codes the practice charts.'
                }
              />
            ) : null
          }
        />
      </Paper>
      <Modal opened={dialog !== null} onClose={close} title={dialog?.kind === 'edit' ? `Edit ${dialog.entry.code}` : 'New code'} size="lg">
        {dialog ? <FeeScheduleForm key={dialog.kind === 'edit' ? dialog.entry.id : 'new'} entry={dialog.kind === 'edit' ? dialog.entry : null} currency={currency} onClose={close} /> : null}
      </Modal>
      {retiring ? (
        <ConfirmModal
          opened
          title="Retire a code"
          message={`Retire ${retiring.code} ${retiring.shortName}? It stays on past visits and is no longer offered for new work.`}
          confirmLabel={`Retire ${retiring.code}`}
          onConfirm={() => retire(retiring)}
          onClose={() => setRetiring(null)}
        >
          <Text size="sm" c="dimmed" mt="xs">
            Restore brings it back at any time.
          </Text>
        </ConfirmModal>
      ) : null}
    </>
  );
}

function FeeScheduleForm({ entry, currency, onClose }: { entry: FeeScheduleEntry | null; currency: string; onClose: () => void }) {
  const fmt = useFormat();
  const client = useQueryClient();
  const save = useApiMutation('feeSchedule.save');
  const [formError, setFormError] = useState<string | null>(null);
  // `entry` is the row as it was when the dialog opened; a refetch of the list never resets the form.
  const form = useForm<FeeFormValues>({
    resolver: feeScheduleResolver(currency, fmt.formats.locale),
    defaultValues: entry ? entryToValues(entry, currency) : emptyFeeValues(),
  });
  const conflict = useConflictMerge(form, entry?.version ?? 1, async () => {
    if (!entry) return null;
    const fresh = (await client.fetchQuery({ ...apiQuery('feeSchedule.list', NO_INPUT), staleTime: 0 })).find((e) => e.id === entry.id);
    return fresh ? { version: fresh.version, values: entryToValues(fresh, currency) } : null;
  });
  const { errors, isSubmitting } = form.formState;
  const [siteKind, surfaces] = useWatch({ control: form.control, name: ['siteKind', 'surfaces'] });
  // The count belongs to tooth-and-surfaces codes; it stays open elsewhere only to clear what a merge left in it.
  const surfacesOff = siteKind !== 'surfaces' && (surfaces ?? '').trim() === '';

  const show = (field: FeeField, value: unknown): string => {
    const text = typeof value === 'string' ? value.trim() : '';
    switch (field) {
      case 'defaultFee': {
        const minor = parseMoney(text, currency);
        return minor === null ? text || '(empty)' : fmt.money(minor, currency);
      }
      case 'defaultMinutes':
        return text ? `${text} min` : 'none';
      case 'siteKind':
        return SITE_KIND_LABELS[value as SiteKind] ?? text;
      case 'surfaces':
        return text || 'any number';
      case 'retired':
        return value ? 'retired' : 'in use';
      default:
        return text || '(empty)';
    }
  };

  const submit = form.handleSubmit(async (values) => {
    // Belt and braces: the button is disabled, but Enter in a field submits too.
    if (!conflict.canSave) return;
    setFormError(null);
    const input = toFeeScheduleInput(values, currency);
    try {
      if (entry) {
        const saved = await save.mutateAsync({ ...input, id: entry.id, version: conflict.version });
        notifySuccess(`${saved.code} saved`);
      } else {
        const saved = await save.mutateAsync(input);
        notifySuccess(`${saved.code} added to the fee schedule`);
      }
      onClose();
    } catch (err) {
      handleSaveError(err, { setError: form.setError, fields: FEE_FORM_FIELDS, rename: FEE_SERVER_FIELD_NAMES, setFormError, on: { CONFLICT: conflict.markStale } });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ConflictMergeAlert noun="code" conflict={conflict} labels={FEE_FIELD_LABELS} show={show} />
        <FormError message={formError} />
        {entry?.retiredAt ? (
          <Text size="sm" c="dimmed">
            This code is retired: it is not offered for new work. Restore it from the list to offer it again.
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={FEE_FIELD_LABELS.code}
            placeholder="D2393"
            description="2393 is saved as D2393."
            autoComplete="off"
            data-autofocus
            {...form.register('code')}
            error={errors.code?.message}
          />
          <TextInput
            label={FEE_FIELD_LABELS.shortName}
            placeholder="Composite back, 3 surfaces"
            description={entry ? 'Past visits keep the name they were charted with.' : 'As it shows on visits and the chart.'}
            autoComplete="off"
            {...form.register('shortName')}
            error={errors.shortName?.message}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {/* Text as typed: "-5", "12.999" or "abc" is refused with a message, never rounded or clamped. */}
          <TextInput
            label={FEE_FIELD_LABELS.defaultFee}
            placeholder={moneyToDecimal(12500, currency)}
            leftSection={<Text size="xs" c="dimmed">{currency}</Text>}
            leftSectionWidth={46}
            autoComplete="off"
            {...form.register('defaultFee')}
            error={errors.defaultFee?.message}
          />
          <TextInput
            label={FEE_FIELD_LABELS.defaultMinutes}
            placeholder="None"
            inputMode="numeric"
            autoComplete="off"
            rightSection={<Text size="xs" c="dimmed">min</Text>}
            rightSectionWidth={40}
            {...form.register('defaultMinutes')}
            error={errors.defaultMinutes?.message}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="siteKind"
            render={({ field }) => (
              <Select
                label={FEE_FIELD_LABELS.siteKind}
                description="Where it is charted."
                data={SITE_OPTIONS}
                value={field.value}
                onChange={(v) => {
                  const next = v ?? field.value;
                  field.onChange(next);
                  // A number of surfaces only means something for a tooth and its surfaces: the field empties as it closes.
                  if (next !== 'surfaces') form.setValue('surfaces', '', { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
                }}
                onBlur={field.onBlur}
                allowDeselect={false}
                error={errors.siteKind?.message}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <TextInput
            label={FEE_FIELD_LABELS.surfaces}
            placeholder={surfacesOff ? '' : 'Any'}
            description={siteKind === 'surfaces' ? 'Empty, 3, or 4+ for 4 or more.' : 'For tooth and surfaces only.'}
            autoComplete="off"
            disabled={surfacesOff}
            {...form.register('surfaces')}
            error={errors.surfaces?.message}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <SaveBlockedHint conflict={conflict} labels={FEE_FIELD_LABELS} />
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={!conflict.canSave}>
            {entry ? 'Save code' : 'Add code'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
