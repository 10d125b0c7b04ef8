import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { createQueryClient } from '../../renderer/lib/queryClient';
import { theme } from '../../renderer/ui/theme';

/** The app's providers around `children`: Mantine (no transitions, no portals) and a query client. */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <MantineProvider theme={theme} env="test">
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}

/** Renders inside the app's providers with a fresh query client (the app's defaults), and a user-event session. */
export function renderWithProviders(ui: ReactElement, { client = createQueryClient(), ...options }: { client?: QueryClient } & Omit<RenderOptions, 'wrapper'> = {}) {
  const user = userEvent.setup();
  const result = render(ui, { wrapper: ({ children }) => <Providers client={client}>{children}</Providers>, ...options });
  return { ...result, user, client };
}
