import { beforeEach, describe, expect, it } from 'vitest';
import { executeAction } from '@/server/action';
import {
  addResearchNoteCommand,
  deleteResearchNoteCommand,
  linkCompetitorCommand,
  unlinkCompetitorCommand,
} from '@/server/clients/commands';
import { getClientWithRecords } from '@/server/clients/queries';
import { createCompetitorCommand, updateCompetitorCommand } from '@/server/competitors/commands';
import { getCompetitor, listCompetitors } from '@/server/competitors/queries';
import { createActor } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';

beforeEach(async () => {
  await setVisibility('open');
});

describe('the competitor registry', () => {
  it('adds, edits against a version, refuses duplicate names and links to clients', async () => {
    const coordinator = await createActor('coordinator');
    const name = `Rival ${Math.random().toString(36).slice(2, 7)}`;
    const created = await executeAction(createCompetitorCommand, coordinator, {
      name,
      website: 'rival.example',
      strengths: 'Fast',
    });
    if (!created.ok) throw new Error(created.error);
    expect(
      await executeAction(createCompetitorCommand, coordinator, { name: name.toUpperCase() }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: ['A competitor with this name already exists.'] },
    });

    const edited = await executeAction(updateCompetitorCommand, coordinator, {
      competitorId: created.data.id,
      version: '1',
      name,
      weaknesses: 'Pricey',
    });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect(
      await executeAction(updateCompetitorCommand, coordinator, {
        competitorId: created.data.id,
        version: '1',
        name,
      }),
    ).toMatchObject({
      ok: false,
      code: 'stale',
    });

    const client = await createClientRecord({ coordinatorId: coordinator.id });
    expect(
      await executeAction(linkCompetitorCommand, coordinator, {
        clientId: client.id,
        competitorId: created.data.id,
      }),
    ).toMatchObject({ ok: true });
    expect(
      (await getCompetitor(coordinator, created.data.id)).clients.map((row) => row.id),
    ).toEqual([client.id]);
    expect(
      (await listCompetitors(coordinator)).find((row) => row.id === created.data.id)?.clientCount,
    ).toBe(1);
    expect(
      (await getClientWithRecords(coordinator, client.id)).competitors.map((row) => row.name),
    ).toEqual([name]);

    await executeAction(unlinkCompetitorCommand, coordinator, {
      clientId: client.id,
      competitorId: created.data.id,
    });
    expect((await getCompetitor(coordinator, created.data.id)).clients).toEqual([]);
  });

  it('counts and lists only the clients the viewer may see', async () => {
    const manager = await createActor('manager');
    const coordinator = await createActor('coordinator');
    const created = await executeAction(createCompetitorCommand, manager, {
      name: `Hidden Rival ${Date.now()}`,
    });
    if (!created.ok) throw new Error(created.error);
    const hidden = await createClientRecord();
    await executeAction(linkCompetitorCommand, manager, {
      clientId: hidden.id,
      competitorId: created.data.id,
    });
    await setVisibility('assigned');
    expect((await getCompetitor(coordinator, created.data.id)).clients).toEqual([]);
    expect(
      (await listCompetitors(coordinator)).find((row) => row.id === created.data.id)?.clientCount,
    ).toBe(0);
    expect((await getCompetitor(manager, created.data.id)).clients).toHaveLength(1);
  });
});

describe('research notes', () => {
  it('can be deleted by their author or a manager, not by anyone else', async () => {
    const [author, colleague, manager] = [
      await createActor('coordinator'),
      await createActor('executive'),
      await createActor('manager'),
    ];
    const client = await createClientRecord();
    const add = () =>
      executeAction(addResearchNoteCommand, author, {
        clientId: client.id,
        topic: 'market',
        summary: 'Budget moves to Q3',
        sourceUrl: 'news.example/q3',
      });
    const first = await add();
    const second = await add();
    if (!first.ok || !second.ok) throw new Error('note not added');
    expect(
      await executeAction(deleteResearchNoteCommand, colleague, {
        clientId: client.id,
        noteId: first.data.id,
      }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await executeAction(deleteResearchNoteCommand, author, {
        clientId: client.id,
        noteId: first.data.id,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await executeAction(deleteResearchNoteCommand, manager, {
        clientId: client.id,
        noteId: second.data.id,
      }),
    ).toMatchObject({ ok: true });
    expect((await getClientWithRecords(manager, client.id)).research).toEqual([]);
  });

  it('refuses a topic that does not exist and a source that is not a web address', async () => {
    const author = await createActor('coordinator');
    const client = await createClientRecord();
    const result = await executeAction(addResearchNoteCommand, author, {
      clientId: client.id,
      topic: 'gossip',
      summary: 'x',
      sourceUrl: 'javascript:alert(1)',
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((!result.ok && result.fieldErrors) || {}).sort()).toEqual([
      'sourceUrl',
      'topic',
    ]);
  });
});
