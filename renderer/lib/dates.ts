import { format, parseISO } from 'date-fns';
import { ageOn } from '../../shared/domain/dates';
import { now } from './clock';

/** Today's date by the main process's clock, in this workstation's time zone, as the contract writes dates. */
export function todayIso(): string {
  return format(now(), 'yyyy-MM-dd');
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A YYYY-MM-DD day in the workstation's locale (parsed as a local day, never shifted by time zone). */
export function formatDay(iso: string): string {
  return dateFormat.format(parseISO(iso));
}

export function formatTimestamp(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function ageText(dateOfBirth: string): string {
  const age = ageOn(dateOfBirth, todayIso());
  return age === 1 ? '1 yr' : `${age} yrs`;
}
