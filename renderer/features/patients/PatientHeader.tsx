import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangleFilled, IconArchive } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Patient } from '../../../shared/types';
import { ageText } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { patientName } from './patientName';

/** Stays on top of every patient screen: who this is, and what must not be missed. */
export function PatientHeader({ patient, actions }: { patient: Patient; actions?: ReactNode }) {
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" mb="lg" radius="md" bg={patient.archivedAt ? 'gray.1' : 'gray.0'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" align="baseline">
            <Title order={2} fz={22} data-testid="patient-name">
              {patientName(patient, fmt)}
            </Title>
            {patient.archivedAt ? (
              <Badge color="gray" variant="filled" leftSection={<IconArchive size={12} />} data-testid="patient-archived-badge">
                Archived
              </Badge>
            ) : null}
          </Group>
          <Group gap="lg" c="dimmed" fz="sm" style={{ rowGap: 2 }}>
            <Text size="sm">
              Chart <Text span ff="monospace" fw={600} c="dark">{patient.chartNumber}</Text>
            </Text>
            <Text size="sm" data-testid="patient-born">
              {ageText(patient.dateOfBirth)} · born {fmt.date(patient.dateOfBirth)}
            </Text>
            {patient.phone ? <Text size="sm">{patient.phone}</Text> : null}
            {patient.email ? <Text size="sm">{patient.email}</Text> : null}
          </Group>
        </Stack>
        {actions ? <Group gap="xs" wrap="nowrap">{actions}</Group> : null}
      </Group>
      {patient.alerts ? (
        <Alert color="red" variant="light" mt="sm" py={8} icon={<IconAlertTriangleFilled size={18} />} data-testid="patient-alerts">
          <Text size="sm" c="red.8" fw={600}>
            {patient.alerts}
          </Text>
        </Alert>
      ) : null}
    </Paper>
  );
}
