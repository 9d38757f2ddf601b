import 'server-only';
import { eq } from 'drizzle-orm';
import { campaigns, materials, materialStatusChanges, type NewMaterial } from '@/db/schema';
import type { MaterialStatus } from '@/lib/materials';
import { renderRecordPdf } from '@/server/pdf/record-document';
import { demoPng, fileDemoDocument, type SeedTransaction } from './demo-files';

type DemoClient = {
  id: string;
  name: string;
  ownerId: string | null;
  coordinatorId: string | null;
};

const day = 24 * 60 * 60 * 1000;

/** The path each demo material took to its status, with the comment of a send-back. */
const historyTo: Record<MaterialStatus, { to: MaterialStatus; comment?: string }[]> = {
  requested: [{ to: 'requested' }],
  in_progress: [
    { to: 'requested' },
    { to: 'in_progress' },
    { to: 'in_review' },
    { to: 'in_progress', comment: 'Lead with the results, and use the new logo.' },
  ],
  in_review: [{ to: 'requested' }, { to: 'in_progress' }, { to: 'in_review' }],
  ready: [{ to: 'requested' }, { to: 'in_progress' }, { to: 'in_review' }, { to: 'ready' }],
};

/** Who took a step: the executive asks, the coordinator makes, the manager reviews. */
function actorOf(
  to: MaterialStatus,
  position: number,
  people: { coordinatorId: string | null; executiveId: string | null; managerId: string | null },
) {
  if (to === 'requested') return people.executiveId;
  if (to === 'ready' || (to === 'in_progress' && position > 1)) return people.managerId;
  return people.coordinatorId;
}

/**
 * Materials in every state on the demo coordinator's accounts, requested by the executive and made
 * by the coordinator (so the manager can review them), each past the request with a small real
 * file: a PNG or a PDF stored like any upload. One is overdue, for "My work". Those on an account
 * with a demo campaign are for that campaign, so its page lists them.
 */
export async function seedDemoMaterials(
  tx: SeedTransaction,
  demoClients: DemoClient[],
  people: { coordinatorId: string | null; executiveId: string | null; managerId: string | null },
  now = Date.now(),
) {
  const theirs = demoClients.filter((client) => client.coordinatorId === people.coordinatorId);
  if (theirs.length === 0 || !people.coordinatorId) return;
  const date = (offset: number) => new Date(now + offset * day).toISOString().slice(0, 10);
  const plan: (Omit<NewMaterial, 'clientId'> & { file?: 'png' | 'pdf' })[] = [
    {
      kind: 'presentation',
      title: 'Quarterly review deck',
      status: 'requested',
      dueDate: date(10),
    },
    {
      kind: 'one_pager',
      title: 'Loyalty programme one-pager',
      status: 'in_progress',
      dueDate: date(-2),
      file: 'png',
    },
    { kind: 'case_study', title: 'Retail relaunch case study', status: 'in_review', file: 'pdf' },
    {
      kind: 'sales_sheet',
      title: 'Spring offer sales sheet',
      status: 'ready',
      tags: ['spring', 'retail'],
      file: 'png',
    },
    {
      kind: 'case_study',
      title: 'Holiday campaign results',
      status: 'ready',
      tags: ['holiday', 'results'],
      file: 'pdf',
    },
  ];
  for (const [index, { file, ...step }] of plan.entries()) {
    const client = theirs[index % theirs.length]!;
    const status = step.status ?? 'requested';
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.clientId, client.id))
      .limit(1);
    const [material] = await tx
      .insert(materials)
      .values({
        ...step,
        clientId: client.id,
        campaignId: campaign?.id ?? null,
        brief: `## Goal\n\n${step.title} for ${client.name}.\n\n- Audience: their marketing team\n- Tone: plain and confident`,
        requestedById: people.executiveId,
        assigneeId: people.coordinatorId,
        readyAt: status === 'ready' ? new Date(now - index * day) : null,
        approvedById: status === 'ready' ? people.managerId : null,
        createdAt: new Date(now - historyTo[status].length * day),
      })
      .returning();
    if (!material) throw new Error('demo material not inserted');
    const history = historyTo[status];
    await tx.insert(materialStatusChanges).values(
      history.map((change, position) => ({
        materialId: material.id,
        fromStatus: position === 0 ? null : history[position - 1]!.to,
        toStatus: change.to,
        comment: change.comment ?? null,
        changedById: actorOf(change.to, position, people),
        changedAt: new Date(now - (history.length - position) * day),
      })),
    );
    if (!file) continue;
    const record = { kind: 'material' as const, id: material.id, clientId: client.id };
    const upload =
      file === 'png'
        ? {
            name: `${material.title}.png`,
            mediaType: 'image/png',
            bytes: demoPng([37 + index * 40, 99, 235 - index * 30]),
          }
        : {
            name: `${material.title}.pdf`,
            mediaType: 'application/pdf',
            bytes: await renderRecordPdf({
              companyName: 'Northwind Agency',
              kicker: `Prepared for ${client.name}`,
              title: material.title,
              facts: [],
              body: material.brief,
            }),
          };
    await fileDemoDocument(tx, record, upload, people.coordinatorId);
  }
}
