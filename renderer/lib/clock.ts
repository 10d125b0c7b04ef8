/**
 * The main process's clock, as seen from here: "today", ages and "overdue"
 * follow it, so a workstation whose clock is off (or a test started with
 * CHAIRSIDE_NOW) agrees with the dates the core writes.
 */
let offsetMs = 0;

export function syncClock(serverNowIso: string): void {
  const server = Date.parse(serverNowIso);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}
