import { Button, Center, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useSession } from './features/session/session.store';
import { SignInScreen } from './features/session/SignInScreen';
import { subscribeToChanges } from './api';
import { lazyComponent, preloadWhenIdle, ScreenErrorBoundary, ScreenLoading } from './lib/lazyScreen';
import { startLiveRefresh } from './lib/liveRefresh';
import { queryClient } from './lib/queryClient';
import { theme } from './ui/theme';
import { mayCall } from '../shared/contract';

// Each screen is its own chunk, fetched when its route is first opened (or
// earlier, while the workstation idles: see preloadWhenIdle). Every start
// begins at sign-in, so that screen is part of the first chunk; the frame,
// the palette, the screens behind it and first-run setup are not.
const TodayScreen = lazyComponent(() => import('./features/today/TodayScreen').then((m) => m.TodayScreen));
const PatientsScreen = lazyComponent(() => import('./features/patients/PatientsScreen').then((m) => m.PatientsScreen));
const PatientPage = lazyComponent(() => import('./features/patients/PatientPage').then((m) => m.PatientPage));
const VisitsSearchScreen = lazyComponent(() => import('./features/visits/VisitsSearchScreen').then((m) => m.VisitsSearchScreen));
const VisitPage = lazyComponent(() => import('./features/visits/VisitPage').then((m) => m.VisitPage));
const SettingsScreen = lazyComponent(() => import('./features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const UsersScreen = lazyComponent(() => import('./features/settings/UsersScreen').then((m) => m.UsersScreen));
const AuditScreen = lazyComponent(() => import('./features/settings/AuditScreen').then((m) => m.AuditScreen));
const FeeScheduleScreen = lazyComponent(() => import('./features/settings/FeeScheduleScreen').then((m) => m.FeeScheduleScreen));
const LabBoardScreen = lazyComponent(() => import('./features/labs/LabBoardScreen').then((m) => m.LabBoardScreen));
const LabSlip = lazyComponent(() => import('./features/labs/LabSlip').then((m) => m.LabSlip));
const LabsScreen = lazyComponent(() => import('./features/settings/LabsScreen').then((m) => m.LabsScreen));
const SetupScreen = lazyComponent(() => import('./features/session/SetupScreen').then((m) => m.SetupScreen));

const Frame = lazyComponent(() => import('./features/frame/Frame').then((m) => m.Frame));
const CommandPalette = lazyComponent(() => import('./features/palette/CommandPalette').then((m) => m.CommandPalette));

/** What a signed-in user will open first; fetched while they sign in. */
const SIGNED_IN_SCREENS = [Frame, CommandPalette, TodayScreen, PatientsScreen, PatientPage, VisitsSearchScreen, VisitPage, SettingsScreen, FeeScheduleScreen, LabBoardScreen, LabsScreen];

function SignedInApp() {
  const isAdmin = useSession((s) => mayCall('users.list', s.user?.role));
  const [location] = useLocation();
  // Once the first screen is up, fetch the others while the desk is idle, so
  // moving between screens does not wait on a chunk.
  useEffect(() => preloadWhenIdle(isAdmin ? [...SIGNED_IN_SCREENS, UsersScreen, AuditScreen] : SIGNED_IN_SCREENS), [isAdmin]);
  // Changes made at another window or workstation show on open screens within about two seconds.
  useEffect(() => startLiveRefresh(queryClient, subscribeToChanges), []);
  return (
    <Suspense fallback={<ScreenLoading />}>
      <Frame>
        <CommandPalette />
        <ScreenErrorBoundary resetKey={location}>
          <Suspense fallback={<ScreenLoading />}>
            <Switch>
              <Route path="/today" component={TodayScreen} />
              <Route path="/patients" component={PatientsScreen} />
              <Route path="/patients/:id">{(params) => <PatientPage key={params.id} id={params.id} />}</Route>
              <Route path="/visits" component={VisitsSearchScreen} />
              <Route path="/visits/:id">{(params) => <VisitPage key={params.id} id={params.id} />}</Route>
              <Route path="/visits/:id/procedures/:procedureId">
                {(params) => <VisitPage key={`${params.id}/${params.procedureId}`} id={params.id} procedureId={params.procedureId} />}
              </Route>
              <Route path="/labs" component={LabBoardScreen} />
              <Route path="/lab-cases/:id/slip">{(params) => <LabSlip key={params.id} id={params.id} />}</Route>
              <Route path="/settings" component={SettingsScreen} />
              <Route path="/settings/fee-schedule" component={FeeScheduleScreen} />
              <Route path="/settings/labs" component={LabsScreen} />
              {isAdmin ? <Route path="/settings/users" component={UsersScreen} /> : null}
              {isAdmin ? <Route path="/settings/audit" component={AuditScreen} /> : null}
              <Route>
                <Redirect to="/today" replace />
              </Route>
            </Switch>
          </Suspense>
        </ScreenErrorBoundary>
      </Frame>
    </Suspense>
  );
}

function Gate() {
  const phase = useSession((s) => s.phase);
  const loadError = useSession((s) => s.loadError);
  const load = useSession((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);
  // While someone types their password, fetch the screens they will open next.
  useEffect(() => (phase === 'signedOut' ? preloadWhenIdle(SIGNED_IN_SCREENS) : undefined), [phase]);

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
      return (
        <Suspense fallback={<ScreenLoading />}>
          <SetupScreen />
        </Suspense>
      );
    case 'signedOut':
      return <SignInScreen />;
    case 'signedIn':
      return <SignedInApp />;
  }
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" limit={4} />
        <Router hook={useHashLocation}>
          <Gate />
        </Router>
      </MantineProvider>
    </QueryClientProvider>
  );
}
