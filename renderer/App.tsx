import { Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { Frame } from './features/frame/Frame';
import { CommandPalette } from './features/palette/CommandPalette';
import { PatientPage } from './features/patients/PatientPage';
import { PatientsScreen } from './features/patients/PatientsScreen';
import { useSession } from './features/session/session.store';
import { SetupScreen } from './features/session/SetupScreen';
import { SignInScreen } from './features/session/SignInScreen';
import { AuditScreen } from './features/settings/AuditScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { UsersScreen } from './features/settings/UsersScreen';
import { TodayScreen } from './features/today/TodayScreen';
import { VisitPage } from './features/visits/VisitPage';
import { VisitsSearchScreen } from './features/visits/VisitsSearchScreen';
import { theme } from './ui/theme';
import { mayCall } from '../shared/contract';

function SignedInApp() {
  const isAdmin = useSession((s) => mayCall('users.list', s.user?.role));
  return (
    <Frame>
      <CommandPalette />
      <Switch>
        <Route path="/today" component={TodayScreen} />
        <Route path="/patients" component={PatientsScreen} />
        <Route path="/patients/:id">{(params) => <PatientPage key={params.id} id={params.id} />}</Route>
        <Route path="/visits" component={VisitsSearchScreen} />
        <Route path="/visits/:id">{(params) => <VisitPage key={params.id} id={params.id} />}</Route>
        <Route path="/settings" component={SettingsScreen} />
        {isAdmin ? <Route path="/settings/users" component={UsersScreen} /> : null}
        {isAdmin ? <Route path="/settings/audit" component={AuditScreen} /> : null}
        <Route>
          <Redirect to="/today" replace />
        </Route>
      </Switch>
    </Frame>
  );
}

function Gate() {
  const phase = useSession((s) => s.phase);
  const loadError = useSession((s) => s.loadError);
  const load = useSession((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  switch (phase) {
    case 'loading':
      return (
        <Center mih="100vh">
          <Loader />
        </Center>
      );
    case 'unreachable':
      return (
        <Center mih="100vh">
          <Stack align="center" gap="sm">
            <Text fw={600}>Chairside could not start</Text>
            <Text c="dimmed" size="sm">
              {loadError?.message}
            </Text>
            <Button variant="default" onClick={() => void load()}>
              Try again
            </Button>
          </Stack>
        </Center>
      );
    case 'needsSetup':
      return <SetupScreen />;
    case 'signedOut':
      return <SignInScreen />;
    case 'signedIn':
      return <SignedInApp />;
  }
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <Router hook={useHashLocation}>
        <Gate />
      </Router>
    </MantineProvider>
  );
}
