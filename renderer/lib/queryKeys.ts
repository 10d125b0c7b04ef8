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
  labs: {
    all: ['labs'] as const,
    list: (input: InputOf<'labs.list'>) => channelKey('labs.list', input),
  },
  labCases: {
    all: ['labCases'] as const,
    get: (input: InputOf<'labCases.get'>) => channelKey('labCases.get', input),
    board: (input: InputOf<'labCases.board'>) => channelKey('labCases.board', input),
  },
  reminders: {
    all: ['reminders'] as const,
    list: () => channelKey('reminders.list', {}),
  },
  closedDays: {
    all: ['closedDays'] as const,
    list: (input: InputOf<'closedDays.list'>) => channelKey('closedDays.list', input),
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
  patients: ['patients', 'visits', 'reports', 'labCases', 'reminders'],
  // Cancelling or removing a visit moves its procedures too (their history).
  visits: ['visits', 'procedures', 'reports', 'chart', 'labCases', 'reminders'],
  // A visit holds its procedures, and its status and total follow them; a procedure's history grows; the chart draws them.
  // Cancelling a procedure cancels its lab case; completing one takes its case off the board.
  procedures: ['visits', 'procedures', 'reports', 'chart', 'labCases', 'reminders'],
  // A lab step moves its procedure (status, history, chart colour) and ends or raises notices.
  labCases: ['labCases', 'reminders', 'visits', 'procedures', 'reports', 'chart'],
  // Cases show their lab's name and phone.
  labs: ['labs', 'labCases', 'reminders'],
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
