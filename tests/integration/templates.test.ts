import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { proposalTemplates, proposalTemplateVersions } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  archiveTemplateCommand,
  createTemplateCommand,
  publishTemplateCommand,
  updateTemplateCommand,
} from '@/server/templates/commands';
import { getTemplate, listPublishedTemplates, listTemplates } from '@/server/templates/queries';
import { templateListSchema } from '@/lib/validation/templates';
import { auditEntriesFor, createActor } from '../support/factories';

const body = '# Proposal for {{client.name}}\n\nPrepared by {{author.name}} on {{today}}.';

function templateForm(overrides: Record<string, string> = {}) {
  return {
    name: `Retainer ${randomUUID().slice(0, 8)}`,
    category: 'Retainer',
    body,
    ...overrides,
  };
}

async function createTemplate(actor: CurrentUser, overrides: Record<string, string> = {}) {
  const result = await executeAction(createTemplateCommand, actor, templateForm(overrides));
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}

async function templateRow(id: string) {
  const [row] = await db.select().from(proposalTemplates).where(eq(proposalTemplates.id, id));
  if (!row) throw new Error('template missing');
  return row;
}

async function versionsOf(id: string) {
  return db
    .select()
    .from(proposalTemplateVersions)
    .where(eq(proposalTemplateVersions.templateId, id))
    .orderBy(proposalTemplateVersions.number);
}

describe('writing templates', () => {
  it.each<Role>(['coordinator', 'executive', 'manager'])(
    'a %s creates and edits one against its version, audited',
    async (role) => {
      const actor = await createActor(role);
      const id = await createTemplate(actor);
      const created = await templateRow(id);
      expect(created).toMatchObject({ status: 'draft', authorId: actor.id, version: 1 });

      const edited = await executeAction(updateTemplateCommand, actor, {
        ...templateForm({ name: created.name, body: `${body}\n\nBest, {{owner.name}}` }),
        templateId: id,
        version: '1',
      });
      expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
      expect((await templateRow(id)).body).toContain('{{owner.name}}');
      expect((await auditEntriesFor(id)).map((entry) => entry.action).sort()).toEqual([
        'template.created',
        'template.updated',
      ]);
    },
  );

  it('refuses a body with unknown merge fields, naming them, and saves nothing', async () => {
    const coordinator = await createActor('coordinator');
    const form = templateForm({
      body: 'Dear {{client.nmae}}, from {{ownr.name}} and {{client.name}}',
    });
    const result = await executeAction(createTemplateCommand, coordinator, form);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        body: ['Unknown merge fields {{client.nmae}}, {{ownr.name}}. Pick fields from the list.'],
      },
    });
    const { rows } = await listTemplates(coordinator, templateListSchema.parse({ q: form.name }));
    expect(rows).toEqual([]);

    const id = await createTemplate(coordinator);
    expect(
      await executeAction(updateTemplateCommand, coordinator, {
        ...templateForm({ body: 'Hello {{client.nmae}}' }),
        templateId: id,
        version: '1',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { body: ['Unknown merge field {{client.nmae}}. Pick fields from the list.'] },
    });
    expect(await templateRow(id)).toMatchObject({ body, version: 1 });
  });

  it('refuses a stale edit and a duplicate name, and changes nothing', async () => {
    const coordinator = await createActor('coordinator');
    const executive = await createActor('executive');
    const id = await createTemplate(coordinator);
    const { name } = await templateRow(id);
    expect(
      await executeAction(updateTemplateCommand, executive, {
        ...templateForm({ name, body: 'First {{client.name}}' }),
        templateId: id,
        version: '1',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await executeAction(updateTemplateCommand, coordinator, {
        ...templateForm({ name, body: 'Second {{client.name}}' }),
        templateId: id,
        version: '1',
      }),
    ).toMatchObject({ ok: false, code: 'stale' });
    expect((await templateRow(id)).body).toBe('First {{client.name}}');

    expect(
      await executeAction(
        createTemplateCommand,
        coordinator,
        templateForm({ name: name.toUpperCase() }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: ['A template with this name already exists.'] },
    });
  });
});

describe('publishing templates', () => {
  it.each<Role>(['coordinator', 'executive'])(
    'a %s may not publish or archive, and nothing changes',
    async (role) => {
      const actor = await createActor(role);
      const id = await createTemplate(actor);
      for (const command of [publishTemplateCommand, archiveTemplateCommand]) {
        expect(await executeAction(command, actor, { templateId: id, version: '1' })).toMatchObject(
          {
            ok: false,
            code: 'forbidden',
          },
        );
      }
      expect(await templateRow(id)).toMatchObject({
        status: 'draft',
        publishedVersion: null,
        version: 1,
      });
      expect(await versionsOf(id)).toEqual([]);
      expect(await listPublishedTemplates(actor)).not.toContainEqual(
        expect.objectContaining({ id }),
      );
    },
  );

  it('a manager publishes: version 1, then an edit stays published at 1 until republished as 2', async () => {
    const coordinator = await createActor('coordinator');
    const manager = await createActor('manager');
    const id = await createTemplate(coordinator);
    const { name } = await templateRow(id);

    expect(
      await executeAction(publishTemplateCommand, manager, { templateId: id, version: '1' }),
    ).toMatchObject({
      ok: true,
      data: { publishedVersion: 1, newVersion: true, version: 2 },
    });
    expect(await templateRow(id)).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(
      (await versionsOf(id)).map((version) => [
        version.number,
        version.body,
        version.publishedById,
      ]),
    ).toEqual([[1, body, manager.id]]);
    expect(
      await executeAction(publishTemplateCommand, manager, { templateId: id, version: '2' }),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
    });

    const edited = `${body}\n\nValid for 30 days.`;
    await executeAction(updateTemplateCommand, coordinator, {
      ...templateForm({ name, body: edited }),
      templateId: id,
      version: '2',
    });
    expect(await templateRow(id)).toMatchObject({
      status: 'published',
      publishedVersion: 1,
      body: edited,
    });
    expect(await listPublishedTemplates(coordinator)).toContainEqual({
      id,
      name,
      category: 'Retainer',
      body,
      publishedVersion: 1,
    });
    expect((await getTemplate(coordinator, id)).hasUnpublishedChanges).toBe(true);

    expect(
      await executeAction(publishTemplateCommand, manager, { templateId: id, version: '2' }),
    ).toMatchObject({
      ok: false,
      code: 'stale',
    });
    expect(
      await executeAction(publishTemplateCommand, manager, { templateId: id, version: '3' }),
    ).toMatchObject({
      ok: true,
      data: { publishedVersion: 2, newVersion: true },
    });
    expect((await versionsOf(id)).map((version) => [version.number, version.body])).toEqual([
      [1, body],
      [2, edited],
    ]);
    expect(
      (await listPublishedTemplates(coordinator)).find((template) => template.id === id),
    ).toMatchObject({ body: edited, publishedVersion: 2 });
    const detail = await getTemplate(coordinator, id);
    expect(detail.hasUnpublishedChanges).toBe(false);
    expect(detail.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(
      (await auditEntriesFor(id)).filter((entry) => entry.action === 'template.published'),
    ).toHaveLength(2);
  });

  it('archiving hides a template from new proposals; publishing again offers it, without a new version', async () => {
    const manager = await createActor('manager');
    const coordinator = await createActor('coordinator');
    const id = await createTemplate(coordinator);
    await executeAction(publishTemplateCommand, manager, { templateId: id, version: '1' });
    expect((await listPublishedTemplates(coordinator)).map((template) => template.id)).toContain(
      id,
    );

    expect(
      await executeAction(archiveTemplateCommand, manager, { templateId: id, version: '2' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await templateRow(id)).toMatchObject({ status: 'archived', publishedVersion: 1 });
    expect(
      (await listPublishedTemplates(coordinator)).map((template) => template.id),
    ).not.toContain(id);
    expect(
      (await listTemplates(manager, templateListSchema.parse({ status: 'archived' }))).rows.map(
        (row) => row.id,
      ),
    ).toContain(id);

    expect(
      await executeAction(publishTemplateCommand, manager, { templateId: id, version: '3' }),
    ).toMatchObject({
      ok: true,
      data: { publishedVersion: 1, newVersion: false },
    });
    expect(await versionsOf(id)).toHaveLength(1);
    expect((await listPublishedTemplates(coordinator)).map((template) => template.id)).toContain(
      id,
    );
    expect((await auditEntriesFor(id)).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['template.archived', 'template.unarchived']),
    );
  });
});

describe('the templates list', () => {
  it('filters by status and searches by name', async () => {
    const manager = await createActor('manager');
    const tag = randomUUID().slice(0, 8);
    const draft = await createTemplate(manager, { name: `Search ${tag} draft` });
    const published = await createTemplate(manager, { name: `Search ${tag} published` });
    await executeAction(publishTemplateCommand, manager, { templateId: published, version: '1' });

    const all = await listTemplates(manager, templateListSchema.parse({ q: tag }));
    expect(all.rows.map((row) => row.id).sort()).toEqual([draft, published].sort());
    expect(all.total).toBe(2);
    const onlyPublished = await listTemplates(
      manager,
      templateListSchema.parse({ q: tag, status: 'published' }),
    );
    expect(onlyPublished.rows).toEqual([
      expect.objectContaining({ id: published, publishedVersion: 1, authorName: manager.name }),
    ]);
  });
});
