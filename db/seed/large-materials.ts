import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database, LargeSeedSize } from './large';

/**
 * `size.materials` materials over the clients already there (≈ 20% requested, 20% in progress,
 * 10% in review, 50% ready, so the library has most of them), due from a month ago to two months
 * ahead, tagged, every fourth for its client's first campaign when it has one, and each past the
 * request with its files' rows (no bytes are stored: the lists and the library read metadata
 * only): a PDF, and for every third an image the library previews.
 * Added only when there are fewer; returns whether anything was added.
 */
export async function seedLargeMaterials(
  db: Database,
  log: (message: string) => void,
  size: Pick<LargeSeedSize, 'materials'>,
) {
  const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from materials`);
  if ((count?.n ?? 0) >= size.materials) return false;
  log(`${size.materials.toLocaleString('en-US')} materials…`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with numbered_clients as (
        select id, name, owner_id, coordinator_id, row_number() over (order by id) as n from clients
      ), total as (select count(*) as n from clients),
      team as (select array_agg(id order by name) as ids from users where active and role = 'coordinator')
      insert into materials (client_id, campaign_id, kind, title, brief, tags, status, requested_by_id,
                             assignee_id, due_date, ready_at, approved_by_id, created_at, updated_at)
      select c.id,
             case when m % 4 = 0 then
               (select cp.id from campaigns cp where cp.client_id = c.id order by cp.updated_at, cp.id limit 1)
             end,
             (array['presentation','video','demo','one_pager','case_study','sales_sheet'])[1 + m % 6]::material_kind,
             (array['Quarterly review','Launch','Pitch','Results','Offer','Onboarding'])[1 + (m / 6) % 6] || ' ' ||
               (array['deck','film','walkthrough','one-pager','case study','sheet'])[1 + m % 6] || ' for ' || c.name,
             'Brief ' || m || ': what it is for, who sees it, and what it must say.',
             array[(array['retail','spring','holiday','results','launch','b2b'])[1 + m % 6],
                   (array['social','print','event','web'])[1 + (m / 6) % 4]],
             s.status, c.owner_id, coalesce(c.coordinator_id, team.ids[1 + m % cardinality(team.ids)]),
             current_date + ((m % 90) - 30),
             case when s.status = 'ready' then now() - make_interval(days => m % 365) end,
             case when s.status = 'ready' then c.owner_id end,
             now() - make_interval(days => 30 + m % 365), now() - make_interval(mins => (m * 7919) % 525600)
      from generate_series(1, ${size.materials}) as m
      cross join total cross join team
      join numbered_clients c on c.n = 1 + ((m * 13) % total.n)
      cross join lateral (
        select (case when m % 10 < 2 then 'requested' when m % 10 < 4 then 'in_progress'
                     when m % 10 < 5 then 'in_review' else 'ready' end)::material_status as status
      ) s
    `);
    await tx.execute(sql`
      with made as (
        select id, client_id, title, assignee_id, updated_at, row_number() over (order by id) as n
        from materials m
        where status <> 'requested'
          and not exists (select 1 from documents d where d.record_kind = 'material' and d.record_id = m.id)
      ), files as (
        select gen_random_uuid() as document_id, made.*, f.image
        from made cross join lateral (select false as image union all select true where made.n % 3 = 0) f
      )
      insert into documents (id, file_id, version_number, record_kind, record_id, client_id, name, media_type,
                             size_bytes, sha256, storage_key, uploaded_by_id, created_at)
      select document_id, document_id, 1, 'material', id, client_id,
             title || case when image then '.png' else '.pdf' end,
             case when image then 'image/png' else 'application/pdf' end,
             20000 + (n * 37) % 2000000, encode(sha256(convert_to(document_id::text, 'UTF8')), 'hex'),
             'large-' || document_id, assignee_id, updated_at
      from files
    `);
  });
  return true;
}
