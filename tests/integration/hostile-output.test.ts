import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { notifications } from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { createClientCommand } from '@/server/clients/commands';
import { contractPdf } from '@/server/contracts/pdf';
import { invoicePdf } from '@/server/invoices/pdf';
import { deliverNotificationEmail } from '@/server/jobs/deliver-notification-emails';
import { calendarFeedFor, createCalendarFeedCommand } from '@/server/meetings/feed';
import { mailSender } from '@/server/notifications/email';
import { proposalPdf } from '@/server/proposals/pdf';
import { clientForm } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { createDealRecord } from '../support/deal-factories';
import { createActor, expectOk } from '../support/factories';
import { hostilePayloads, singleLinePayloads, storedForm } from '../support/hostile-payloads';
import { draftInvoice, invoiceLine } from '../support/invoice-factories';
import { parseIcs, scheduleMeeting } from '../support/meeting-factories';
import { pdfText } from '../support/pdf-text';
import { createProposal } from '../support/proposal-factories';
import { startSmtpServer } from '../support/smtp-server';

// The export routes read the signed-in user from the request; here it is whoever the test says.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getUserForRoute: async () => session.user,
}));
const exportRoutes = {
  clients: (await import('@/app/(portal)/clients/export/route')).GET,
  pipeline: (await import('@/app/(portal)/pipeline/export/route')).GET,
  contracts: (await import('@/app/(portal)/contracts/export/route')).GET,
  invoices: (await import('@/app/(portal)/invoices/export/route')).GET,
};

const allPayloads = Object.values(hostilePayloads);
// A line that the .ics payload would add to a calendar file if its line breaks got through.
const injectedIcsLine = /^(SUMMARY:Injected|ATTENDEE:mailto:x@attacker|Bcc:|X-Injected)/im;
/**
 * Text as compared with a PDF's: without white space, which line wrapping moves about, or bidi
 * overrides, which the PDF draws as blanks (so they cannot turn round the text after them).
 */
const flattened = (text: string) => text.replace(/[\s\u202a-\u202e\u2066-\u2069]+/g, '');

let manager: CurrentUser;
const clientIds: string[] = [];

beforeAll(async () => {
  manager = await createActor('manager');
  for (const { text } of singleLinePayloads) {
    const created = await executeAction(createClientCommand, manager, clientForm({ name: text }));
    clientIds.push(expectOk(created).id);
  }
});

describe('hostile text in the PDFs', () => {
  const texts = singleLinePayloads.map(({ text }) => storedForm(text));
  // Bodies and terms are Markdown, so `*…*` and `[…](…)` render as emphasis and links there.
  const markdownFree = texts.filter((text) => !/[*_[\]]/.test(text));
  const bodyOf = (items: string[]) => items.map((text) => `- ${text}`).join('\n');

  it.each([
    [
      'proposal',
      async (clientId: string) => {
        const proposal = await createProposal(db, {
          clientId,
          title: texts[0],
          body: bodyOf(texts),
          status: 'approved',
        });
        return proposalPdf(manager, proposal.id);
      },
      [texts[0]!, ...markdownFree],
    ],
    [
      'contract',
      async (clientId: string) => {
        const contract = await createContractRecord(clientId, {
          title: texts[1],
          terms: bodyOf(texts),
        });
        return contractPdf(manager, contract.id);
      },
      [texts[1]!, ...markdownFree],
    ],
    [
      'invoice',
      async (clientId: string) => {
        const lines = singleLinePayloads.map(({ text }) => invoiceLine({ description: text }));
        return invoicePdf(manager, (await draftInvoice(manager, clientId, lines)).id);
      },
      texts,
    ],
  ] as const)('read back literally from the %s PDF', async (_kind, render, expected) => {
    const pdf = await render(clientIds[0]!);
    if (!pdf) throw new Error('no PDF');
    const text = flattened(pdfText(pdf.content));
    for (const payload of expected) expect(text).toContain(flattened(payload));
  });
});

describe('hostile text in the CSV exports', () => {
  beforeAll(async () => {
    for (const [index, clientId] of clientIds.entries()) {
      const text = storedForm(singleLinePayloads[index]!.text);
      await createDealRecord(clientId, { name: text });
      await createContractRecord(clientId, { title: text });
      await draftInvoice(manager, clientId, [invoiceLine({ description: text })]);
    }
  });

  it.each(Object.entries(exportRoutes))(
    'no cell of the %s export starts a formula',
    async (_name, route) => {
      session.user = manager;
      // A NUL in the search, which PostgreSQL cannot take, is dropped as the list page drops it.
      const response = await route(new Request('http://accord.test/export?size=100&q=%00'));
      expect(response.status).toBe(200);
      const { data } = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      });
      const cells = data.flat();
      expect(cells.some((cell) => cell.includes('HYPERLINK'))).toBe(true);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});

describe('hostile text in calendar files and e-mail', () => {
  const multiLine = [hostilePayloads.icsInjection, hostilePayloads.headerInjection];

  it('keeps a title with line breaks one SUMMARY of one event in the feed', async () => {
    const coordinator = await createActor('coordinator');
    for (const [index, title] of multiLine.entries()) {
      await scheduleMeeting(coordinator, [coordinator.id], {
        clientId: clientIds[0],
        title,
        startTime: `1${index}:00`,
        endTime: `1${index}:30`,
      });
    }
    const { path } = expectOk(await executeAction(createCalendarFeedCommand, coordinator, {}));
    const feed = await calendarFeedFor(path.replace('/calendar/feed/', '').replace(/\.ics$/, ''));
    if (!feed) throw new Error('no feed');
    expect(feed).not.toMatch(injectedIcsLine);
    const { events } = parseIcs(feed);
    expect(events).toHaveLength(2);
    // The line breaks are text inside the summary, read back as newlines.
    expect(events.map((event) => event.summary).sort()).toEqual(
      multiLine.map((title) => title.replace(/\r\n/g, '\n')).sort(),
    );
  });

  it('sends an invitation whose headers hold no injected line and whose text is literal', async () => {
    const smtp = await startSmtpServer();
    try {
      await db.delete(notifications);
      const executive = await createActor('executive');
      for (const [index, title] of [...multiLine, hostilePayloads.scriptTag].entries()) {
        await scheduleMeeting(manager, [executive.id], {
          clientId: clientIds[1],
          title,
          agenda: allPayloads.join('\n'),
          startTime: `1${index}:00`,
          endTime: `1${index}:30`,
        });
      }
      const jobId = '00000000-0000-4000-8000-000000000002';
      const queued = await db
        .update(notifications)
        .set({ emailStatus: 'queued', emailJobId: jobId })
        .returning({ id: notifications.id });
      expect(queued).toHaveLength(3);
      const send = mailSender({ SMTP_URL: smtp.url });
      for (const { id } of queued) {
        await deliverNotificationEmail(db, { jobId, notificationId: id, final: true }, send);
      }
      expect(smtp.messages).toHaveLength(3);
      for (const message of smtp.messages) {
        expect([...message.headers.keys()]).not.toContain('bcc');
        expect([...message.headers.keys()]).not.toContain('x-injected');
        expect(message.bcc).toBeUndefined();
        expect(message.subject).not.toMatch(/[\r\n]/);
        // Plain text only: no HTML part that a mail client could render.
        expect(message.html).toBe(false);
        const invitation = message.attachments.find((file) => file.contentType === 'text/calendar');
        const ics = invitation!.content.toString('utf8');
        expect(ics).not.toMatch(injectedIcsLine);
        expect(parseIcs(ics).events).toHaveLength(1);
      }
      const subjects = smtp.messages.map((message) => message.subject);
      expect(subjects.some((subject) => subject?.includes(hostilePayloads.scriptTag))).toBe(true);
    } finally {
      await smtp.close();
    }
  });
});
