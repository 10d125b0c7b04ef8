import { formatMoney } from '../../shared/domain/money';

export function money(minor: number, currency: string): string {
  return formatMoney(minor, currency);
}

/** 12500 -> "125.00", for editing in a plain text field. */
export function moneyInputText(minor: number): string {
  return (minor / 100).toFixed(2);
}
