import 'server-only';
import { and, eq } from 'drizzle-orm';
import { researchNotes } from '@/db/schema';
import { researchNoteRefSchema, researchNoteSchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { can } from '@/server/auth/permissions';
import { forbidden, notFound } from '@/server/errors';
import { lockVisibleClient, recordChange } from '../records';

export const addResearchNoteCommand = defineAction({
  schema: researchNoteSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [note] = await tx
      .insert(researchNotes)
      .values({ ...input, sourceUrl: input.sourceUrl ?? null, authorId: user.id })
      .returning({ id: researchNotes.id });
    await recordChange(tx, input.clientId, user.id, 'Added a research note');
    await audit({
      action: 'research.created',
      entityType: 'research_note',
      entityId: note?.id,
      after: { topic: input.topic },
    });
    return { id: note?.id };
  },
});

export const deleteResearchNoteCommand = defineAction({
  schema: researchNoteRefSchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    const [note] = await tx
      .select()
      .from(researchNotes)
      .where(and(eq(researchNotes.id, input.noteId), eq(researchNotes.clientId, input.clientId)));
    if (!note) throw notFound('research note');
    if (!can(user, 'research.delete', { authorId: note.authorId })) {
      throw forbidden('Only the author or a manager can delete a research note.');
    }
    await tx.delete(researchNotes).where(eq(researchNotes.id, note.id));
    await audit({
      action: 'research.deleted',
      entityType: 'research_note',
      entityId: note.id,
      before: { topic: note.topic, summary: note.summary },
    });
    return { id: note.id };
  },
});
