import { Anchor, Button, Group, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { FINDING_INFO } from '../../../shared/domain/findings';
import type { ChartTooth, Finding } from '../../../shared/types';
import { mayCall } from '../../../shared/contract';
import { useApiMutation } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { StatusBadge } from '../../ui/StatusBadge';
import { useSession } from '../session/session.store';
import { coreToday } from './useCharting';

function ResolveButton({ finding }: { finding: Finding }) {
  const resolve = useApiMutation('findings.resolve');
  const [day, setDay] = useState(coreToday());
  const [opened, setOpened] = useState(false);
  const label = FINDING_INFO[finding.kind].label;
  const save = async () => {
    try {
      await resolve.mutateAsync({ id: finding.id, version: finding.version, resolvedOn: day });
      notifySuccess(`${label} on tooth ${finding.toothNumber} resolved`);
      setOpened(false);
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withinPortal position="bottom-end">
      <Popover.Target>
        <Button size="compact-xs" variant="default" onClick={() => setOpened((o) => !o)}>
          Resolve
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput type="date" label="Resolved on" value={day} onChange={(e) => setDay(e.currentTarget.value)} size="xs" />
          <Button size="xs" onClick={() => void save()} loading={resolve.isPending} disabled={!day}>
            Mark {label.toLowerCase()} resolved
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Everything charted on one tooth, across visits, with what can be done to its findings. */
export function ToothDetails({ tooth, charted, visitId, canWrite }: { tooth: string; charted: ChartTooth | undefined; visitId: string | null; canWrite: boolean }) {
  const format = useFormat();
  const role = useSession((s) => s.user?.role);
  const remove = useApiMutation('findings.remove');
  const [removing, setRemoving] = useState<Finding | null>(null);
  const procedures = charted?.procedures ?? [];
  const findings = charted?.findings ?? [];
  if (procedures.length === 0 && findings.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="tooth-details">
        Nothing charted on tooth {tooth} yet.
      </Text>
    );
  }
  const confirmRemove = async () => {
    if (!removing) return;
    await remove.mutateAsync({ id: removing.id, version: removing.version });
    notifySuccess(`${FINDING_INFO[removing.kind].label} on tooth ${removing.toothNumber} removed`);
    setRemoving(null);
  };
  return (
    <div data-testid="tooth-details">
      <Table fz={13} verticalSpacing={4} aria-label={`Charted on tooth ${tooth}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Surfaces</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <span className="sr-only">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{format.date(f.recordedOn)}</Table.Td>
              <Table.Td>{FINDING_INFO[f.kind].label}</Table.Td>
              <Table.Td>{f.surfaces.join('')}</Table.Td>
              <Table.Td>
                <Text size="xs">{f.resolvedOn ? `Resolved ${format.date(f.resolvedOn)}` : FINDING_INFO[f.kind].category === 'condition' ? 'Condition' : 'Recorded'}</Text>
              </Table.Td>
              <Table.Td>
                {canWrite && !f.resolvedOn ? (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ResolveButton finding={f} />
                    {mayCall('findings.remove', role) ? (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(f)}>
                        Remove
                      </Button>
                    ) : null}
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
          {procedures.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                {p.visitId === visitId ? (
                  'This visit'
                ) : (
                  <Anchor component={Link} href={`/visits/${p.visitId}`} size="sm">
                    {format.date(p.visitDate)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                {p.code} {p.name}
              </Table.Td>
              <Table.Td>{p.surfaces.join('')}</Table.Td>
              <Table.Td>
                <StatusBadge status={p.status} size="sm" />
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={removing !== null}
        title="Remove finding"
        message={removing ? `Remove ${FINDING_INFO[removing.kind].label.toLowerCase()} on tooth ${removing.toothNumber}, recorded by mistake?` : ''}
        confirmLabel="Remove finding"
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
