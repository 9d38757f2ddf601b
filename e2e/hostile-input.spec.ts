import { expect, test, type Page } from '@playwright/test';
import {
  hostilePayloads,
  injectedElementSelector,
  singleLinePayloads,
  storedForm,
} from '../tests/support/hostile-payloads';
import { signedInUser, storageStateFor } from './support/auth';
import { countClientsNamed, createRecordsShowing } from './support/hostile-records';
import { openSearchPalette } from './support/palette';

test.use({ storageState: storageStateFor('coordinator') });

// The one-line payloads in groups short enough for any name field (a contact's title: 120), each group
// behind a tag of its own that finds its records in lists and search.
function payloadGroups() {
  const groups: string[][] = [[]];
  for (const { text } of singleLinePayloads) {
    const group = groups.at(-1)!;
    if ([...group, text].join(' ').length > 95) groups.push([text]);
    else group.push(text);
  }
  return groups;
}

// Every payload, one a line and as Markdown list items, for the fields that take many lines.
const body = [
  ...Object.values(hostilePayloads),
  ...Object.values(hostilePayloads).map((text) => `- ${text}`),
].join('\n\n');

/** Fails the test on any dialog: a payload that ran would open one. */
function failOnDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** What the payloads would have left in the page had their markup been parsed. */
async function injectedElements(page: Page) {
  return page.evaluate(
    (selector) => [
      ...[...document.querySelectorAll(selector)].map((element) => element.outerHTML),
      ...[...document.querySelectorAll('script')]
        .filter((script) => script.textContent?.trim() === 'alert(1)')
        .map((script) => script.outerHTML),
    ],
    injectedElementSelector,
  );
}

for (const [index, payloads] of payloadGroups().entries()) {
  test(`payload group ${index + 1} shows as text on every page and never runs`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const dialogs = failOnDialogs(page);
    const tag = `Hostile${index}x${Date.now().toString(36)}`;
    const name = `${tag} ${payloads.join(' ')}`;
    const me = signedInUser('coordinator');
    const records = await createRecordsShowing(me.id, storedForm(name), storedForm(body));
    const literal = storedForm(payloads[0]!);

    const pages = [
      `/clients?q=${tag}`,
      `/clients/${records.clientId}`,
      `/pipeline?q=${tag}`,
      `/proposals?q=${tag}`,
      `/proposals/${records.proposalId}`,
      `/meetings/${records.meetingId}`,
      `/feedback/${records.feedbackId}`,
      `/materials?q=${tag}`,
      `/materials/${records.materialId}`,
      `/campaigns?q=${tag}`,
      `/campaigns/${records.campaignId}`,
      '/tasks',
      records.shareLink,
    ];
    for (const path of pages) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByText(literal, { exact: false }).first()).toBeVisible();
        expect(await injectedElements(page)).toEqual([]);
      });
    }

    await test.step('the search palette', async () => {
      await page.goto('/');
      const box = await openSearchPalette(page);
      await box.fill(tag);
      await expect(page.getByRole('option', { name: new RegExp(tag) }).first()).toBeVisible();
      expect(await injectedElements(page)).toEqual([]);
    });
    expect(dialogs).toEqual([]);
  });
}

test('a server action body larger than the limit is refused with 413 before it is read', async ({
  page,
}) => {
  const name = `Oversized ${Date.now().toString(36)}`;
  const response = await page.request.post('/clients/new', {
    headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([{ name, filler: 'x'.repeat(9 * 1024 * 1024) }]),
  });
  expect(response.status()).toBe(413);
  expect(await countClientsNamed(name)).toBe(0);
});
