import { Alert, Button, Text } from '@mantine/core';
import { IconStethoscopeOff } from '@tabler/icons-react';
import { Link } from 'wouter';
import { mayCall } from '../../../shared/contract';
import type { Provider } from '../../../shared/types';
import { useApiQuery } from '../../lib/apiQuery';
import { useSession } from '../session/session.store';

const NO_INPUT = {};

/**
 * The practice's active providers, undefined until they arrive; `none` is
 * true once they have and nobody can be a visit's provider yet.
 */
export function useProviderList(): { providers: Provider[] | undefined; none: boolean } {
  const providers = useApiQuery('users.providers', NO_INPUT).data;
  return { providers, none: providers !== undefined && providers.length === 0 };
}

/**
 * Said where a visit would need a provider and there is none, with the way
 * out that fits who is looking: an administrator can fix it on the Users
 * screen, anyone else asks one.
 */
export function NoProviderNotice({ onUsersScreen = false }: { onUsersScreen?: boolean }) {
  const role = useSession((s) => s.user?.role);
  const isAdmin = mayCall('users.update', role);
  return (
    <Alert color="yellow" variant="light" icon={<IconStethoscopeOff size={18} />} title="No dentist or hygienist to see patients yet" data-testid="no-provider" mb="md">
      {isAdmin ? (
        <>
          <Text size="sm">Visits need a provider. Add a dentist in Users, or mark yourself as a provider.</Text>
          {onUsersScreen ? (
            <Text size="sm" mt={4}>
              Use “New user” for the dentist, or Edit yourself and tick “Provider (sees patients)”.
            </Text>
          ) : (
            <Button component={Link} href="/settings/users" size="xs" variant="light" color="yellow" mt="xs">
              Open Users
            </Button>
          )}
        </>
      ) : (
        <Text size="sm">Visits need a provider. Ask an administrator to add a dentist.</Text>
      )}
    </Alert>
  );
}
