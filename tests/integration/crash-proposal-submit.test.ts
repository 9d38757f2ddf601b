import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { executeAction } from '@/server/action';
import { submitProposalCommand } from '@/server/proposals/commands';
import { createClientRecord } from '../support/client-factories';
import {
  beforeInsertInto,
  expectKillLeavesNoTrace,
  type KillPoint,
  crashTestTimeout,
} from '../support/crash';
import { createActor } from '../support/factories';
import { createProposal, readProposal } from '../support/proposal-factories';

// Submitting writes, in one transaction: the numbered version, the status, the audit entry, the
// timeline line (and the client's last activity), then the reviewer's notification.
const killPoints: KillPoint[] = [
  beforeInsertInto('audit_log', 'before its audit entry', ['proposal_versions', 'proposals']),
  beforeInsertInto('activities', 'before its timeline line', [
    'audit_log',
    'proposal_versions',
    'proposals',
  ]),
  beforeInsertInto('notifications', 'before the reviewer’s notification', [
    'activities',
    'audit_log',
    'clients',
    'proposal_versions',
    'proposals',
  ]),
];

describe(
  'an instance killed with SIGKILL while submitting a proposal for review',
  { timeout: crashTestTimeout },
  () => {
    for (const point of killPoints) {
      it(`leaves the draft as it was when killed ${point.name}, ready to submit again`, async () => {
        const author = await createActor('coordinator');
        const reviewer = await createActor('executive');
        const client = await createClientRecord({ ownerId: reviewer.id, coordinatorId: author.id });
        const draft = await createProposal(db, {
          clientId: client.id,
          authorId: author.id,
          reviewerId: reviewer.id,
          validUntil: '2099-12-31',
        });
        const input = { id: draft.id, version: String(draft.version) };

        await expectKillLeavesNoTrace(
          {
            module: '@/server/proposals/commands',
            name: 'submitProposalCommand',
            actorId: author.id,
            inputs: [input],
          },
          point,
        );

        expect(await readProposal(draft.id)).toEqual(draft);
        const again = await executeAction(submitProposalCommand, author, input);
        expect(again).toEqual({ ok: true, data: { status: 'in_review' } });
        expect(await readProposal(draft.id)).toMatchObject({
          status: 'in_review',
          versionCount: 1,
        });
      });
    }
  },
);
