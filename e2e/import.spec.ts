import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { storageStateFor } from './support/auth';

test.use({ storageState: storageStateFor('coordinator') });

const csvFile = (name: string, text: string, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: Buffer.from(text),
});

test('a coordinator imports clients from another CRM’s export', async ({ page }) => {
  const tag = Date.now().toString(36);
  const csv = [
    'Company Name,Domain,Industry,First Name,Last Name,Email',
    `Import Alpha ${tag},alpha-${tag}.example,Software,Ada,Lovelace,ada@alpha-${tag}.example`,
    `Import Beta ${tag},beta-${tag}.example,Retail,Alan,Turing,alan@beta-${tag}.example`,
  ].join('\n');
  await page.goto('/clients');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel('CSV file').setInputFiles(csvFile('hubspot-export.csv', csv));
  await expect(page.getByLabel('Accord field for column Company Name')).toHaveValue('name');
  await expect(page.getByLabel('Accord field for column Email')).toHaveValue('contactEmail');
  await expect(page.getByRole('table', { name: 'Import preview' })).toContainText(
    `Import Alpha ${tag}`,
  );
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 clients');

  await page.goto(`/clients?q=${tag}`);
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link')).toHaveText([
    `Import Alpha ${tag}`,
    `Import Beta ${tag}`,
  ]);
});

test('a bad file gets a clear error and imports nothing', async ({ page }) => {
  const tag = Date.now().toString(36);
  await page.goto('/clients/import');

  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        'clients.xlsx',
        'PK\u0003\u0004',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a .csv file' })).toBeVisible();

  await page.getByLabel('CSV file').setInputFiles({
    name: 'latin1.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9]),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'not UTF-8' })).toBeVisible();

  await page
    .getByLabel('CSV file')
    .setInputFiles(csvFile('no-name.csv', `Domain,Phone\nnameless-${tag}.example,123`));
  await expect(
    page.getByRole('alert').filter({ hasText: 'Match a column to “Client name”' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 1 row' })).toBeDisabled();

  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        'rows.csv',
        `Company,Email\nGood Row ${tag},ok@example.test\n,missing-name@example.test\nBad Mail ${tag},nope`,
      ),
    );
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByText('Row 3: Client name is missing.')).toBeVisible();
  await expect(page.getByText('Row 4: Contact e-mail is not an e-mail address.')).toBeVisible();
  await expect(page.getByText('Nothing was imported.')).toBeVisible();

  await page.goto(`/clients?q=${encodeURIComponent(`Good Row ${tag}`)}`);
  await expect(page.getByText('No clients match these filters.')).toBeVisible();
});

test('another CRM’s codes are matched, one by hand, and the choices come back next time', async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const csv = [
    'Company Name,Industry,Lifecycle Stage,City,Country,Employees',
    `Foreign Alpha ${tag},COMPUTER_SOFTWARE,customer,Lyon,France,40`,
    `Foreign Beta ${tag},AGRICULTURE,marketingqualifiedlead,,,12`,
    `Foreign Gamma ${tag},FINANCIAL_SERVICES,Former Customer,,,`,
  ].join('\n');
  await page.goto('/clients/import');
  await page.getByLabel('CSV file').setInputFiles(csvFile('hubspot-companies.csv', csv));
  await expect(page.getByLabel('Accord field for column Lifecycle Stage')).toHaveValue('status');
  await expect(page.getByLabel('Accord field for column City')).toHaveValue('billingCity');
  await expect(page.getByLabel('Accord field for column Employees')).toHaveValue('');

  await expect(page.getByLabel('Accord industry for “COMPUTER_SOFTWARE”')).toHaveValue('Software');
  await expect(page.getByLabel('Accord status for “customer”')).toHaveValue('active');
  await expect(page.getByLabel('Accord status for “Former Customer”')).toHaveValue('churned');
  await expect(page.getByText('1 value is not matched yet')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Accord industry for “AGRICULTURE”').selectOption('Food and beverage');
  await expect(page.getByText('not matched yet')).toBeHidden();
  await page.getByLabel('Add the columns not imported to the notes').check();

  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 3 clients');

  await page.goto(`/clients?q=${tag}`);
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table.getByRole('link')).toHaveText([
    `Foreign Alpha ${tag}`,
    `Foreign Beta ${tag}`,
    `Foreign Gamma ${tag}`,
  ]);
  await expect(table.getByRole('row', { name: new RegExp(`Foreign Beta ${tag}`) })).toContainText(
    'Food and beverage',
  );
  await table.getByRole('link', { name: `Foreign Alpha ${tag}` }).click();
  await expect(page.getByText('Employees: 40')).toBeVisible();
  await expect(page.getByText(/Lyon\s+France/)).toBeVisible();

  await page.goto('/clients/import');
  await page.getByLabel('CSV file').setInputFiles(csvFile('hubspot-companies.csv', csv));
  await expect(page.getByText('matched as in your last import')).toBeVisible();
  await expect(page.getByLabel('Accord industry for “AGRICULTURE”')).toHaveValue(
    'Food and beverage',
  );
  await expect(page.getByLabel('Add the columns not imported to the notes')).toBeChecked();
});
