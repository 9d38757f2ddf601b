import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signedOut, signInAndWait, storageStateFor } from './support/auth';
import { createClient, createUser } from './support/factories';

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test('a coordinator saves a filtered clients view and shares it; an executive opens it and sees the filtered rows', async ({
  browser,
}) => {
  const coordinator = signedInUser('coordinator');
  const executive = signedInUser('executive');
  const tag = stamp();
  // Assigned to both, so they read them whatever the record visibility is.
  const assigned = { coordinatorId: coordinator.id, ownerId: executive.id };
  const active = await createClient(`Viewed ${tag} Active`, { ...assigned, status: 'active' });
  const paused = await createClient(`Viewed ${tag} Paused`, { ...assigned, status: 'paused' });
  const viewName = `Active ${tag}`;

  const coordinatorContext = await browser.newContext({
    storageState: storageStateFor('coordinator'),
  });
  const page = await coordinatorContext.newPage();
  await page.goto(`/clients?q=${tag}`);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await expect(page).toHaveURL(/status=active/);
  await page.getByRole('button', { name: 'Save as new' }).click();
  await page.getByLabel('View name').fill(viewName);
  await page.getByLabel('Share with the team').check();
  await page.getByRole('button', { name: 'Save view' }).click();
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await expect(views.getByRole('link', { name: new RegExp(`^${viewName}`) })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page).toHaveURL(/view=[0-9a-f-]{36}/);
  await expect(page.getByRole('button', { name: 'Save as new' })).toHaveCount(0);
  await coordinatorContext.close();

  const executiveContext = await browser.newContext({ storageState: storageStateFor('executive') });
  const other = await executiveContext.newPage();
  await other.goto('/clients');
  const sharedTab = other
    .getByRole('navigation', { name: 'Saved views' })
    .getByRole('link', { name: new RegExp(`^${viewName}\\b.*shared`) });
  await expect(sharedTab).toContainText(`by ${coordinator.name}`);
  await sharedTab.click();
  await expect(other).toHaveURL(/status=active/);
  const table = other.getByRole('table', { name: 'Clients' });
  await expect(table.getByRole('link', { name: active.name })).toBeVisible();
  await expect(table.getByRole('link', { name: paused.name })).toHaveCount(0);
  await expect(other.getByRole('combobox', { name: 'Status' })).toHaveValue('active');
  await expectNoSeriousA11yViolations(other);

  // Not theirs: no rename or delete, only the choice to open the list with it.
  await other.getByRole('button', { name: `Options for view ${viewName}` }).click();
  await expect(other.getByRole('button', { name: 'Open by default' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Rename' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  await executiveContext.close();
});

test('the default view opens the list, "All" and explicit links still win, and a changed view can be saved, renamed and deleted', async ({
  browser,
}) => {
  // A user of its own: a default changes what a bare /clients shows for every other spec's user.
  const user = await createUser('executive');
  const tag = stamp();
  const active = await createClient(`Defaulted ${tag} Active`, { ownerId: user.id });
  const paused = await createClient(`Defaulted ${tag} Paused`, {
    ownerId: user.id,
    status: 'paused',
  });
  const viewName = `Paused ${tag}`;
  const context = await browser.newContext(signedOut);
  const page = await context.newPage();
  await signInAndWait(page, user);

  await page.goto(`/clients?q=${tag}&status=paused`);
  await page.getByRole('button', { name: 'Save as new' }).click();
  await page.getByLabel('View name').fill(viewName);
  await page.getByRole('button', { name: 'Save view' }).click();
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await expect(views.getByRole('link', { name: viewName })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: `Options for view ${viewName}` }).click();
  await page.getByRole('button', { name: 'Open by default' }).click();
  await expect(page.getByText(`The list now opens with “${viewName}”.`)).toBeVisible();

  await page.goto('/clients');
  await expect(page).toHaveURL(/\/clients\?view=[0-9a-f-]{36}&q=.+&status=paused$/);
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table.getByRole('link', { name: paused.name })).toBeVisible();
  await expect(table.getByRole('link', { name: active.name })).toHaveCount(0);

  await page.goto(`/clients?q=${tag}`);
  await expect(table.getByRole('link', { name: active.name })).toBeVisible();
  await views.getByRole('link', { name: 'All', exact: true }).click();
  await expect(page).toHaveURL(/\/clients\?view=all$/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('');

  await views.getByRole('link', { name: new RegExp(`^${viewName}`) }).click();
  await expect(page).toHaveURL(/view=[0-9a-f-]{36}&q=.+&status=paused$/);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await expect(page.getByText(`Changed from “${viewName}”`)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(`Saved “${viewName}”.`)).toBeVisible();
  await expect(page.getByText(`Changed from “${viewName}”`)).toHaveCount(0);
  await page.goto('/clients');
  await expect(page).toHaveURL(/status=active/);
  await expect(table.getByRole('link', { name: active.name })).toBeVisible();

  const renamed = `Active ${tag}`;
  await page.getByRole('button', { name: `Options for view ${viewName}` }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill(renamed);
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(views.getByRole('link', { name: new RegExp(`^${renamed}`) })).toBeVisible();

  await page.getByRole('button', { name: `Options for view ${renamed}` }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete view' }).click();
  await expect(page).toHaveURL(/\/clients\?view=all$/);
  await expect(views.getByRole('link', { name: new RegExp(`^${renamed}`) })).toHaveCount(0);
  await page.goto('/clients');
  await expect(page).toHaveURL(/\/clients$/);
  await context.close();
});
