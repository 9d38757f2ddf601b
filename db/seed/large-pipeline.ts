import 'server-only';
import { sql } from 'drizzle-orm';
import { proposalTemplates, proposalTemplateVersions } from '@/db/schema';
import type { Database, LargeSeedSize } from './large';

type Executor = Pick<Database, 'execute' | 'insert'>;
import { textArray } from './sql-arrays';
import { dealServices, firstNames, lastNames, lostReasons } from './words';

const templateCategories = [
  'Branding',
  'Retainer',
  'Digital',
  'Campaign',
  'Performance',
  'Content',
  'Events',
  'Research',
  'Production',
  'Retainer',
];

/** The merge fields it uses are the ones the seed fills in below (client, deal, amount, date). */
function templateBody(service: string, edition: number) {
  return [
    `# ${service} for {{client.name}}`,
    '',
    'Prepared on {{today}}.',
    '',
    '## What we heard',
    '',
    `{{client.name}} wants ${service.toLowerCase()} that the whole team can stand behind.`,
    '',
    '## Scope',
    '',
    `- Discovery workshop and ${edition > 1 ? 'two rounds' : 'one round'} of stakeholder interviews`,
    '- Plan, production and launch of {{deal.name}}',
    '- Monthly reporting with the numbers that matter',
    '',
    '## Investment',
    '',
    'The fee for the work above is **{{deal.amount}}**, invoiced monthly.',
  ].join('\n');
}

/**
 * The pipeline part of the large seed: 10 published templates (a few with a second version),
 * `size.deals` deals over the clients already there (stage mix ≈ 20% lead, 15% qualified, 13%
 * proposal, 12% negotiation, 22% won, 18% lost, closed over two years), one or two stage changes
 * each, a proposal for every `size.proposalEvery`-th deal in every status with its submitted
 * versions (1–3) and reviews, and the notifications those would have sent.
 */
export async function seedLargePipeline(
  db: Executor,
  log: (message: string) => void,
  size: LargeSeedSize,
) {
  log('templates…');
  const [manager] = await db.execute<{ id: string }>(
    sql`select id from users where role = 'manager' and active order by name limit 1`,
  );
  const templates = await db
    .insert(proposalTemplates)
    .values(
      dealServices.slice(0, 10).map((service, index) => ({
        name: `${service} proposal`,
        category: templateCategories[index],
        body: templateBody(service, index % 3 === 0 ? 2 : 1),
        status: 'published' as const,
        publishedVersion: index % 3 === 0 ? 2 : 1,
        authorId: manager?.id,
        version: index % 3 === 0 ? 3 : 2,
      })),
    )
    .onConflictDoNothing()
    .returning({
      id: proposalTemplates.id,
      name: proposalTemplates.name,
      publishedVersion: proposalTemplates.publishedVersion,
    });
  if (templates.length) {
    await db.insert(proposalTemplateVersions).values(
      templates.flatMap((template) => {
        const service = template.name.replace(/ proposal$/, '');
        return Array.from({ length: template.publishedVersion ?? 1 }, (_, index) => ({
          templateId: template.id,
          number: index + 1,
          name: template.name,
          body: templateBody(service, index + 1),
          publishedById: manager?.id,
          publishedAt: sql`now() - make_interval(days => ${400 - index * 200})`,
        }));
      }),
    );
  }
  await db.execute(sql`
    create temp table seed_templates as
    select t.id, v.body, row_number() over (order by t.name) as n
    from proposal_templates t
    join proposal_template_versions v on v.template_id = t.id and v.number = t.published_version
    where t.status = 'published'
  `);

  log('deals…');
  await db.execute(sql`
    create temp table seed_clients as
    select id, name, owner_id, coordinator_id, currency, row_number() over (order by id) as n
    from clients
  `);
  const [clientCount] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from seed_clients`,
  );
  // Stage by bucket b = (m·37) mod 100; amounts skewed towards small deals ($2,500 to ~$480,000).
  await db.execute(sql`
    create temp table seed_deals as
    select gen_random_uuid() as id, d.*,
           case when stage in ('won', 'lost')
                then closed_at - make_interval(days => 20 + m % 120)
                else now() - make_interval(days => 10 + m % 300, mins => m % 1440) end as created_at
    from (
      select m, c.id as client_id, c.name as client_name, c.owner_id, c.coordinator_id, c.currency, s.stage,
             ${textArray(dealServices)}[1 + m % ${dealServices.length}] || ' for ' || c.name as name,
             (2500 + ((m * 7919) % 200) ^ 2 * 12)::bigint * 100 as amount_cents,
             case s.stage
               when 'lead' then 10 when 'qualified' then 25 when 'proposal' then 50 when 'negotiation' then 75
               when 'won' then 100 else 0 end
               + case when s.stage in ('won', 'lost') then 0 else (m % 5 - 2) * 5 end as probability,
             case when s.stage in ('won', 'lost')
                  then now() - make_interval(days => (m * 13) % 730, hours => m % 24) end as closed_at
      from generate_series(1, ${size.deals}) as m
      join seed_clients c on c.n = 1 + (m - 1) % ${clientCount?.n ?? 1}
      cross join lateral (
        select (case when (m * 37) % 100 < 20 then 'lead' when (m * 37) % 100 < 35 then 'qualified'
                     when (m * 37) % 100 < 48 then 'proposal' when (m * 37) % 100 < 60 then 'negotiation'
                     when (m * 37) % 100 < 82 then 'won' else 'lost' end)::deal_stage as stage
      ) s
    ) d
  `);
  await db.execute(sql`
    insert into deals (id, client_id, name, stage, amount_cents, currency, probability, expected_close,
                       owner_id, coordinator_id, lost_reason, stage_changed_at, closed_at, created_at, updated_at)
    select id, client_id, name, stage, amount_cents, currency, probability,
           coalesce(closed_at::date, current_date + ((m * 11) % 200)::int - 20),
           owner_id, coordinator_id,
           case when stage = 'lost' then ${textArray(lostReasons)}[1 + m % ${lostReasons.length}] end,
           case when stage = 'lead' then created_at else coalesce(closed_at, created_at + make_interval(days => 1 + m % 9)) end,
           closed_at, created_at,
           coalesce(closed_at, created_at + make_interval(days => 1 + m % 9))
    from seed_deals
  `);

  log('stage history…');
  await db.execute(sql`
    insert into deal_stage_changes (deal_id, from_stage, to_stage, actor_id, changed_at)
    select id, null::deal_stage, 'lead'::deal_stage, coordinator_id, created_at from seed_deals
    union all
    select id, 'lead'::deal_stage, stage, owner_id,
           coalesce(closed_at, created_at + make_interval(days => 1 + m % 9))
    from seed_deals where stage <> 'lead'
  `);

  log('proposals…');
  // p numbers the deals that get a proposal; its status follows the deal's stage, and sub-bucket
  // s = p mod 10 spreads the statuses within a stage. v submissions happened 3 days apart, the
  // last one at `anchor`; each review came 1 to 60 hours after its submission.
  await db.execute(sql`
    create temp table seed_proposals as
    select x.*,
           case when x.status = 'in_review' then now() - make_interval(hours => (x.p * 7) % 36)
                when x.closed_at is not null then x.closed_at - interval '4 days'
                else now() - make_interval(days => 4 + (x.p * 13) % 60) end as anchor
    from (
      select gen_random_uuid() as id, d.id as deal_id, d.client_id, d.client_name, d.owner_id as reviewer_id,
             d.coordinator_id as author_id, d.amount_cents, d.currency, d.closed_at,
             d.m / ${size.proposalEvery} as p,
             'Proposal: ' || d.name as title,
             replace(replace(replace(replace(t.body, '{{client.name}}', d.client_name), '{{deal.name}}', d.name),
               '{{deal.amount}}', '$' || to_char(d.amount_cents / 100, 'FM999,999,999')),
               '{{today}}', to_char(d.created_at, 'Mon DD, YYYY')) as body,
             t.id as template_id,
             st.status, st.v
      from seed_deals d
      join seed_templates t on t.n = 1 + (d.m / ${size.proposalEvery}) % (select count(*) from seed_templates)
      cross join lateral (
        select s.status::proposal_status,
               case when s.status = 'draft' then (case d.stage when 'lead' then 0 else 1 end)
                    when s.status = 'withdrawn' then 1
                    else 1 + (d.m / ${size.proposalEvery}) % 3 end as v
        from (select case d.stage
          when 'lead' then 'draft'
          when 'qualified' then case when (d.m / ${size.proposalEvery}) % 10 < 7 then 'draft' else 'withdrawn' end
          when 'proposal' then case when (d.m / ${size.proposalEvery}) % 10 < 5 then 'in_review'
                                    when (d.m / ${size.proposalEvery}) % 10 < 7 then 'changes_requested' else 'draft' end
          when 'negotiation' then case when (d.m / ${size.proposalEvery}) % 10 < 4 then 'approved' else 'sent' end
          when 'won' then 'accepted'
          else case when (d.m / ${size.proposalEvery}) % 10 < 4 then 'declined'
                    when (d.m / ${size.proposalEvery}) % 10 < 6 then 'rejected'
                    when (d.m / ${size.proposalEvery}) % 10 < 8 then 'expired' else 'withdrawn' end
        end as status) s
      ) st
      where d.m % ${size.proposalEvery} = 0
    ) x
  `);
  await db.execute(sql`
    create temp table seed_submissions as
    select pr.id as proposal_id, pr.p, pr.status, pr.v, k,
           pr.anchor - make_interval(days => 3 * (pr.v - k)) as submitted_at,
           pr.anchor - make_interval(days => 3 * (pr.v - k)) + make_interval(hours => 1 + (pr.p + k * 17) % 60) as decided_at,
           case when k < pr.v then 'changes_requested'
                when pr.status in ('draft', 'changes_requested') then 'changes_requested'
                when pr.status = 'rejected' then 'rejected'
                when pr.status in ('approved', 'sent', 'accepted', 'declined', 'expired') then 'approved'
           end::review_decision as decision
    from seed_proposals pr, generate_series(1, pr.v) as k
  `);
  const sentStatuses = sql`('sent', 'accepted', 'declined', 'expired')`;
  await db.execute(sql`
    insert into proposals (id, client_id, deal_id, template_id, title, body, amount_cents, currency, valid_until,
                           status, author_id, reviewer_id, backup_reviewer_id, submitted_at, review_due_at,
                           escalated_at, decided_at, sent_at, share_token_hash, share_link_created_at, responded_at, responder_name,
                           response_comment, version_count, created_at, updated_at)
    select pr.id, pr.client_id, pr.deal_id, pr.template_id, pr.title, pr.body, pr.amount_cents, pr.currency,
           (pr.anchor + interval '30 days')::date, pr.status, pr.author_id, pr.reviewer_id,
           case when pr.status = 'in_review' and pr.anchor < now() - interval '24 hours' then ${manager?.id ?? null}::uuid end,
           last.submitted_at,
           case when pr.status = 'in_review' then pr.anchor + interval '24 hours' end,
           case when pr.status = 'in_review' and pr.anchor < now() - interval '24 hours'
                then pr.anchor + interval '24 hours 5 minutes' end,
           case when last.decision is not null then last.decided_at end,
           case when pr.status in ${sentStatuses} then last.decided_at + interval '1 hour' end,
           case when pr.status in ('sent', 'accepted', 'declined')
                then encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex') end,
           case when pr.status in ('sent', 'accepted', 'declined') then last.decided_at + interval '1 hour' end,
           case when pr.status in ('accepted', 'declined') then last.decided_at + interval '2 days' end,
           case when pr.status = 'accepted'
                then ${textArray(firstNames)}[1 + pr.p % ${firstNames.length}] || ' ' || ${textArray(lastNames)}[1 + pr.p % ${lastNames.length}] end,
           case when pr.status = 'declined' then 'We are keeping this in-house for now.' end,
           pr.v,
           coalesce(first.submitted_at, pr.anchor) - interval '1 day',
           least(now(), coalesce(last.decided_at, pr.anchor) + interval '2 days')
    from seed_proposals pr
    left join seed_submissions first on first.proposal_id = pr.id and first.k = 1
    left join seed_submissions last on last.proposal_id = pr.id and last.k = pr.v
  `);

  log('proposal versions and reviews…');
  await db.execute(sql`
    insert into proposal_versions (proposal_id, number, title, body, amount_cents, currency, valid_until,
                                   created_by_id, created_at)
    select pr.id, s.k, pr.title,
           case when s.k < pr.v then replace(pr.body, 'invoiced monthly', 'invoiced up front') else pr.body end,
           case when s.k < pr.v then pr.amount_cents * 11 / 10 else pr.amount_cents end,
           pr.currency, (s.submitted_at + interval '30 days')::date, pr.author_id, s.submitted_at
    from seed_submissions s join seed_proposals pr on pr.id = s.proposal_id
  `);
  await db.execute(sql`
    insert into proposal_reviews (proposal_id, version_number, reviewer_id, decision, comment, submitted_at, created_at)
    select pr.id, s.k, pr.reviewer_id, s.decision,
           case s.decision when 'changes_requested' then 'Tighten the scope and restate the timeline.'
                           when 'rejected' then 'Not a fit for this account right now.' end,
           s.submitted_at, s.decided_at
    from seed_submissions s join seed_proposals pr on pr.id = s.proposal_id
    where s.decision is not null
  `);

  log('notifications…');
  await db.execute(sql`
    insert into notifications (user_id, kind, title, href, client_id, read_at, created_at)
    select pr.reviewer_id, 'review_requested', 'Review requested: ' || pr.title, '/proposals/' || pr.id,
           pr.client_id, null, pr.anchor
    from seed_proposals pr where pr.status = 'in_review' and pr.reviewer_id is not null
    union all
    select pr.author_id,
           (case s.decision when 'approved' then 'proposal_approved' when 'rejected' then 'proposal_rejected'
                            else 'changes_requested' end)::notification_kind,
           (case s.decision when 'approved' then 'Approved: ' when 'rejected' then 'Rejected: '
                            else 'Changes requested: ' end) || pr.title,
           '/proposals/' || pr.id, pr.client_id,
           case when s.k % 2 = 0 then s.decided_at + interval '1 hour' end, s.decided_at
    from seed_submissions s join seed_proposals pr on pr.id = s.proposal_id
    where s.decision is not null and s.decided_at > now() - interval '30 days' and pr.author_id is not null
  `);
  await db.execute(
    sql`drop table seed_templates, seed_clients, seed_deals, seed_proposals, seed_submissions`,
  );
}
