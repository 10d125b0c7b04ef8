import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, launchClock, parseBrowserLaunch, parseDesktopLaunch, parseInstant } from '../../electron/core/launch';

/** A real-time source the test moves by hand. */
function fakeTime(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('browser-mode flags', () => {
  it('reads every flag, in both spellings', () => {
    const launch = parseBrowserLaunch(['--data-dir', 'some/where', '--port=0', '--demo', '--workstation', 'Front desk'], {});
    expect(launch).toMatchObject({ dataDir: resolve('some/where'), port: 0, demo: true, workstation: 'Front desk', clockStart: null });
    expect(parseBrowserLaunch(['--data-dir=/srv/chairside', '--port', '8080'], {})).toMatchObject({ dataDir: '/srv/chairside', port: 8080 });
  });

  it('has defaults for all of them', () => {
    expect(parseBrowserLaunch([], {})).toMatchObject({ dataDir: null, port: DEFAULT_PORT, demo: false, workstation: `${hostname()} (browser)` });
  });

  it.each([
    [['--port', '70000'], /--port must be a port number/],
    [['--port', 'http'], /--port must be a port number/],
    [['--port='], /--port must be a port number/],
    [['--port', '-1'], /--port needs a value/],
    [['--port', '80.5'], /--port must be a port number/],
    [['--bogus'], /Unknown option '--bogus'. Chairside takes --data-dir DIR/],
    [['-x'], /Unknown option '-x'/],
    [['stray'], /Unexpected argument 'stray'/],
    [['--data-dir'], /--data-dir/],
    [['--data-dir', '--demo'], /--data-dir/],
    [['--data-dir='], /--data-dir needs a folder/],
    [['--workstation', '  '], /--workstation needs a name/],
    [['--demo=yes'], /--demo/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBrowserLaunch(argv, {})).toThrow(message);
  });
});

describe('desktop flags', () => {
  it("reads its own flags among Electron's and Chromium's", () => {
    const argv = ['.', '--no-sandbox', '--inspect=9229', '--data-dir', '/tmp/practice', '--enable-logging', '--demo', '--workstation=Chair 2'];
    expect(parseDesktopLaunch(argv, {})).toMatchObject({ dataDir: '/tmp/practice', demo: true, workstation: 'Chair 2' });
    expect(parseDesktopLaunch(['/opt/Chairside/chairside'], {})).toMatchObject({ dataDir: null, demo: false, workstation: hostname() });
  });

  it('still checks its own flags strictly', () => {
    expect(() => parseDesktopLaunch(['.', '--data-dir'], {})).toThrow(/--data-dir needs a value/);
    expect(() => parseDesktopLaunch(['.', '--data-dir', '--demo'], {})).toThrow(/--data-dir needs a value/);
    expect(parseDesktopLaunch(['.', '--data-dir=-odd-name'], {}).dataDir).toBe(resolve('-odd-name'));
    expect(() => parseDesktopLaunch(['.', '--demo=no'], {})).toThrow(/--demo takes no value/);
    expect(() => parseDesktopLaunch(['.', '--port', '5170'], {})).toThrow(/--port is for browser mode/);
  });
});

describe('CHAIRSIDE_NOW', () => {
  it('starts the clock at the instant and then lets it run in real time', () => {
    const time = fakeTime(Date.UTC(2030, 0, 1));
    const launch = parseBrowserLaunch([], { CHAIRSIDE_NOW: '2026-03-14T09:30:00Z' }, time.now);
    expect(launch.clockStart?.toISOString()).toBe('2026-03-14T09:30:00.000Z');
    expect(launch.now().toISOString()).toBe('2026-03-14T09:30:00.000Z');
    time.advance(90_500);
    expect(launch.now().toISOString()).toBe('2026-03-14T09:31:30.500Z');
    expect(parseDesktopLaunch([], { CHAIRSIDE_NOW: '2026-03-14T09:30:00Z' }, time.now).now().toISOString()).toBe('2026-03-14T09:30:00.000Z');
  });

  it('without it, is the real clock', () => {
    const time = fakeTime(Date.UTC(2031, 5, 6, 7, 8, 9));
    for (const env of [{}, { CHAIRSIDE_NOW: '' }]) {
      const { now, clockStart } = launchClock(env, time.now);
      expect(clockStart).toBeNull();
      expect(now().toISOString()).toBe('2031-06-06T07:08:09.000Z');
    }
  });

  it('honours the offset', () => {
    expect(parseInstant('2026-03-14T09:30:00+01:00')?.toISOString()).toBe('2026-03-14T08:30:00.000Z');
    expect(parseInstant('2026-03-14T23:45-05:30')?.toISOString()).toBe('2026-03-15T05:15:00.000Z');
    expect(parseInstant('2026-03-14T09:30:00.25Z')?.toISOString()).toBe('2026-03-14T09:30:00.250Z');
  });

  it.each(['tomorrow', '2026-03-14', '2026-03-14T09:30:00', 'Mar 14 2026 09:30 GMT', '2026-02-30T09:00:00Z', '2026-03-14T24:00:00Z', '2026-13-01T00:00:00Z', '2026-03-14T09:30:00+25:00', ' 2026-03-14T09:30:00Z'])(
    'refuses %j with a clear message',
    (raw) => {
      expect(parseInstant(raw)).toBeNull();
      expect(() => parseBrowserLaunch([], { CHAIRSIDE_NOW: raw })).toThrow(`CHAIRSIDE_NOW must be an ISO-8601 instant with a time zone, such as 2026-03-14T09:30:00Z, not "${raw}".`);
    },
  );
});
