const countFormat = new Intl.NumberFormat();

/** "1 patient", "50,000 patients": a count in the workstation's locale, with its noun. */
export function countOf(n: number, one: string, many: string): string {
  return `${countFormat.format(n)} ${n === 1 ? one : many}`;
}
