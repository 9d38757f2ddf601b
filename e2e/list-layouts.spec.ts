import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient } from './support/factories';

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test('filtering a list re-renders its table alone: the header, saved views and filter choices stay, and the strip follows the address', async ({
  browser,
}) => {
  const coordinator = signedInUser('coordinator');
  // Offered by the owner filter, and on none of the rows.
  const executive = signedInUser('executive');
  const tag = stamp();
  const assigned = { coordinatorId: coordinator.id, ownerId: coordinator.id };
  await createClient(`Layout ${tag} Active`, { ...assigned, status: 'active' });
  await createClient(`Layout ${tag} Paused`, { ...assigned, status: 'paused' });

  const context = await browser.newContext({ storageState: storageStateFor('coordinator') });
  const page = await context.newPage();
  await page.goto(`/clients?q=${tag}`);
  await expect(page.getByRole('link', { name: `Layout ${tag} Paused` })).toBeVisible();

  const navigation = page.waitForRequest(
    (request) =>
      request.headers()['rsc'] === '1' &&
      !request.headers()['next-router-prefetch'] &&
      new URL(request.url()).searchParams.get('status') === 'active',
  );
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  const sent = await navigation;
  // Replayed as the browser sent it (router state tree and all), to read what the server answers.
  const payload = await (
    await page.request.get(sent.url(), { headers: await sent.allHeaders() })
  ).text();

  // The navigation carried the new rows, and neither the header nor the people of the filters.
  expect(payload).toContain(`Layout ${tag} Active`);
  expect(payload).not.toContain(`Layout ${tag} Paused`);
  expect(payload).not.toContain('Every account of the agency');
  expect(payload).not.toContain(executive.name);

  await expect(page.getByRole('link', { name: `Layout ${tag} Paused` })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  // The strip kept by the layout still reads the address: "All" no longer matches it.
  await expect(page.getByText('Filtered', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('combobox', { name: 'Owner' }).getByRole('option', { name: executive.name }),
  ).toHaveCount(1);
  await context.close();
});
