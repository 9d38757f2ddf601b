import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createContact } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.use({ storageState: storageStateFor('coordinator') });

test('negative feedback goes from the coordinator to an executive, who acknowledges and resolves it', async ({
  page,
  browser,
}) => {
  const coordinator = signedInUser('coordinator');
  const executive = signedInUser('executive');
  // Owned by the executive and coordinated by the coordinator, so both see it under `assigned`.
  const client = await createClient(unique('Feedback Client'), {
    ownerId: executive.id,
    coordinatorId: coordinator.id,
  });
  await createContact(client.id, 'Rita Reporter', 'rita@example.test');
  const complaint = unique('The monthly report arrived late again');

  await page.goto(`/feedback/new?clientId=${client.id}`);
  await expect(page.getByText(`Client: ${client.name}`)).toBeVisible();
  await page.getByLabel('Contact', { exact: true }).selectOption({ label: 'Rita Reporter' });
  await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'E-mail' });
  await page.getByLabel('Sentiment', { exact: true }).selectOption({ label: 'Negative' });
  await page.getByLabel('Category', { exact: true }).fill('Reporting');
  await page.getByLabel('What the client said', { exact: true }).fill(complaint);
  await page.getByLabel('Route to', { exact: true }).selectOption({ label: executive.name });
  await page.getByRole('button', { name: 'Log feedback' }).click();

  await expect(page).toHaveURL(/\/feedback\/[0-9a-f-]{36}$/);
  const itemUrl = page.url();
  await expect(
    page.getByRole('heading', { level: 1, name: `Feedback from ${client.name}` }),
  ).toBeVisible();
  await expect(page.getByText(complaint)).toBeVisible();
  await expect(page.getByText('Routed', { exact: true })).toBeVisible();

  const executiveContext = await browser.newContext({
    storageState: storageStateFor('executive'),
  });
  try {
    const executivePage = await executiveContext.newPage();
    await executivePage.goto('/');
    const routedToMe = executivePage
      .locator('section')
      .filter({ has: executivePage.getByRole('heading', { name: 'Feedback routed to you' }) });
    await routedToMe.getByRole('link', { name: client.name }).click();
    await expect(executivePage).toHaveURL(itemUrl);

    await executivePage.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(executivePage.getByText('Acknowledged', { exact: true })).toBeVisible();

    await executivePage.getByRole('button', { name: 'Resolve' }).click();
    await expect(executivePage.getByText('Say how it was resolved.')).toBeVisible();
    await executivePage
      .getByLabel('Resolution', { exact: true })
      .fill('Moved the report run to the first working day and called Rita.');
    await executivePage.getByRole('button', { name: 'Resolve' }).click();
    await expect(executivePage.getByText('This feedback is resolved.')).toBeVisible();
    await expect(
      executivePage.getByText('Moved the report run to the first working day and called Rita.'),
    ).toBeVisible();

    await executivePage.goto(`/feedback?q=${encodeURIComponent(client.name)}`);
    const row = executivePage
      .getByRole('table', { name: 'Feedback' })
      .getByRole('row', { name: new RegExp(client.name) });
    await expect(row).toContainText('Resolved');
    await expect(row).toContainText(executive.name);

    await executivePage.goto('/');
    await expect(routedToMe.getByRole('link', { name: client.name })).toHaveCount(0);
  } finally {
    await executiveContext.close();
  }
});
