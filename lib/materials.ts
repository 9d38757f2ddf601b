/** What a promotional material is (the `material_kind` enum is built from this). */
export const materialKinds = [
  'presentation',
  'video',
  'demo',
  'one_pager',
  'case_study',
  'sales_sheet',
] as const;
export type MaterialKind = (typeof materialKinds)[number];

export const materialKindLabels: Record<MaterialKind, string> = {
  presentation: 'Presentation',
  video: 'Video',
  demo: 'Demo',
  one_pager: 'One-pager',
  case_study: 'Case study',
  sales_sheet: 'Sales sheet',
};

/** DESIGN.md's material life cycle (the `material_status` enum is built from this). */
export const materialStatuses = ['requested', 'in_progress', 'in_review', 'ready'] as const;
export type MaterialStatus = (typeof materialStatuses)[number];

export const materialStatusLabels: Record<MaterialStatus, string> = {
  requested: 'Requested',
  in_progress: 'In progress',
  in_review: 'In review',
  ready: 'Ready',
};

export type MaterialTransition = 'start' | 'submit' | 'sendBack' | 'approve';

/** Transition → the statuses it may start from → where it ends. */
export const materialTransitions: Record<
  MaterialTransition,
  { from: readonly MaterialStatus[]; to: MaterialStatus }
> = {
  start: { from: ['requested'], to: 'in_progress' },
  submit: { from: ['in_progress'], to: 'in_review' },
  // Sent back from review, or reopened once ready (a client asked for a change): always with a comment.
  sendBack: { from: ['in_review', 'ready'], to: 'in_progress' },
  approve: { from: ['in_review'], to: 'ready' },
};

export const materialTransitionLabels: Record<MaterialTransition, string> = {
  start: 'Start work',
  submit: 'Submit for review',
  sendBack: 'Send back',
  approve: 'Approve',
};

export function canTransitionMaterial(status: MaterialStatus, transition: MaterialTransition) {
  return materialTransitions[transition].from.includes(status);
}

/** The transitions open from `status`, in the order the page offers them. */
export function materialTransitionsFrom(status: MaterialStatus): MaterialTransition[] {
  return (Object.keys(materialTransitions) as MaterialTransition[]).filter((transition) =>
    canTransitionMaterial(status, transition),
  );
}

/** What a ready material can be attached to. */
export const materialAttachmentKinds = ['proposal', 'meeting'] as const;
export type MaterialAttachmentKind = (typeof materialAttachmentKinds)[number];

/** Open (not ready) materials past their due date on `today` (YYYY-MM-DD, the viewer's calendar). */
export function isMaterialOverdue(
  material: { status: MaterialStatus; dueDate: string | null },
  today: string,
) {
  return material.status !== 'ready' && material.dueDate !== null && material.dueDate < today;
}

/** The icon a library card shows when it has no image to preview. */
export function materialThumbnailKind(
  kind: MaterialKind,
  mediaType: string | null,
): 'image' | 'video' | 'pdf' | 'slides' | 'document' {
  if (mediaType?.startsWith('image/')) return 'image';
  if (mediaType?.startsWith('video/') || kind === 'video' || kind === 'demo') return 'video';
  if (mediaType === 'application/pdf') return 'pdf';
  if (kind === 'presentation' || (mediaType && /presentation|powerpoint/.test(mediaType))) {
    return 'slides';
  }
  return 'document';
}
