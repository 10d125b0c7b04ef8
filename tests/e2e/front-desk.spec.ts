import { expect, test } from './fixtures';

test('the front desk sees today in the demo practice but is not offered clinical charting', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await page.getByLabel('Username').fill('frontdesk');
  await page.getByLabel('Password', { exact: true }).fill('chairside-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Pat Quinn');
  await expect(page.getByTestId('nav-users')).toHaveCount(0);

  // Today lists the demo's visits for today; Enter on a row opens it.
  await page.getByTestId('nav-today').click();
  const first = page.getByTestId('visit-row').first();
  await expect(first).toBeVisible();
  await first.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('procedure-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add procedure' })).toHaveCount(0);
  for (const action of ['Start', 'Complete', 'Send to lab', 'Mark received', 'Cancel', 'Edit', 'Remove']) {
    await expect(page.getByTestId('procedure-row').getByRole('button', { name: action, exact: true })).toHaveCount(0);
  }
});

test('the search box finds a demo patient by phone from the keyboard', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await page.getByLabel('Username').fill('frontdesk');
  await page.getByLabel('Password', { exact: true }).fill('chairside-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('nav-patients').click();
  const search = page.getByLabel('Search patients');
  await expect(search).toBeFocused();
  await search.fill('555 0110');
  await expect(page.getByTestId('patient-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('patient-name')).toBeVisible();
});

test('the front desk reads the practice formats but is offered no way to change them', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await page.getByLabel('Username').fill('frontdesk');
  await page.getByLabel('Password', { exact: true }).fill('chairside-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('format-preview')).toContainText('05/16/1994');
  await expect(page.getByText('An administrator can change this in Settings.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save practice settings' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Manage users' })).toHaveCount(0);
});
