import { db } from '@/db/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfFileName, proposalPdf } from '@/server/proposals/pdf';
import { createActor } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { pdfText } from '../support/pdf-text';
import { createProposal } from '../support/proposal-factories';

beforeEach(async () => {
  await setVisibility('open');
});

const body = `# Our approach

We will **redesign** the onboarding flow for *Harbor Freight Co*.

- Discovery workshop
- Two design sprints

1. Research
2. Delivery

<script>alert(1)</script>
`;

describe('the proposal PDF', () => {
  it('is a real PDF with the header, client, title, amount, validity, status and body', async () => {
    const viewer = await createActor('coordinator');
    const client = await createClientRecord({ name: 'Harbor Freight Co' });
    const proposal = await createProposal(db, {
      clientId: client.id,
      title: 'Onboarding redesign / phase 2',
      body,
      amountCents: 4_250_000,
      currency: 'USD',
      validUntil: '2026-09-30',
      status: 'approved',
    });

    const pdf = await proposalPdf(viewer, proposal.id);
    if (!pdf) throw new Error('no PDF');
    expect(pdf.fileName).toBe('Onboarding redesign phase 2.pdf');
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);

    const text = pdfText(pdf.content);
    for (const expected of [
      'Accord',
      'Onboarding redesign / phase 2',
      'Harbor Freight Co',
      '$42,500',
      'Sep 30, 2026',
      'Approved',
      'Our approach',
      'redesign',
      'Discovery workshop',
      'Two design sprints',
      '2.',
      'Delivery',
      '<script>alert(1)</script>',
    ]) {
      expect(text).toContain(expected);
    }
    // The Markdown syntax is rendered, not printed.
    expect(text).not.toContain('**');
    expect(text).not.toContain('# Our');
  });

  it('is not found for a user who cannot see the client, or for an unknown proposal', async () => {
    const [coordinator, assigned, manager] = [
      await createActor('coordinator'),
      await createActor('executive'),
      await createActor('manager'),
    ];
    const client = await createClientRecord({ ownerId: assigned.id });
    const proposal = await createProposal(db, { clientId: client.id });
    await setVisibility('assigned');
    expect(await proposalPdf(coordinator, proposal.id)).toBeNull();
    expect(await proposalPdf(assigned, proposal.id)).not.toBeNull();
    expect(await proposalPdf(manager, proposal.id)).not.toBeNull();
    expect(await proposalPdf(manager, crypto.randomUUID())).toBeNull();
  });

  it('writes Polish, Turkish, Greek and Cyrillic names, € and → in embedded Noto Sans', async () => {
    const viewer = await createActor('coordinator');
    const names = {
      polish: 'Zażółć gęślą jaźń Łódź Sp. z o.o.',
      turkish: 'İstanbul Şişecam Ağ ılık Ünlü Çay',
      greek: 'Ελληνική Εταιρεία Ωμέγα',
      cyrillic: 'ООО «Москва-Жёлтый» Київ',
    };
    const client = await createClientRecord({ name: names.polish });
    const proposal = await createProposal(db, {
      clientId: client.id,
      title: `${names.turkish} → 2027`,
      body: `# ${names.greek}\n\nBudżet: **1 200 €** → ${names.cyrillic}\n\n- *${names.turkish}*\n\n\`kod → €\``,
      amountCents: 120_000,
      currency: 'EUR',
    });

    const pdf = await proposalPdf(viewer, proposal.id);
    if (!pdf) throw new Error('no PDF');
    expect(pdf.fileName).toBe(`${names.turkish} 2027.pdf`);
    const text = pdfText(pdf.content);
    for (const expected of [
      ...Object.values(names),
      `${names.turkish} → 2027`,
      'Amount: €1,200',
      'Budżet: ',
      '1 200 €',
      `→ ${names.cyrillic}`,
      'kod → €',
    ]) {
      expect(text).toContain(expected);
    }
    const source = pdf.content.toString('latin1');
    expect(source).toContain('+NotoSans-Regular');
    expect(source).toContain('+NotoSans-Bold');
    expect(source).toContain('+NotoSansMath-Regular');
    // No built-in (AFM) font: those cover Western European letters only.
    expect(source).not.toMatch(/\/BaseFont \/(Helvetica|Courier|Times)/);
  });

  it('names the file from the title, safely, in any script', () => {
    expect(pdfFileName('Q3 "Retainer"; rm -rf / <b>')).toBe('Q3 Retainer rm -rf b.pdf');
    expect(pdfFileName('***')).toBe('proposal.pdf');
    expect(pdfFileName('Oferta: Łódź / Πρόταση → Предложение')).toBe(
      'Oferta Łódź Πρόταση Предложение.pdf',
    );
    expect(pdfFileName(`${'𝒜'.repeat(100)}`)).toBe(`${'𝒜'.repeat(80)}.pdf`);
  });
});
