import { Badge, type BadgeProps } from '@mantine/core';
import { STATUS_COLORS, statusLabel, type AnyStatus } from './status';

interface Props extends Omit<BadgeProps, 'color' | 'children'> {
  status: AnyStatus;
  'data-testid'?: string;
}

/** Colour plus word, never colour alone. Cancelled is grey and struck through. */
export function StatusBadge({ status, ...rest }: Props) {
  const cancelled = status === 'CANCELLED';
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={cancelled ? 'outline' : 'light'}
      td={cancelled ? 'line-through' : undefined}
      data-status={status}
      // Never truncated to "IN …": the word is the point.
      miw="max-content"
      {...rest}
    >
      {statusLabel(status)}
    </Badge>
  );
}
