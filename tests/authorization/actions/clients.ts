import { db } from '@/db/client';
import { competitors, researchNotes } from '@/db/schema';
import {
  bulkClientStatusCommand,
  bulkReassignClientsCommand,
  bulkTagClientsCommand,
} from '@/server/clients/bulk';
import {
  convertProspectCommand,
  createClientCommand,
  reassignClientCommand,
  updateClientCommand,
} from '@/server/clients/commands/accounts';
import {
  linkCompetitorCommand,
  unlinkCompetitorCommand,
} from '@/server/clients/commands/competitor-links';
import {
  addContactCommand,
  removeContactCommand,
  updateContactCommand,
} from '@/server/clients/commands/contacts';
import {
  addResearchNoteCommand,
  deleteResearchNoteCommand,
} from '@/server/clients/commands/research';
import { logActivityCommand } from '@/server/clients/commands/timeline';
import { findImportMappingCommand } from '@/server/clients/import-mappings';
import { importClientsCommand } from '@/server/clients/import';
import { createCompetitorCommand, updateCompetitorCommand } from '@/server/competitors/commands';
import type { CurrentUser } from '@/server/auth/session';
import {
  clientForm,
  createClientRecord,
  createContactRecord,
} from '../../support/client-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  alreadyDone,
  anyRecord,
  ticked,
  uniqueName,
  versionOf,
  type World,
} from '../world';

async function competitor() {
  const [row] = await db
    .insert(competitors)
    .values({ name: uniqueName('Rival') })
    .returning();
  if (!row) throw new Error('competitor not created');
  return row;
}

/** An account owned by the actor, or by a colleague: the two sides of `accountOwner`. */
const ownAccount = (actor: CurrentUser) => accountOwnedBy(actor.id);
const colleaguesAccount = (_actor: CurrentUser, world: World) =>
  accountOwnedBy(world.otherCoordinator.id);

async function researchNoteBy(authorId: string) {
  const client = await createClientRecord();
  const [note] = await db
    .insert(researchNotes)
    .values({ clientId: client.id, authorId, topic: 'market', summary: 'Budget moves to Q3' })
    .returning();
  if (!note) throw new Error('note not created');
  return { input: { clientId: client.id, noteId: note.id }, record: { authorId } };
}

const reassignTo = (client: { id: string; version: number }, world: World) => ({
  clientId: client.id,
  version: versionOf(client),
  ownerId: world.otherExecutive.id,
  coordinatorId: '',
});

export const clientActions = {
  createClientCommand: registerAction(createClientCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => ({ input: clientForm() })),
  }),
  updateClientCommand: registerAction(updateClientCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => {
      const client = await ownAccount(actor);
      return {
        input: { ...clientForm(), clientId: client.id, version: versionOf(client) },
      };
    }),
  }),
  reassignClientCommand: registerAction(reassignClientCommand, {
    permission: 'clients.reassign',
    condition: { permission: 'clients.reassign', rule: 'account owner' },
    fixtures: {
      'own account': async (actor, world) => {
        const client = await ownAccount(actor);
        return { input: reassignTo(client, world), record: { ownerId: actor.id } };
      },
      "a colleague's account": async (actor, world) => {
        const client = await colleaguesAccount(actor, world);
        return { input: reassignTo(client, world), record: { ownerId: client.ownerId } };
      },
    },
  }),
  bulkReassignClientsCommand: registerAction(bulkReassignClientsCommand, {
    permission: 'clients.reassign',
    condition: { permission: 'clients.reassign', rule: 'account owner' },
    fixtures: {
      'own account': async (actor, world) => {
        const client = await ownAccount(actor);
        return {
          input: { selection: ticked(client), role: 'owner', userId: world.otherExecutive.id },
          record: { ownerId: actor.id },
        };
      },
      "a colleague's account": async (actor, world) => {
        const client = await colleaguesAccount(actor, world);
        return {
          input: { selection: ticked(client), role: 'owner', userId: world.otherExecutive.id },
          record: { ownerId: client.ownerId },
        };
      },
    },
  }),
  convertProspectCommand: registerAction(convertProspectCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => {
      const prospect = await createClientRecord({ status: 'prospect' });
      return { input: { clientId: prospect.id, version: versionOf(prospect) } };
    }),
  }),
  bulkTagClientsCommand: registerAction(bulkTagClientsCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: { selection: ticked(await ownAccount(actor)), operation: 'add', tag: 'Renewal' },
    })),
  }),
  bulkClientStatusCommand: registerAction(bulkClientStatusCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: { selection: ticked(await ownAccount(actor)), status: 'paused' },
    })),
  }),
  linkCompetitorCommand: registerAction(linkCompetitorCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await ownAccount(actor)).id, competitorId: (await competitor()).id },
    })),
  }),
  unlinkCompetitorCommand: registerAction(unlinkCompetitorCommand, {
    permission: 'clients.write',
    fixtures: alreadyDone(linkCompetitorCommand, async (actor) => ({
      clientId: (await ownAccount(actor)).id,
      competitorId: (await competitor()).id,
    })),
  }),
  addResearchNoteCommand: registerAction(addResearchNoteCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: {
        clientId: (await ownAccount(actor)).id,
        topic: 'market',
        summary: 'Budget moves to Q3',
        sourceUrl: '',
      },
    })),
  }),
  deleteResearchNoteCommand: registerAction(deleteResearchNoteCommand, {
    permission: 'clients.write',
    condition: { permission: 'research.delete', rule: 'author' },
    fixtures: {
      'own note': (actor) => researchNoteBy(actor.id),
      "a colleague's note": (_actor, world) => researchNoteBy(world.otherCoordinator.id),
    },
  }),
  addContactCommand: registerAction(addContactCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await ownAccount(actor)).id, name: 'New Contact', email: '' },
    })),
  }),
  updateContactCommand: registerAction(updateContactCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => {
      const client = await ownAccount(actor);
      const contact = await createContactRecord(client.id);
      return {
        input: {
          clientId: client.id,
          contactId: contact.id,
          version: versionOf(contact),
          name: 'Renamed Contact',
        },
      };
    }),
  }),
  removeContactCommand: registerAction(removeContactCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => {
      const client = await ownAccount(actor);
      const contact = await createContactRecord(client.id);
      return { input: { clientId: client.id, contactId: contact.id } };
    }),
  }),
  logActivityCommand: registerAction(logActivityCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await ownAccount(actor)).id, kind: 'call', subject: 'Budget call' },
    })),
  }),
  importClientsCommand: registerAction(importClientsCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => ({
      input: { rows: [{ name: uniqueName('Imported') }], skipDuplicates: false },
    })),
  }),
  findImportMappingCommand: registerAction(findImportMappingCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => ({ input: { headers: ['Company name', 'Industry'] } })),
  }),
  createCompetitorCommand: registerAction(createCompetitorCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => ({ input: { name: uniqueName('Rival') } })),
  }),
  updateCompetitorCommand: registerAction(updateCompetitorCommand, {
    permission: 'clients.write',
    fixtures: anyRecord(async () => {
      const row = await competitor();
      return {
        input: {
          competitorId: row.id,
          version: versionOf(row),
          name: uniqueName('Rival'),
        },
      };
    }),
  }),
};
