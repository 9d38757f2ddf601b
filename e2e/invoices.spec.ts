import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor, type Role } from './support/auth';
import { createClient } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function openAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

test('a coordinator drafts an invoice, the owning executive issues it and records its payments', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const clientName = unique('Lakeside Dental');
  const client = await createClient(clientName, {
    ownerId: signedInUser('executive').id,
    coordinatorId: signedInUser('coordinator').id,
  });

  const coordinator = await openAs(browser, 'coordinator');
  await coordinator.goto(`/clients/${client.id}`);
  await coordinator.getByRole('link', { name: 'New invoice' }).click();
  await coordinator.getByRole('button', { name: 'Draft invoice' }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Draft invoice' })).toBeVisible();
  const line = coordinator.getByRole('group', { name: 'Line 1' });
  await line.getByLabel('Description').fill('Spring campaign strategy');
  await line.getByLabel('Quantity').fill('2.5');
  await line.getByLabel('Unit price').fill('400');
  // 2.5 × 400 = 1,000, and 20 % tax on it: 1,200 in all.
  await expect(coordinator.getByText('$1,200', { exact: true })).toBeVisible();
  await coordinator.getByRole('button', { name: 'Save draft' }).click();
  await expect(coordinator.getByText('Draft saved.')).toBeVisible();
  // Issuing is the account owner's or a manager's: the coordinator is offered no way to do it.
  await expect(
    coordinator.getByText('The account owner or a manager issues this invoice.'),
  ).toBeVisible();
  await expect(coordinator.getByRole('button', { name: 'Issue invoice' })).toHaveCount(0);
  const invoiceUrl = coordinator.url();
  await expectNoSeriousA11yViolations(coordinator);

  const executive = await openAs(browser, 'executive');
  await executive.goto(invoiceUrl);
  await executive.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(
    executive.getByRole('heading', { level: 1, name: /^Invoice INV-\d{4}-\d{5}$/ }),
  ).toBeVisible();
  const payment = executive.getByRole('form', { name: 'Record a payment' });
  await payment.getByLabel('Amount').fill('500');
  await payment.getByLabel('Reference').fill('TX-991');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(executive.getByTestId('invoice-balance')).toHaveText('$700');
  await expect(executive.getByText('Partially paid').first()).toBeVisible();
  const tooMuch = executive.getByRole('form', { name: 'Record a payment' });
  await tooMuch.getByLabel('Amount').fill('800');
  await tooMuch.getByRole('button', { name: 'Record payment' }).click();
  await expect(tooMuch.getByText('A payment cannot exceed the balance.')).toBeVisible();
  await tooMuch.getByLabel('Amount').fill('700');
  await tooMuch.getByRole('button', { name: 'Record payment' }).click();
  await expect(executive.getByTestId('invoice-balance')).toHaveText('$0');
  await expect(executive.getByText('Paid', { exact: true }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(executive);

  const pdf = await executive.request.get(`${invoiceUrl}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await coordinator.goto(`/invoices?q=${encodeURIComponent(clientName)}`);
  const row = coordinator.getByRole('row').filter({ hasText: clientName });
  await expect(row).toContainText('Paid');
  await expect(coordinator.getByLabel('Totals of these invoices per currency')).toContainText(
    '$1,200 invoiced',
  );
  for (const width of [1440, 390]) {
    await coordinator.setViewportSize({ width, height: 900 });
    await coordinator.goto(invoiceUrl);
    const overflow = await coordinator.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await coordinator.screenshot({ path: `test-results/invoice-${width}.png`, fullPage: true });
  }
});
