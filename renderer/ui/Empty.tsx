import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** Empty states say what to do next, not just that nothing is here. */
export function Empty({ icon, title, hint, action }: { icon: ReactNode; title: string; hint: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState icon={icon} title={title} description={hint} withIndicatorBackground py="xl" size="sm">
      {action}
    </EmptyState>
  );
}
