import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { signedInUser, signedOut, signInAndWait, storageStateFor } from './support/auth';
import { createBusyMeeting, createClient, createContact, createUser } from './support/factories';

test.use({ storageState: storageStateFor('coordinator') });

/** The next weekday (Monday to Friday) after today, as YYYY-MM-DD in UTC. */
function nextWorkingDay() {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

test('a coordinator schedules a demo around a busy executive, who sees it on their calendar', async ({
  page,
  browser,
}) => {
  const coordinator = signedInUser('coordinator');
  const stamp = Date.now().toString(36);
  const executive = await createUser('executive', { name: `Erin Busy ${stamp}` });
  const client = await createClient(`Demo Client ${stamp}`, { coordinatorId: coordinator.id });
  await createContact(client.id, `Chris Contact ${stamp}`, `chris-${stamp}@client.test`);
  const day = nextWorkingDay();
  await createBusyMeeting(
    client.id,
    executive.id,
    `Board call ${stamp}`,
    new Date(`${day}T10:00:00Z`),
    new Date(`${day}T11:00:00Z`),
  );

  await page.goto(`/calendar/new?client=${client.id}`);
  await expect(page.getByText(`Client: ${client.name}`)).toBeVisible();
  await page.getByLabel('Kind').selectOption('demo');
  await page.getByLabel('Title').fill(`Product demo ${stamp}`);
  await page.getByLabel('Date', { exact: true }).fill(day);
  await page.getByLabel('Start', { exact: true }).fill('10:30');
  await page.getByLabel('End', { exact: true }).fill('11:30');
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByLabel(new RegExp(`^Erin Busy ${stamp}`)).check();
  await page.getByLabel(`Chris Contact ${stamp}`).check();
  await page.getByRole('button', { name: 'Schedule meeting' }).click();

  const warning = page.getByRole('alert').filter({ hasText: 'This overlaps other meetings' });
  await expect(warning).toContainText(`Erin Busy ${stamp} is busy`);
  await expect(warning).toContainText(`Board call ${stamp}`);

  await page.getByRole('button', { name: 'Find 60 free minutes' }).click();
  const slots = page.getByRole('list', { name: 'Free slots' }).getByRole('button');
  await expect(slots.first()).toBeVisible();
  await slots.first().click();
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Product demo ${stamp}` }),
  ).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: `Erin Busy ${stamp}` }),
  ).toBeVisible();

  // The executive finds it on their own calendar, in the agenda of the next two weeks.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const executivePage = await context.newPage();
  await signInAndWait(executivePage, executive);
  await executivePage.goto('/calendar?view=agenda');
  await expect(executivePage.getByRole('link', { name: `Product demo ${stamp}` })).toBeVisible();
  await expect(executivePage.getByRole('link', { name: `Board call ${stamp}` })).toBeVisible();
  await context.close();
});

test('the feed link parses as iCalendar and is refused once revoked', async ({ page }) => {
  await page.goto('/profile');
  const feedCard = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Calendar feed' }) });
  await feedCard.getByRole('button', { name: /(Create|Replace) feed link/ }).click();
  const url = await feedCard.getByLabel('Your feed link').inputValue();
  expect(url).toMatch(/\/calendar\/feed\/[\w-]+\.ics$/);

  const response = await page.request.get(url, { headers: { cookie: '' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  expect(calendar.getFirstPropertyValue('prodid')).toContain('Accord');
  expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');

  await feedCard.getByRole('button', { name: 'Revoke feed link' }).click();
  await expect(feedCard.getByText('You have no feed link.')).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
});

test("the home page lists the first of today's meetings and links the rest to the day's agenda", async ({
  browser,
}) => {
  const coordinator = await createUser('coordinator');
  const stamp = Date.now().toString(36);
  const client = await createClient(`Busy Day ${stamp}`, { coordinatorId: coordinator.id });
  // Nine meetings ten minutes apart from today's midnight (UTC, the new user's zone).
  const midnight = new Date(new Date().toISOString().slice(0, 10)).getTime();
  for (let index = 0; index < 9; index++) {
    const startsAt = new Date(midnight + index * 10 * 60_000);
    await createBusyMeeting(
      client.id,
      coordinator.id,
      `Stand-up ${index + 1} ${stamp}`,
      startsAt,
      new Date(startsAt.getTime() + 5 * 60_000),
    );
  }

  const context = await browser.newContext(signedOut);
  const page = await context.newPage();
  await signInAndWait(page, coordinator);
  const todays = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Today’s meetings' }) });
  await expect(todays.getByRole('listitem')).toHaveCount(8);
  await expect(todays.getByRole('link', { name: `Stand-up 1 ${stamp}` })).toBeVisible();
  await expect(todays.getByRole('link', { name: `Stand-up 9 ${stamp}` })).toHaveCount(0);

  await todays.getByRole('link', { name: '1 more today' }).click();
  await expect(page).toHaveURL(/\/calendar\?view=agenda&date=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('link', { name: new RegExp(`Stand-up 9 ${stamp}`) })).toBeVisible();
  await context.close();
});
