import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function signIn(page: Page, url: string, username: string, password = 'chairside-demo') {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

test('an administrator restores an archived patient from their page', async ({ page, demoServer }) => {
  await signIn(page, demoServer.url, 'admin');
  await page.getByTestId('nav-patients').click();
  await page.getByTestId('patient-row').first().click();
  const name = (await page.getByTestId('patient-name').textContent())!;
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive patient' }).click();

  await expect(page.getByTestId('archived-notice')).toContainText(/Archived on \d{2}\/\d{2}\/\d{4}: the chart is read-only\./);
  await expect(page.getByTestId('patient-archived-badge')).toBeVisible();
  for (const action of ['Edit', 'New visit', 'Archive']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
  }

  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore patient' }).click();
  await expect(page.getByTestId('archived-notice')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New visit' })).toBeVisible();
  await expect(page.getByTestId('patient-name')).toHaveText(name);
});

test('a user deactivated by an administrator is signed out at their next step', async ({ browser, page, demoServer }) => {
  const desk = await browser.newPage();
  await signIn(desk, demoServer.url, 'frontdesk');
  await signIn(page, demoServer.url, 'admin');

  await page.getByTestId('nav-users').click();
  await page.getByRole('button', { name: 'Edit Pat Quinn' }).click();
  await page.getByRole('dialog').getByRole('switch', { name: 'Can sign in' }).uncheck();
  await page.getByRole('dialog').getByRole('button', { name: 'Save user' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: 'frontdesk' })).toContainText('Inactive');

  // The desk's live refresh may sign it out before any click; otherwise its next step does.
  const signInButton = desk.getByRole('button', { name: 'Sign in' });
  await expect(async () => {
    if (!(await signInButton.isVisible())) await desk.getByTestId('nav-patients').click({ timeout: 1000 });
    await expect(signInButton).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await desk.close();
});

test('a forgotten password is reset by an administrator, and the user can change it again', async ({ browser, page, demoServer }) => {
  await signIn(page, demoServer.url, 'admin');
  await page.getByTestId('nav-users').click();
  await page.getByRole('button', { name: 'Reset password for Kim Lee' }).click();
  await page.getByRole('dialog').getByLabel('New password').fill('temporary passphrase');
  await page.getByRole('dialog').getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const kim = await browser.newPage();
  await signIn(kim, demoServer.url, 'assist', 'temporary passphrase');
  await kim.getByTestId('nav-settings').click();
  await kim.getByLabel('Current password').fill('temporary passphrase');
  await kim.getByLabel('New password', { exact: true }).fill('only kim knows this');
  await kim.getByLabel('New password again').fill('only kim knows this');
  await kim.getByRole('button', { name: 'Change password' }).click();
  await expect(kim.getByText('Password changed.')).toBeVisible();
  await kim.getByRole('button', { name: 'Sign out' }).click();
  await signIn(kim, demoServer.url, 'assist', 'only kim knows this');
  await kim.close();
});

test('the audit log speaks in words, in the practice’s format', async ({ page, demoServer }) => {
  await signIn(page, demoServer.url, 'admin');
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByTestId('audit-what').filter({ hasText: 'Signed in · User' }).first()).toBeVisible();
  await expect(page.getByTestId('audit-what').filter({ hasText: 'Moved status · Procedure' }).first()).toBeVisible();
  for (const raw of ['sign_in', 'reset_password', 'labCase', 'lab_cases', 'treatment_records']) {
    await expect(page.getByText(raw, { exact: false })).toHaveCount(0);
  }
});
