/**
 * What the lab screens share: a case's stage as a badge in the status colours
 * (a case at the lab is grape like SENT_TO_LAB, back is teal like RECEIVED),
 * and "today" for date defaults.
 */
import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconCircleX, IconPackageImport, IconTruckDelivery, type Icon } from '@tabler/icons-react';
import { STAGE_LABELS } from '../../../shared/domain/lab-cases';
import type { LabCaseStage } from '../../../shared/types';

const STAGE_COLORS: Record<LabCaseStage, string> = {
  NOT_SENT: 'orange',
  AT_LAB: 'grape',
  RECEIVED: 'teal',
  CHECKED: 'blue',
  CANCELLED: 'gray',
};

const STAGE_ICONS: Record<LabCaseStage, Icon> = {
  NOT_SENT: IconCircleDashed,
  AT_LAB: IconTruckDelivery,
  RECEIVED: IconPackageImport,
  CHECKED: IconCircleCheck,
  CANCELLED: IconCircleX,
};

export function StageBadge({ stage, size = 'md' }: { stage: LabCaseStage; size?: 'sm' | 'md' | 'lg' }) {
  const Icon = STAGE_ICONS[stage];
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      variant={stage === 'CANCELLED' || stage === 'NOT_SENT' ? 'outline' : 'light'}
      size={size}
      leftSection={<Icon size={14} stroke={2.2} aria-hidden />}
      miw="max-content"
      data-testid="lab-stage"
      data-stage={stage}
    >
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
