import 'server-only';
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { clients, contractReminders, contracts, type Contract } from '@/db/schema';
import { contractTransitions, type ContractReminderKind } from '@/lib/contracts';
import { truncate } from '@/lib/utils';
import { recordAudit } from '@/server/audit/record-audit';
import { recordActivity } from '@/server/clients/records';
import { extendTerm } from '@/server/contracts/commands';
import { notify } from '@/server/notifications/notify';
import { readContractSettings } from '@/server/settings/queries';

const batchSize = 500;

/** Locks up to a batch of contracts in `statuses` matching `due`, skipping rows others hold. */
function lockDue(
  tx: Transaction,
  statuses: readonly Contract['status'][],
  due: ReturnType<typeof and>,
) {
  return tx
    .select()
    .from(contracts)
    .where(and(inArray(contracts.status, statuses), due))
    .limit(batchSize)
    .for('update', { skipLocked: true });
}

/** A change the job made, with its audit entry and timeline line. */
async function recordJobChange(
  tx: Transaction,
  contract: Contract,
  action: string,
  after: Record<string, unknown>,
  subject: string,
) {
  await recordAudit(tx, {
    actorId: null,
    action: `contract.${action}`,
    entityType: 'contract',
    entityId: contract.id,
    before: { status: contract.status, endDate: contract.endDate },
    after,
  });
  await recordActivity(tx, {
    clientId: contract.clientId,
    kind: 'contract',
    subject: truncate(subject, 200),
    actorId: null,
  });
}

/** Signed contracts whose start date has come become active. */
async function activateStarted(tx: Transaction, today: string) {
  const due = await lockDue(tx, contractTransitions.activate.from, lte(contracts.startDate, today));
  for (const contract of due) {
    await tx
      .update(contracts)
      .set({ status: 'active', version: sql`${contracts.version} + 1` })
      .where(eq(contracts.id, contract.id));
    await recordJobChange(
      tx,
      contract,
      'activate',
      { status: 'active' },
      `Contract active: ${contract.title}`,
    );
  }
  return due.length;
}

/** Active contracts past their end date renew for another term if they auto-renew, else expire. */
async function endFinished(tx: Transaction, today: string) {
  const due = await lockDue(tx, contractTransitions.expire.from, lt(contracts.endDate, today));
  let renewed = 0;
  for (const contract of due) {
    if (contract.autoRenew) {
      const endDate = await extendTerm(tx, contract, null);
      await tx
        .update(contracts)
        .set({ endDate, version: sql`${contracts.version} + 1` })
        .where(eq(contracts.id, contract.id));
      await recordJobChange(
        tx,
        contract,
        'renew',
        { status: 'active', endDate },
        `Contract renewed automatically to ${endDate}: ${contract.title}`,
      );
      renewed += 1;
    } else {
      await tx
        .update(contracts)
        .set({ status: 'expired', version: sql`${contracts.version} + 1` })
        .where(eq(contracts.id, contract.id));
      await recordJobChange(
        tx,
        contract,
        'expire',
        { status: 'expired' },
        `Contract expired: ${contract.title}`,
      );
    }
  }
  return { renewed, expired: due.length - renewed };
}

const reminderWords: Record<ContractReminderKind, string> = {
  notice: 'Notice deadline',
  end: 'End',
};

/**
 * Reminders before each running contract's notice deadline and end, on the days Settings name:
 * each (contract, date, days before) once, as a ledger row; a contract that enters several
 * windows at once (a new contract, a job that did not run) gets one reminder for the nearest.
 */
async function sendReminders(tx: Transaction, today: string) {
  const { reminderDays } = await readContractSettings(tx);
  if (reminderDays.length === 0) return 0;
  const inserted = await tx.execute<{
    contract_id: string;
    kind: ContractReminderKind;
    due_date: string;
    days_before: number;
  }>(sql`
    insert into ${contractReminders} (contract_id, kind, due_date, days_before)
    select c.id, d.kind::contract_reminder_kind, d.due, r.days
    from ${contracts} c
    cross join lateral (values ('notice', c.notice_deadline), ('end', c.end_date)) d(kind, due)
    cross join unnest(${sql.raw(`array[${reminderDays.map(Number).join(',')}]::int[]`)}) r(days)
    where c.status in ('signed', 'active')
      and d.due is not null
      and d.due >= ${today}::date
      and d.due - r.days <= ${today}::date
    on conflict do nothing
    returning contract_id, kind, due_date, days_before
  `);
  // One notification per contract and date, however many windows it entered at once.
  const nearest = new Map<string, (typeof inserted)[number]>();
  for (const row of inserted) {
    const key = `${row.contract_id}:${row.kind}`;
    const seen = nearest.get(key);
    if (!seen || row.days_before < seen.days_before) nearest.set(key, row);
  }
  for (const row of nearest.values()) {
    const [contract] = await tx
      .select({
        title: contracts.title,
        clientId: contracts.clientId,
        ownerId: clients.ownerId,
        coordinatorId: clients.coordinatorId,
      })
      .from(contracts)
      .innerJoin(clients, eq(clients.id, contracts.clientId))
      .where(eq(contracts.id, row.contract_id));
    if (!contract) continue;
    await notify(tx, [contract.ownerId, contract.coordinatorId], {
      kind: 'contract_reminder',
      title: truncate(`${reminderWords[row.kind]} of “${contract.title}” on ${row.due_date}`, 200),
      body: `${row.days_before} days or less to go.`,
      href: `/contracts/${row.contract_id}`,
      clientId: contract.clientId,
    });
  }
  return nearest.size;
}

/**
 * The daily work on contracts (run each minute like every job; each step is idempotent): active
 * on the start date, renewed or expired after the end date, reminders before notice and end.
 * Dates are UTC calendar days.
 */
export async function runContractDates(database: Database, now: Date) {
  const today = now.toISOString().slice(0, 10);
  return database.transaction(async (tx) => {
    const activated = await activateStarted(tx, today);
    const ended = await endFinished(tx, today);
    const reminders = await sendReminders(tx, today);
    return { activated, ...ended, reminders };
  });
}
