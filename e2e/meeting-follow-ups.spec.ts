import { expect, test } from '@playwright/test';
import { signedInUser, signedOut, signInAndWait, storageStateFor } from './support/auth';
import { createBusyMeeting, createClient, createUser } from './support/factories';

test.use({ storageState: storageStateFor('coordinator') });

test('a coordinator completes a meeting with follow-ups and logs feedback heard in it', async ({
  page,
  browser,
}) => {
  const coordinator = signedInUser('coordinator');
  const stamp = Date.now().toString(36);
  const executive = await createUser('executive', { name: `Ezra Follow ${stamp}` });
  // Owned by the executive and coordinated by the coordinator, so both see it under `assigned`.
  const client = await createClient(`Follow-up Client ${stamp}`, {
    ownerId: executive.id,
    coordinatorId: coordinator.id,
  });
  // Started a minute ago, so it is both today's and ready to be completed.
  const now = Date.now();
  await createBusyMeeting(
    client.id,
    coordinator.id,
    `Quarterly review ${stamp}`,
    new Date(now - 60_000),
    new Date(now + 29 * 60_000),
  );
  const today = new Date(now).toISOString().slice(0, 10);
  const taskTitle = `Send the revised media plan ${stamp}`;

  await page.goto('/');
  const todays = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Today’s meetings' }) });
  await todays.getByRole('link', { name: `Quarterly review ${stamp}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Quarterly review ${stamp}` }),
  ).toBeVisible();

  await page.getByLabel('Outcome notes').fill('Agreed to shift budget towards video.');
  await page.getByRole('button', { name: 'Add follow-up task' }).click();
  await page.getByLabel('Task 1', { exact: true }).fill(taskTitle);
  await page.getByLabel('Assignee of task 1').selectOption({ label: executive.name });
  await page.getByLabel('Due date of task 1').fill(today);
  await page.getByRole('button', { name: 'Mark completed' }).click();
  await expect(page.getByText('Meeting completed with 1 follow-up tasks.')).toBeVisible();

  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByText('Agreed to shift budget towards video.')).toBeVisible();
  const tasksCard = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Tasks', exact: true }) });
  await expect(tasksCard.getByRole('listitem').filter({ hasText: taskTitle })).toContainText(
    executive.name,
  );

  await page.getByRole('link', { name: 'Log feedback' }).click();
  await expect(page.getByText(`Heard in: Quarterly review ${stamp}`)).toBeVisible();
  await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('meeting');
  await page.getByLabel('Sentiment', { exact: true }).selectOption({ label: 'Positive' });
  await page.getByLabel('What the client said', { exact: true }).fill('Loved the new creative.');
  await page.getByRole('button', { name: 'Log feedback' }).click();
  await expect(page).toHaveURL(/\/feedback\/[0-9a-f-]{36}$/);
  await page.getByRole('link', { name: `Quarterly review ${stamp}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Quarterly review ${stamp}` }),
  ).toBeVisible();

  // The client page lists it among the client's recent meetings, beside a prefilled scheduling link.
  await page.goto(`/clients/${client.id}`);
  const meetingsPanel = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Meetings', exact: true }) });
  await expect(
    meetingsPanel
      .getByRole('list', { name: 'Recent' })
      .getByRole('listitem')
      .filter({ hasText: `Quarterly review ${stamp}` }),
  ).toContainText('Completed');
  await expect(meetingsPanel.getByRole('link', { name: 'Schedule meeting' })).toHaveAttribute(
    'href',
    `/calendar/new?client=${client.id}`,
  );

  // The assignee finds the follow-up in their own "My work".
  const context = await browser.newContext(signedOut);
  try {
    const executivePage = await context.newPage();
    await signInAndWait(executivePage, executive);
    const tasksDue = executivePage
      .locator('section')
      .filter({ has: executivePage.getByRole('heading', { name: 'Tasks due' }) });
    await expect(tasksDue.getByRole('link', { name: taskTitle })).toBeVisible();
    await expect(tasksDue).toContainText(client.name);
  } finally {
    await context.close();
  }
});
