/**
 * Screenshots of screens as a user sees them, for checking by eye:
 *   npx tsx scripts/screens.ts --user admin --out /tmp/shots /settings/users /patients
 * Starts browser mode on a fresh demo practice (password chairside-demo),
 * signs in, and saves one PNG per route (hash routes, e.g. /patients/ID).
 * A route may end with steps before the shot: "!click:Button name", "!text:Some text"
 * (clicks the first element showing it, e.g. a table row) or "!press:Escape".
 * Needs the built renderer (npm run build:renderer).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: 'string', default: 'admin' },
    out: { type: 'string', default: join(tmpdir(), 'chairside-shots') },
    width: { type: 'string', default: '1360' },
    height: { type: 'string', default: '860' },
  },
});
mkdirSync(values.out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'chairside-screens-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--port', '0', '--demo', '--workstation', 'Front desk'], {
  env: { ...process.env, CHAIRSIDE_TOKEN: 'screens' },
});
try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.stderr.on('data', (c: Buffer) => (out += c.toString()));
    server.once('exit', () => reject(new Error(out)));
  });
  const origin = url.replace(/\/\?token=.*/, '');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  await page.goto(url);
  await page.getByLabel('Username').fill(values.user);
  await page.getByLabel('Password', { exact: true }).fill('chairside-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
  for (const [i, spec] of (positionals.length ? positionals : ['/today']).entries()) {
    const [route, ...actions] = spec.split('!');
    // Close whatever dialog the previous shot opened.
    await page.keyboard.press('Escape');
    await page.goto(`${origin}/#${route}`);
    await page.waitForTimeout(700);
    for (const action of actions) {
      const [verb, arg = ''] = action.split(':');
      if (verb === 'click') await page.getByRole('button', { name: arg }).first().click();
      if (verb === 'text') await page.getByText(arg).first().click();
      if (verb === 'press') await page.keyboard.press(arg);
      await page.waitForTimeout(500);
    }
    const file = join(values.out, `${String(i + 1).padStart(2, '0')}-${spec.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await browser.close();
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
