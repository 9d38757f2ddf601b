import { Icon, type IconName } from '@/components/ui/icon';
import { materialThumbnailKind, type MaterialKind } from '@/lib/materials';

const icons = {
  video: 'file-video',
  pdf: 'file-text',
  slides: 'presentation',
  document: 'file',
} as const satisfies Record<string, IconName>;

/** A library card's picture: the latest image file, small, or an icon by kind and media type. */
export function MaterialThumbnail({
  kind,
  mediaType,
  imageId,
  title,
}: {
  kind: MaterialKind;
  mediaType: string | null;
  imageId: string | null;
  title: string;
}) {
  if (imageId) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private file, never optimised or cached
      <img
        src={`/documents/${imageId}?inline=1`}
        alt={`Preview of ${title}`}
        loading="lazy"
        className="h-32 w-full rounded-t-lg bg-slate-50 object-contain"
      />
    );
  }
  const shown = materialThumbnailKind(kind, mediaType);
  return (
    <div className="flex h-32 w-full items-center justify-center rounded-t-lg bg-slate-50">
      <Icon
        name={icons[shown === 'image' ? 'document' : shown]}
        className="size-10 text-slate-400"
      />
    </div>
  );
}
