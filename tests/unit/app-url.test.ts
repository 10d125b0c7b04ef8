import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl } from '../../electron/core/app-url';

describe('isAppUrl (navigation and ipc sender checks)', () => {
  it('accepts the app page, with any hash route', () => {
    expect(APP_INDEX_URL).toBe('app://chairside/index.html');
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://chairside/')).toBe(true);
    expect(isAppUrl('app://chairside/index.html#/visits/123')).toBe(true);
    expect(isAppUrl('app://chairside/#/patients?q=ann')).toBe(true);
  });

  it.each([
    // other schemes, including the file: page the app used to be
    'file:///opt/Chairside/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'https://chairside/index.html',
    'http://127.0.0.1:5170/',
    'https://evil.example/index.html',
    'chairside://chairside/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'blob:app://chairside/3f1c',
    // other hosts, ports, credentials on the app scheme
    'app://evil.example/index.html',
    'app://chairside.evil.example/index.html',
    'app://evilchairside/index.html',
    'app://chairside:8080/index.html',
    'app://user:pw@chairside/index.html',
    'app://evil@chairside/index.html',
    'app:///index.html',
    'app:index.html',
    // other files of the bundle, or queries smuggling something in
    'app://chairside/assets/index.js',
    'app://chairside/other.html',
    'app://chairside/index.html/',
    'app://chairside/index.html?next=https://evil.example',
    'app://chairside/%2e%2e/%2e%2e/etc/passwd',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
