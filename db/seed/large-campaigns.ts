import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database, LargeSeedSize } from './large';

type Executor = Pick<Database, 'execute'>;

/**
 * The campaigns part of the large seed: `size.campaigns` campaigns over the clients already there
 * (their owner, coordinator and currency), in every status, each with `size.budgetEntriesPerCampaign`
 * committed and spent entries; the per-campaign sums and alert ledger are then set from the entries
 * as the entry writes keep them, so about one campaign in six is over budget.
 */
export async function seedLargeCampaigns(
  db: Executor,
  log: (message: string) => void,
  size: LargeSeedSize,
) {
  const entries = size.campaigns * size.budgetEntriesPerCampaign;
  log(
    `${size.campaigns.toLocaleString('en-US')} campaigns, ${entries.toLocaleString('en-US')} budget entries…`,
  );
  await db.execute(sql`
    with numbered_clients as (
      select id, name, currency, owner_id, coordinator_id, row_number() over (order by id) as n
      from clients
    ), total as (select count(*) as n from clients)
    insert into campaigns (client_id, name, goal, start_date, end_date, status, owner_id,
                           coordinator_id, currency, budget_planned_cents, created_at, updated_at)
    select c.id, c.name || ' campaign ' || m, 'Reach new buyers for ' || c.name || '.',
           current_date - 300 + (m % 500), current_date - 300 + (m % 500) + 30 + (m % 90),
           (array['planned', 'running', 'running', 'done', 'cancelled'])[1 + m % 5]::campaign_status,
           c.owner_id, c.coordinator_id, c.currency,
           (5000 + (m * 7919) % 95000)::bigint * 100,
           now() - make_interval(days => m % 700), now() - make_interval(days => m % 300)
    from generate_series(1, ${size.campaigns}) as m
    cross join total
    join numbered_clients c on c.n = 1 + ((m * 13) % total.n)
  `);
  await db.execute(sql`
    with numbered as (
      select id, start_date, budget_planned_cents, row_number() over (order by id) as n
      from campaigns
    )
    insert into budget_entries (campaign_id, kind, amount_cents, entry_date, supplier, created_at,
                                updated_at)
    select c.id, (case when e % 3 = 0 then 'committed' else 'spent' end)::budget_entry_kind,
           -- Each entry is 3–14 % of the plan, so about one campaign in six ends up over it.
           greatest(100, c.budget_planned_cents * (3 + (c.n * 7 + e * e) % 12) / 100),
           c.start_date + e * 3, 'Supplier ' || (1 + (c.n + e) % 50), now(), now()
    from numbered c
    cross join generate_series(1, ${size.budgetEntriesPerCampaign}) as e
  `);
  await db.execute(sql`
    update campaigns set
      committed_cents = sums.committed, spent_cents = sums.spent,
      budget_alert_level = case
        when sums.committed + sums.spent >= budget_planned_cents then 100
        when (sums.committed + sums.spent) * 100 >= budget_planned_cents * 90 then 90
        else 0 end
    from (
      select campaign_id,
             coalesce(sum(amount_cents) filter (where kind = 'committed'), 0) as committed,
             coalesce(sum(amount_cents) filter (where kind = 'spent'), 0) as spent
      from budget_entries group by campaign_id
    ) sums
    where sums.campaign_id = campaigns.id
  `);
}
