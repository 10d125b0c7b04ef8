import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { describeWork } from '../../../shared/domain/lab-cases';
import { AREA_NAMES, SURFACE_NAMES } from '../../../shared/domain/teeth';
import { useApiQuery } from '../../lib/apiQuery';
import { useFormat } from '../../lib/format';
import { printPage } from '../../lib/print';
import { ErrorAlert } from '../../ui/ErrorAlert';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170} scope="row" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The slip that travels with the impression: who the work is for, what to
 * make, and when it is due back. The print stylesheet (styles.css,
 * `.no-print`) leaves only this sheet on the page; the desktop app saves it as
 * a PDF, the browser opens its print dialog.
 */
export function LabSlip({ id }: { id: string }) {
  const format = useFormat();
  const query = useApiQuery('labCases.get', { id });
  const practice = useApiQuery('practice.get', {});
  const lc = query.data?.labCase ?? null;
  const patient = useApiQuery('patients.get', lc ? { id: lc.patientId } : null);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!lc || !practice.data) return <Loader />;
  const p = lc.procedure;
  const name = format.fullName({ firstName: lc.patientFirstName, lastName: lc.patientLastName });
  const day = (iso: string | null) => (iso ? format.longDate(iso) : '—');
  const site = p.toothNumber
    ? `Tooth ${p.toothNumber}${p.surfaces.length ? `, surfaces ${p.surfaces.join('')} (${p.surfaces.map((s) => SURFACE_NAMES[s]).join(', ')})` : ''}`
    : p.area
      ? AREA_NAMES[p.area]
      : '—';

  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} href={`/visits/${lc.visitId}`} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden /> Back to the visit
          </Group>
        </Anchor>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => void printPage(`lab-slip-${lc.chartNumber}-${p.toothNumber ?? p.area ?? p.code}`)} data-testid="print-slip">
          Print
        </Button>
      </Group>
      <article className="lab-slip" data-testid="lab-slip" aria-label="Lab slip">
        <Group justify="space-between" align="flex-start" mb="md">
          <div>
            <Title order={1} fz={24}>
              Lab slip
            </Title>
            <Text size="sm" c="dimmed">
              {describeWork(p)} · {p.code}
            </Text>
          </div>
          <div style={{ textAlign: 'right' }}>
            <Text fw={700}>{practice.data.name}</Text>
            <Text size="sm">Provider: {lc.providerName}</Text>
          </div>
        </Group>
        <Table withTableBorder withRowBorders verticalSpacing={8} horizontalSpacing="md">
          <Table.Tbody>
            <Row label="Lab">
              {lc.labName}
              {lc.labPhone ? ` · ${lc.labPhone}` : ''}
            </Row>
            <Row label="Patient">
              {name} · chart {lc.chartNumber}
              {patient.data ? ` · born ${format.date(patient.data.dateOfBirth)}` : ''}
            </Row>
            <Row label="Work">
              {p.code} {p.name}
            </Row>
            <Row label="Site">{site}</Row>
            <Row label="Shade">{lc.shade ?? '—'}</Row>
            <Row label="Instructions">{lc.instructions ?? '—'}</Row>
            <Row label="Sent">{day(lc.sentDate)}</Row>
            <Row label="Due back">
              <Text span fw={700}>
                {day(lc.dueDate)}
              </Text>
            </Row>
            <Row label="Tracking number">{lc.trackingNo ?? '—'}</Row>
          </Table.Tbody>
        </Table>
        <Group grow mt={48} gap="xl">
          <Stack gap={4}>
            <div style={{ borderBottom: '1px solid var(--mantine-color-gray-6)', height: 32 }} />
            <Text size="xs" c="dimmed">
              Signature of the prescribing dentist
            </Text>
          </Stack>
          <Stack gap={4}>
            <div style={{ borderBottom: '1px solid var(--mantine-color-gray-6)', height: 32 }} />
            <Text size="xs" c="dimmed">
              Date
            </Text>
          </Stack>
        </Group>
      </article>
    </Stack>
  );
}
