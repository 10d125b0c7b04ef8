import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_COLORS, STATUS_ICONS, statusLabel, type AnyStatus } from './status';

interface Props extends Omit<BadgeProps, 'color' | 'children'> {
  status: AnyStatus;
  'data-testid'?: string;
}

const ICON_SIZE = { xs: 10, sm: 11, md: 11, lg: 14, xl: 16 } as const;

/**
 * Colour plus word plus icon, never colour alone. Work not yet done is drawn
 * hollow (an outline on white), so a planned badge does not read as an error
 * alert; work under way or done is tinted. Cancelled is grey and struck through.
 * Every text colour here is at least 4.5:1 on its background (theme.ts).
 */
export function StatusBadge({ status, size = 'md', ...rest }: Props) {
  const Icon = STATUS_ICONS[status];
  const hollow = status === 'PLANNED' || status === 'CANCELLED';
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={hollow ? 'outline' : 'light'}
      size={size}
      td={status === 'CANCELLED' ? 'line-through' : undefined}
      leftSection={<Icon size={ICON_SIZE[size as keyof typeof ICON_SIZE] ?? ICON_SIZE.md} stroke={2.2} aria-hidden />}
      className="status-badge"
      data-status={status}
      // Never truncated to "IN …": the word is the point.
      miw="max-content"
      {...rest}
    >
      {statusLabel(status)}
    </Badge>
  );
}
