import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createDeal, createPublishedTemplate } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.use({ storageState: storageStateFor('coordinator') });

test('the author sees the missing values in the editor and cannot submit until they are filled', async ({
  page,
}) => {
  const me = signedInUser('coordinator');
  const owner = signedInUser('executive');
  const clientName = unique('**Quayside** <b>Foods</b>');
  const client = await createClient(clientName, { ownerId: owner.id, coordinatorId: me.id });
  const deal = await createDeal(client.id, unique('Autumn menu'), { amountCents: 0 });
  const template = await createPublishedTemplate(
    unique('Readiness proposal'),
    '# For {{client.name}}\n\nDear {{contact.name}}, this is worth {{deal.amount}}.',
  );

  await page.goto(`/clients/${client.id}`);
  await page.getByRole('link', { name: 'New proposal' }).click();
  await page.getByLabel('Template').selectOption({ label: template.name });
  await page.getByLabel('Deal').selectOption({ label: `${deal.name} (Negotiation)` });
  await page.getByRole('button', { name: 'Create draft' }).click();

  // The client's name is text, not Markdown or HTML, in the preview.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: `For ${clientName}` })).toBeVisible();
  await expect(preview.locator('strong, b')).toHaveCount(0);

  const missing = page.getByRole('region', {
    name: 'Missing before this can be submitted or sent',
  });
  await expect(missing.getByRole('listitem')).toHaveText([
    'Amount is zero — enter it in the draft’s Amount field',
    /^\{\{contact\.name\}\}: the client has no primary contact — add or mark one on the client/,
    /^\{\{deal\.amount\}\}: the deal amount is empty — set it on the deal/,
  ]);
  await expect(missing.getByRole('link', { name: 'Open the deal' })).toHaveAttribute(
    'href',
    `/deals/${deal.id}`,
  );
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Submit for review' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'cannot be submitted yet' });
  await expect(refusal).toContainText('{{contact.name}}: the client has no primary contact');
  await expect(refusal).toContainText('{{deal.amount}}: the deal amount is empty');
  // Still a draft: the editor and the submit button stay.
  await expect(page.getByRole('heading', { name: 'Draft', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();

  // The list follows the draft as it is typed.
  await page.getByLabel('Amount').fill('12,000');
  const body = page.getByLabel('Body (Markdown)');
  await body.fill(`# For the team\n\nDear Ada, this is worth $12,000.`);
  await expect(
    page.getByText('Ready: every merge field is filled and the amount is set.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('In review', { exact: true })).toBeVisible();
});
