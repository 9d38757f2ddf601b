import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { materialKindLabels, type MaterialAttachmentKind } from '@/lib/materials';
import type { CurrentUser } from '@/server/auth/session';
import { listAttachedMaterials } from '@/server/materials/queries';
import { AttachMaterialForm, DetachMaterialButton } from './attach-material-forms';

/** The ready materials attached to a proposal or a meeting, with attach and detach. */
export async function AttachedMaterialsPanel({
  viewer,
  target,
  description,
}: {
  viewer: CurrentUser;
  target: { kind: MaterialAttachmentKind; id: string; clientId: string };
  description: string;
}) {
  const { attached, candidates, mayAttach } = await listAttachedMaterials(viewer, target);
  return (
    <Card title="Materials">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{description}</p>
        {attached.length === 0 ? (
          <p className="text-sm text-slate-600">No material attached.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {attached.map((material) => (
              <li
                key={material.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
              >
                <div className="min-w-0">
                  <Link
                    href={`/materials/${material.id}`}
                    className="font-medium break-words text-brand-700 hover:underline"
                  >
                    {material.title}
                  </Link>
                  <p className="text-xs text-slate-600">{materialKindLabels[material.kind]}</p>
                </div>
                {mayAttach ? (
                  <DetachMaterialButton
                    target={target}
                    materialId={material.id}
                    title={material.title}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {mayAttach && candidates.length > 0 ? (
          <AttachMaterialForm target={target} candidates={candidates} />
        ) : null}
      </div>
    </Card>
  );
}
