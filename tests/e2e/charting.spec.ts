import { expect, test } from './fixtures';

const PASSWORD = 'a long enough password';

test('first run, a dentist signs in, charts a visit and starts a procedure', async ({ page, server }) => {
  await page.goto(server.url);
  // The launch token is taken out of the address bar once read.
  await expect(page).not.toHaveURL(/token=/);

  // First run: the practice and its administrator.
  await page.getByLabel('Practice name').fill('Harbour Dental');
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Ada Admin');

  // The admin adds a dentist, then hands the workstation over.
  await page.getByTestId('nav-users').click();
  await page.getByRole('button', { name: 'New user' }).click();
  const userDialog = page.getByRole('dialog');
  await userDialog.getByLabel('Name', { exact: true }).fill('Dr. Noor Haddad');
  await userDialog.getByLabel('Username').fill('noor');
  await userDialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Dentist' }).click();
  await userDialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: 'noor' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Sign in: a wrong password is refused in plain words, the right one works.
  await page.getByLabel('Username').fill('noor');
  await page.getByLabel('Password', { exact: true }).fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That username and password do not match.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Dr. Noor Haddad');

  // A new patient.
  await page.getByTestId('nav-patients').click();
  await expect(page.getByLabel('Search patients')).toBeFocused();
  await page.getByRole('button', { name: 'New patient' }).first().click();
  const patientDialog = page.getByRole('dialog');
  await patientDialog.getByLabel('First name').fill('Maya');
  await patientDialog.getByLabel('Last name').fill('Tanaka');
  await patientDialog.getByLabel('Date of birth').fill('1979-11-30');
  await patientDialog.getByLabel('Alerts').fill('Latex allergy');
  await patientDialog.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByTestId('patient-name')).toHaveText('Tanaka, Maya');
  await expect(page.getByTestId('patient-alerts')).toContainText('Latex allergy');

  // A visit for today; the signed-in dentist is the provider unless changed.
  await page.getByRole('button', { name: 'New visit' }).click();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue(/Noor Haddad/);
  await page.getByRole('dialog').getByRole('button', { name: 'Create visit' }).click();
  await expect(page.getByTestId('visit-status')).toContainText(/planned/i);

  // A procedure: the tooth rule speaks before anything is sent, then it is added.
  await page.getByRole('button', { name: 'Add procedure' }).click();
  const proc = page.getByRole('dialog');
  await proc.getByLabel('Code').fill('D2330');
  await proc.getByLabel('Description').fill('Resin composite, one surface, anterior');
  await proc.getByLabel('Tooth').fill('8');
  const surfaces = proc.getByRole('group', { name: 'Surfaces' });
  await surfaces.getByText('O', { exact: true }).click();
  await proc.getByLabel('Fee').fill('165.00');
  await proc.getByRole('button', { name: 'Add procedure' }).click();
  await expect(proc.getByText('Tooth 8 is a front tooth: use I (incisal) instead of O.')).toBeVisible();
  await surfaces.getByText('O', { exact: true }).click();
  await surfaces.getByText('I', { exact: true }).click();
  await proc.getByRole('button', { name: 'Add procedure' }).click();

  const row = page.getByTestId('procedure-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('D2330');
  await expect(row).toContainText('Planned');
  await expect(page.getByTestId('visit-total')).toContainText('$165.00');

  // Only the allowed next steps are offered; starting moves the visit along.
  await expect(row.getByRole('button', { name: 'Complete' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Start' }).click();
  await expect(row.getByTestId('procedure-status')).toContainText(/in progress/i);
  await expect(page.getByTestId('visit-status')).toContainText(/in progress/i);
  await row.getByRole('button', { name: 'Complete' }).click();
  await expect(page.getByTestId('visit-status')).toContainText(/completed/i);
  await expect(row.getByRole('button', { name: 'Remove' })).toHaveCount(0);
});
