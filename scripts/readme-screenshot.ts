/**
 * Regenerates docs/screenshot.png: the demo practice's busiest visit (its tooth chart and procedures), as
 * a dentist sees it in browser mode. Run: npx tsx scripts/readme-screenshot.ts
 * (after npm run build:renderer).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const dataDir = mkdtempSync(join(tmpdir(), 'chairside-shot-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--port', '0', '--demo', '--workstation', 'Front desk'], {
  env: { ...process.env, CHAIRSIDE_TOKEN: 'screenshot' },
});
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /running at (\S+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
});
const origin = url.replace(/\/\?token=.*/, '');
const post = async (channel: string, input: unknown, session = '') =>
  (await (await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: 'Bearer screenshot', 'content-type': 'application/json', 'x-chairside-session': session },
    body: JSON.stringify(input),
  })).json()) as { data: unknown };

const { sessionToken: session } = (await post('auth.signIn', { username: 'drpatel', password: 'chairside-demo' })).data as { sessionToken: string };
const today = new Date().toISOString().slice(0, 10);
const busiest = (await post('visits.search', { from: '2000-01-01', to: today, sort: 'procedureCount,desc', size: 1 }, session)).data as { items: { id: string }[] };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 1120 } });
await page.goto(url);
await page.getByLabel('Username').fill('drpatel');
await page.getByLabel('Password', { exact: true }).fill('chairside-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByTestId('current-user').waitFor();
await page.goto(`${origin}/#/visits/${busiest.items[0]!.id}`);
await page.getByTestId('procedure-row').first().waitFor();
await page.getByTestId('tooth-chart').waitFor();
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
server.kill();
rmSync(dataDir, { recursive: true, force: true });
console.log('docs/screenshot.png written');
