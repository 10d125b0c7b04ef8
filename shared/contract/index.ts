/**
 * The one API between renderer and main. Each feature declares its channels
 * in its own file: a zod input schema (parsed in the main process, reused by
 * renderer forms), the output type, the roles allowed to call it ('public'
 * needs no session) and whether it changes data. Handlers, the renderer
 * client and browser-mode routes are all typed from the merged map below.
 */
import type { z } from 'zod';
import type { Role } from '../domain/roles';
import { auditContract } from './audit';
import { chartContract } from './chart';
import { feeScheduleContract } from './feeSchedule';
import { labCasesContract } from './labCases';
import { labsContract } from './labs';
import { patientsContract } from './patients';
import { practiceContract } from './practice';
import { proceduresContract } from './procedures';
import { reportsContract } from './reports';
import { sessionContract } from './session';
import { suppliesContract } from './supplies';
import { usersContract } from './users';
import { visitsContract } from './visits';

export const contract = {
  ...sessionContract,
  ...usersContract,
  ...practiceContract,
  ...patientsContract,
  ...visitsContract,
  ...proceduresContract,
  ...feeScheduleContract,
  ...chartContract,
  ...labsContract,
  ...labCasesContract,
  ...suppliesContract,
  ...reportsContract,
  ...auditContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = NonNullable<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** Whether a role may call a channel: the same answer dispatch() gives, for hiding what would be refused. */
export function mayCall(channel: Channel, role: Role | null | undefined): boolean {
  const roles: readonly Role[] | 'public' = contract[channel].roles;
  return roles === 'public' || (role != null && roles.includes(role));
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export { isoDate, password, username } from './define';
export { patientFields } from './patients';
export { procedureFields } from './procedures';
export { feeScheduleFields } from './feeSchedule';
export { VISIT_SORT_FIELDS } from './visits';
