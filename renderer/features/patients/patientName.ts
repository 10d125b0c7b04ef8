import type { Patient } from '../../../shared/types';

export function patientName(p: Pick<Patient, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}
