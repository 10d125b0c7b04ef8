import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Component, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A screen (or a dialog) in its own chunk: React.lazy over the component a
 * dynamic import resolves to, plus preload() so the chunk can be fetched
 * before anyone opens it. A failed fetch is forgotten, so the next try
 * fetches again.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const get = () =>
    (pending ??= load().then(
      (component) => ({ default: component }),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  return Object.assign(lazy(get), { preload: get });
}

interface Preloadable {
  preload: () => Promise<unknown>;
}

/** Fetches the screens' chunks when the browser is idle; returns a cancel for useEffect. */
export function preloadWhenIdle(screens: readonly Preloadable[]): () => void {
  const run = () => {
    for (const screen of screens) screen.preload().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(run, 500);
    return () => window.clearTimeout(timer);
  }
  const id = window.requestIdleCallback(run, { timeout: 3000 });
  return () => window.cancelIdleCallback(id);
}

/**
 * What shows while a screen's chunk loads: nothing for the first moment (it
 * is usually there by then, and a flashing spinner is noise), then a loader.
 */
export function ScreenLoading() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), 250);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Center mih={240} data-testid="screen-loading">
      {visible ? <Loader aria-label="Loading screen" /> : null}
    </Center>
  );
}

interface BoundaryState {
  error: unknown;
}

/**
 * Keeps a screen whose code could not be loaded (the app was updated while
 * this window stayed open, say) from blanking the whole window: the frame
 * stays, and the screen offers a reload. Going to another screen (a new
 * resetKey) tries again.
 */
export class ScreenErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Center mih={240}>
        <Stack align="center" gap="sm" role="alert">
          <Text fw={600}>This screen could not be opened</Text>
          <Text c="dimmed" size="sm">
            {this.state.error instanceof Error ? this.state.error.message : String(this.state.error)}
          </Text>
          <Button variant="default" onClick={() => window.location.reload()}>
            Reload Chairside
          </Button>
        </Stack>
      </Center>
    );
  }
}
