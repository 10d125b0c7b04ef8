import { format, parseISO } from 'date-fns';
import { ageOn } from '../../shared/domain/dates';

/** Today's date on this workstation, as the contract writes dates. */
export function todayIso(): string {
  return format(new Date(), 'yyyy-MM-dd');
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
