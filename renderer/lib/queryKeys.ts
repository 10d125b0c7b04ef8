import type { QueryKey } from '@tanstack/react-query';
import type { Channel, InputOf } from '../api';

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C> = C extends `${string}.${infer M}` ? M : never;
/** A contract channel's first half: 'patients', 'visits', 'users', ... */
export type Group = GroupOf<Channel>;

/**
 * The one way a query is keyed: its channel split at the dot, then its input,
 * e.g. ['visits', 'get', { id }]. So ['visits'] matches every visit query and
 * ['visits', 'search'] every visit search, whatever the filters. A null input
 * is a query still waiting for its input.
 */
export function channelKey<C extends Channel, I extends InputOf<C> | null>(channel: C, input: I) {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot) as GroupOf<C>, channel.slice(dot + 1) as MethodOf<C>, input] as const;
}

/** The keys the screens use, by feature; `all` is the prefix for invalidating a whole feature. */
export const queryKeys = {
  patients: {
    all: ['patients'] as const,
    search: (input: InputOf<'patients.search'>) => channelKey('patients.search', input),
    get: (id: string) => channelKey('patients.get', { id }),
  },
  visits: {
    all: ['visits'] as const,
    get: (id: string) => channelKey('visits.get', { id }),
    search: (input: InputOf<'visits.search'>) => channelKey('visits.search', input),
    listByPatient: (input: InputOf<'visits.listByPatient'>) => channelKey('visits.listByPatient', input),
  },
  users: {
    all: ['users'] as const,
    list: () => channelKey('users.list', {}),
    providers: () => channelKey('users.providers', {}),
  },
  chart: {
    all: ['chart'] as const,
    get: (input: InputOf<'chart.get'>) => channelKey('chart.get', input),
  },
  feeSchedule: {
    all: ['feeSchedule'] as const,
    list: () => channelKey('feeSchedule.list', {}),
  },
  audit: {
    all: ['audit'] as const,
    list: (input: InputOf<'audit.list'>) => channelKey('audit.list', input),
  },
};

/**
 * What a successful write makes stale, by the group of the channel written;
 * a group not listed makes only its own queries stale. Every write is also
 * appended to the audit log, so 'audit' is always stale.
 */
const STALE_AFTER_WRITE: Partial<Record<Group, readonly Group[]>> = {
  // Visit rows carry the patient's name and chart number.
  patients: ['patients', 'visits', 'reports'],
  // Cancelling or removing a visit moves its procedures too (their history).
  visits: ['visits', 'procedures', 'reports', 'chart'],
  // A visit holds its procedures, and its status and total follow them; a procedure's history grows; the chart draws them.
  procedures: ['visits', 'procedures', 'reports', 'chart'],
  // Findings are drawn on the chart, which chart.get answers.
  findings: ['chart'],
  // Provider pickers, and the names of providers on visits and procedures.
  users: ['users', 'visits', 'reports'],
  // The practice's name and formats show everywhere (the session reloads them).
  practice: ['practice', 'users', 'visits', 'patients', 'reports'],
  // Signing in and out clears the whole cache instead (session.store).
  auth: [],
  setup: [],
};

/** The key prefixes to invalidate after a successful write to `channel`. */
export function keysChangedBy(channel: Channel): QueryKey[] {
  const group = channel.slice(0, channel.indexOf('.')) as Group;
  return [...new Set<Group>([...(STALE_AFTER_WRITE[group] ?? [group]), 'audit'])].map((g) => [g]);
}
