import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createUser, setRecordVisibility } from './support/factories';
import { createProposalRow } from './support/proposal-records';
import { pdfText } from '../tests/support/pdf-text';

test.describe('the proposal PDF', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('downloads as a PDF for someone who sees the client, and is not found otherwise', async ({
    page,
  }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(`Pdf Client ${Date.now()}`, { coordinatorId: me.id });
    const proposal = await createProposalRow(client.id, {
      title: 'Brand refresh: phase 1',
      body: '# Scope\n\n- **Workshop**\n- Design',
      amountCents: 1_200_000,
      validUntil: '2026-12-31',
    });
    const response = await page.request.get(`/proposals/${proposal.id}/pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="Brand refresh phase 1.pdf"; filename*=UTF-8''Brand%20refresh%20phase%201.pdf`,
    );
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);

    const someoneElse = await createUser('executive');
    const hidden = await createClient(`Hidden Pdf Client ${Date.now()}`, {
      ownerId: someoneElse.id,
    });
    const hiddenProposal = await createProposalRow(hidden.id, {
      title: 'Not yours',
      body: 'Secret',
      amountCents: 100,
      validUntil: '2026-12-31',
    });
    // Left as is afterwards: switching back could pull the setting from under visibility.spec,
    // and every spec assigns its clients to their reader, so "assigned" changes nothing for them.
    await setRecordVisibility('assigned');
    expect((await page.request.get(`/proposals/${hiddenProposal.id}/pdf`)).status()).toBe(404);
    expect((await page.request.get(`/proposals/${proposal.id}/pdf`)).status()).toBe(200);
  });
});

test.describe('a proposal PDF in any script', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('downloads from the page under its UTF-8 name, with the names written in it', async ({
    page,
  }) => {
    const me = signedInUser('coordinator');
    const clientName = `Zażółć Şişecam Ελληνική Москва ${Date.now()}`;
    const client = await createClient(clientName, { coordinatorId: me.id });
    const proposal = await createProposalRow(client.id, {
      title: 'Oferta Łódź — İstanbul → Πρόταση Предложение',
      body: 'Budżet **1 200 €** → Київ',
      amountCents: 120_000,
      validUntil: '2026-12-31',
    });
    await page.goto(`/proposals/${proposal.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Oferta Łódź İstanbul Πρόταση Предложение.pdf');

    const response = await page.request.get(`/proposals/${proposal.id}/pdf`);
    expect(response.headers()['content-disposition']).toMatch(
      /^attachment; filename="Oferta Lodz Istanbul\.pdf"; filename\*=UTF-8''Oferta%20%C5%81%C3%B3d%C5%BA%20/,
    );
    const text = pdfText(await response.body());
    for (const expected of [clientName, 'Budżet 1 200 € → Київ', 'Oferta Łódź — İstanbul']) {
      expect(text).toContain(expected);
    }
  });
});
