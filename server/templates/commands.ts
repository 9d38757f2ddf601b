import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { proposalTemplates, proposalTemplateVersions } from '@/db/schema';
import { unknownMergeFields } from '@/lib/merge-fields';
import {
  createTemplateSchema,
  templateRefSchema,
  unknownFieldsMessage,
  updateTemplateSchema,
} from '@/lib/validation/templates';
import { defineAction } from '@/server/action';
import { changedFields } from '@/server/clients/records';
import { ActionError, conflict, isUniqueViolation } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';

const duplicateName = () =>
  conflict('Check the highlighted fields.', {
    name: ['A template with this name already exists.'],
  });

function templateColumns(input: { name: string; category?: string | null; body: string }) {
  return { name: input.name, category: input.category ?? null, body: input.body };
}

/** The template, locked for this transaction, at the version the form read. */
function lockTemplate(tx: Transaction, templateId: string, version: number) {
  return lockVisibleRecord(tx, proposalTemplates, 'template', { id: templateId, version });
}

export const createTemplateCommand = defineAction({
  schema: createTemplateSchema,
  permission: 'templates.write',
  async run(input, { tx, user, audit }) {
    const [created] = await tx
      .insert(proposalTemplates)
      .values({ ...templateColumns(input), authorId: user.id })
      .onConflictDoNothing()
      .returning({ id: proposalTemplates.id });
    if (!created) throw duplicateName();
    await audit({
      action: 'template.created',
      entityType: 'proposal_template',
      entityId: created.id,
      after: templateColumns(input),
    });
    return { id: created.id };
  },
});

/** Edits the working copy. A published template stays published: its published version is unchanged. */
export const updateTemplateCommand = defineAction({
  schema: updateTemplateSchema,
  permission: 'templates.write',
  async run(input, { tx, audit }) {
    const template = await lockTemplate(tx, input.templateId, input.version);
    const changes = changedFields(template as Record<string, unknown>, templateColumns(input));
    if (Object.keys(changes.after).length === 0) {
      return { id: template.id, version: template.version };
    }
    const [updated] = await tx
      .update(proposalTemplates)
      .set({ ...templateColumns(input), version: sql`${proposalTemplates.version} + 1` })
      .where(eq(proposalTemplates.id, template.id))
      .returning({ version: proposalTemplates.version })
      // Another rename can take the name between reading the template and this write.
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateName();
        throw error;
      });
    await audit({
      action: 'template.updated',
      entityType: 'proposal_template',
      entityId: template.id,
      ...changes,
    });
    return { id: template.id, version: updated?.version ?? template.version };
  },
});

/**
 * Publishes the working copy for the team. When it differs from the last published version it is
 * kept as the next version; an archived template whose copy is unchanged is simply published again.
 */
export const publishTemplateCommand = defineAction({
  schema: templateRefSchema,
  permission: 'templates.publish',
  async run(input, { tx, user, audit }) {
    const template = await lockTemplate(tx, input.templateId, input.version);
    const unknown = unknownMergeFields(template.body);
    if (unknown.length) throw new ActionError(unknownFieldsMessage(unknown));
    const [latest] = await tx
      .select()
      .from(proposalTemplateVersions)
      .where(eq(proposalTemplateVersions.templateId, template.id))
      .orderBy(desc(proposalTemplateVersions.number))
      .limit(1);
    const unchanged = latest?.body === template.body && latest.name === template.name;
    if (unchanged && template.status === 'published') {
      throw conflict(
        `Version ${latest.number} is already published. Edit the template to publish a new version.`,
      );
    }
    const number = unchanged ? latest.number : (latest?.number ?? 0) + 1;
    if (!unchanged) {
      await tx.insert(proposalTemplateVersions).values({
        templateId: template.id,
        number,
        name: template.name,
        body: template.body,
        publishedById: user.id,
      });
    }
    const [updated] = await tx
      .update(proposalTemplates)
      .set({
        status: 'published',
        publishedVersion: number,
        version: sql`${proposalTemplates.version} + 1`,
      })
      .where(eq(proposalTemplates.id, template.id))
      .returning({ version: proposalTemplates.version });
    await audit({
      action: unchanged ? 'template.unarchived' : 'template.published',
      entityType: 'proposal_template',
      entityId: template.id,
      before: { status: template.status, publishedVersion: template.publishedVersion },
      after: { status: 'published', publishedVersion: number },
    });
    return {
      id: template.id,
      version: updated?.version ?? template.version,
      publishedVersion: number,
      newVersion: !unchanged,
    };
  },
});

/** Takes a template out of what new proposals are offered; its versions are kept. */
export const archiveTemplateCommand = defineAction({
  schema: templateRefSchema,
  permission: 'templates.publish',
  async run(input, { tx, audit }) {
    const template = await lockTemplate(tx, input.templateId, input.version);
    if (template.status === 'archived') throw conflict('This template is already archived.');
    const [updated] = await tx
      .update(proposalTemplates)
      .set({ status: 'archived', version: sql`${proposalTemplates.version} + 1` })
      .where(eq(proposalTemplates.id, template.id))
      .returning({ version: proposalTemplates.version });
    await audit({
      action: 'template.archived',
      entityType: 'proposal_template',
      entityId: template.id,
      before: { status: template.status },
      after: { status: 'archived' },
    });
    return { id: template.id, version: updated?.version ?? template.version };
  },
});
