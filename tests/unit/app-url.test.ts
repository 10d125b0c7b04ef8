import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/core/app-url';

const index = '/opt/Chairside/resources/app.asar/out/renderer/index.html';
const own = pathToFileURL(index).href;

describe('isAppUrl (navigation and ipc sender checks)', () => {
  it('accepts the renderer page, with any hash route', () => {
    expect(isAppUrl(own, index)).toBe(true);
    expect(isAppUrl(`${own}#/visits/123`, index)).toBe(true);
  });

  it.each([
    'https://evil.example/index.html',
    'http://127.0.0.1:5170/',
    'file:///etc/passwd',
    pathToFileURL('/opt/Chairside/resources/app.asar/out/renderer/../renderer/other.html').href,
    `file://evil.example${index}`,
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, index)).toBe(false);
  });
});
