import 'server-only';
import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { clients, proposals } from '@/db/schema';
import { bulkCap } from '@/lib/bulk';
import { nextProposalStatus } from '@/lib/proposals';
import { bulkWithdrawProposalsSchema, proposalListSchema } from '@/lib/validation/proposals';
import { defineAction } from '@/server/action';
import { runBulk } from '@/server/bulk/run-bulk';
import { can } from '@/server/auth/permissions';
import { proposalRecord } from './abilities';
import { changeStatus } from './commands/lifecycle';
import { noShareLink } from './commands/sending';
import { proposalListWhere } from './queries';
import { visibleProposals } from './visibility';

/**
 * Withdraws the selected open proposals: the author, the account owner or a manager may, as for
 * one proposal; closed ones (accepted, declined, expired, rejected, withdrawn) are skipped.
 */
export const bulkWithdrawProposalsCommand = defineAction({
  schema: bulkWithdrawProposalsSchema,
  permission: 'proposals.withdraw',
  async run(input, context) {
    const { tx, user } = context;
    const { selection } = input;
    const visibility = await visibleProposals(user);
    const where =
      selection.mode === 'rows'
        ? and(
            inArray(
              proposals.id,
              selection.rows.map((row) => row.id),
            ),
            visibility,
          )
        : proposalListWhere(visibility, proposalListSchema.parse(selection.filter));
    const found = await tx
      .select({ ...getTableColumns(proposals), clientOwnerId: clients.ownerId })
      .from(proposals)
      .innerJoin(clients, eq(clients.id, proposals.clientId))
      .where(where)
      .orderBy(asc(proposals.id))
      .limit(bulkCap + 1)
      .for('update', { of: proposals });
    return runBulk(selection, found, 'proposals', async ({ clientOwnerId, ...proposal }) => {
      if (!can(user, 'proposals.withdraw', proposalRecord({ ...proposal, clientOwnerId }))) {
        return 'forbidden';
      }
      if (!nextProposalStatus(proposal.status, 'withdraw')) return 'invalid';
      await changeStatus(context, proposal, 'withdraw', noShareLink);
      return 'changed';
    });
  },
});
