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

const otherLists = [
  {
    path: '/contracts',
    title: 'Contracts',
    table: 'ContractsTable',
    param: 'status',
    filter: 'Status',
    header: 'Start one from an accepted proposal',
    empty: 'No contracts match these filters.',
    savedViews: true,
  },
  {
    path: '/invoices',
    title: 'Invoices',
    table: 'InvoicesTable',
    param: 'status',
    filter: 'Status',
    header: 'payments and what is still owed',
    empty: 'No invoices match these filters.',
    savedViews: true,
  },
  {
    path: '/campaigns',
    title: 'Campaigns',
    table: 'CampaignsTable',
    param: 'status',
    filter: 'Status',
    header: 'what is planned, committed and spent',
    empty: 'No campaigns match these filters.',
    savedViews: true,
    people: 'Owner',
  },
  {
    path: '/materials',
    title: 'Materials',
    table: 'MaterialsTable',
    param: 'status',
    filter: 'Status',
    header: 'demos and sheets the team makes',
    empty: 'No materials match these filters.',
    savedViews: true,
    people: 'Assignee',
  },
  {
    path: '/feedback',
    title: 'Feedback',
    table: 'FeedbackTable',
    param: 'status',
    filter: 'Status',
    header: 'who answers it, and when it is due',
    empty: 'No feedback matches these filters.',
    people: 'Routed to',
  },
  {
    path: '/tasks',
    title: 'Tasks',
    table: 'TasksTable',
    param: 'status',
    filter: 'Status',
    header: 'each with a due time and an assignee',
    empty: 'No tasks match these filters.',
    people: 'Assignee',
  },
  {
    path: '/admin/users',
    title: 'Users',
    table: 'UsersTable',
    param: 'role',
    filter: 'Role',
    header: 'Everyone who can sign in to Accord',
    empty: 'No users match these filters.',
    savedViews: true,
    role: 'manager' as const,
  },
];

for (const list of otherLists) {
  test(`filtering ${list.path} answers with its table alone, the header${list.people ? ' and the people' : ''} kept by the layout`, async ({
    browser,
  }) => {
    const context = await browser.newContext({
      storageState: storageStateFor(list.role ?? 'coordinator'),
    });
    const page = await context.newPage();
    // A search nothing matches: any person's name in the answer could only come from the layout.
    await page.goto(`${list.path}?q=nothing-${stamp()}`);
    await expect(page.getByRole('heading', { name: list.title, level: 1 })).toBeVisible();

    const navigation = page.waitForRequest(
      (request) =>
        request.headers()['rsc'] === '1' &&
        !request.headers()['next-router-prefetch'] &&
        new URL(request.url()).searchParams.has(list.param),
    );
    await page.getByRole('combobox', { name: list.filter }).selectOption({ index: 1 });
    const sent = await navigation;
    const answer = await page.request.get(sent.url(), { headers: await sent.allHeaders() });
    expect(answer.ok()).toBe(true);
    const payload = await answer.text();

    // The answer carries the table with its rows, and neither the header nor the people.
    expect(payload).toContain(`"${list.table}"]`);
    expect(payload).toContain('"rows":{');
    expect(payload).not.toContain(list.header);
    if (list.people) expect(payload).not.toContain(signedInUser('executive').name);
    await expect(page.getByText(list.empty)).toBeVisible();
    await expect(page.getByText(list.header)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]${list.param}=`));
    if (list.savedViews) await expect(page.getByText('Filtered', { exact: true })).toBeVisible();
    if (list.people) {
      // The filter's select, which offers "Anyone"; a form on the page may ask for a person too.
      const peopleFilter = page
        .getByRole('combobox', { name: list.people })
        .filter({ has: page.getByRole('option', { name: 'Anyone' }) });
      await expect(
        peopleFilter.getByRole('option', { name: signedInUser('executive').name }),
      ).toHaveCount(1);
    }
    await context.close();
  });
}
