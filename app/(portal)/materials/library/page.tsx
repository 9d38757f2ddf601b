import type { Metadata } from 'next';
import Link from 'next/link';
import { MaterialThumbnail } from '@/components/materials/material-thumbnail';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { industries } from '@/lib/clients';
import { calendarDateIn, formatDate, viewerFormat } from '@/lib/format';
import { materialKindLabels, materialKinds } from '@/lib/materials';
import { firstValues } from '@/lib/validation/list-params';
import { materialLibrarySchema } from '@/lib/validation/materials';
import { requirePermission } from '@/server/auth/session';
import { listLibraryFilterOptions, searchMaterialLibrary } from '@/server/materials/queries';

export const metadata: Metadata = { title: 'Materials library' };

export default async function MaterialLibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const params = materialLibrarySchema.parse(raw);
  const [{ rows, total, totalIsCapped, pageSize }, options] = await Promise.all([
    searchMaterialLibrary(viewer, params),
    listLibraryFilterOptions(viewer),
  ]);
  const format = viewerFormat(viewer);
  const pageHref = (page: number) => {
    const query = new URLSearchParams(raw);
    query.set('page', String(page));
    return `/materials/library?${query}`;
  };
  const filtered = Object.keys(raw).some((key) => key !== 'page');
  return (
    <>
      <BackLink href="/materials">All materials</BackLink>
      <PageHeader
        title="Materials library"
        description="Every ready material, to reuse in proposals and meetings."
      />
      <form
        method="get"
        role="search"
        aria-label="Search the library"
        className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <div className="lg:col-span-2">
          <Field id="library-q" label="Search">
            <Input
              id="library-q"
              name="q"
              type="search"
              placeholder="Title or brief"
              defaultValue={params.q ?? ''}
            />
          </Field>
        </div>
        <Field id="library-kind" label="Kind">
          <Select id="library-kind" name="kind" defaultValue={params.kind ?? ''}>
            <option value="">Any kind</option>
            {materialKinds.map((kind) => (
              <option key={kind} value={kind}>
                {materialKindLabels[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="library-tag" label="Tag">
          <Select id="library-tag" name="tag" defaultValue={params.tag ?? ''}>
            <option value="">Any tag</option>
            {options.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="library-client" label="Client">
          <Select id="library-client" name="client" defaultValue={params.client ?? ''}>
            <option value="">Any client</option>
            {options.clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="library-industry" label="Industry">
          <Select id="library-industry" name="industry" defaultValue={params.industry ?? ''}>
            <option value="">Any industry</option>
            {industries.map((industry) => (
              <option key={industry} value={industry}>
                {industry}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex gap-2 lg:col-span-6">
          <button type="submit" className={buttonClasses('primary')}>
            Search
          </button>
          {filtered ? (
            <Link href="/materials/library" className={buttonClasses('secondary')}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
          {filtered
            ? 'No ready materials match this search.'
            : 'No material is ready yet. Approved materials appear here.'}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {`${total.toLocaleString(viewer.locale)}${totalIsCapped ? '+' : ''} ready ${total === 1 ? 'material' : 'materials'}`}
          </p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {rows.map((material) => (
              <li
                key={material.id}
                className="overflow-hidden rounded-lg border border-slate-200 bg-white"
              >
                <MaterialThumbnail
                  kind={material.kind}
                  mediaType={material.latestMediaType}
                  imageId={material.thumbnailId}
                  title={material.title}
                />
                <div className="space-y-1 p-3">
                  <Link
                    href={`/materials/${material.id}`}
                    className="block font-medium break-words text-brand-700 hover:underline"
                  >
                    {material.title}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {`${materialKindLabels[material.kind]} · ${material.clientName}${material.industry ? ` · ${material.industry}` : ''}`}
                  </p>
                  <p className="text-xs text-slate-600">
                    {`Ready ${material.readyAt ? formatDate(calendarDateIn(viewer.timeZone, material.readyAt), format) : '—'}`}
                  </p>
                  {material.tags.length > 0 ? (
                    <p className="text-xs break-words text-slate-700">{material.tags.join(', ')}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          <nav aria-label="Library pages" className="mt-4 flex gap-2">
            {params.page > 1 ? (
              <Link href={pageHref(params.page - 1)} className={buttonClasses('secondary')}>
                Previous
              </Link>
            ) : null}
            {params.page * pageSize < total ? (
              <Link href={pageHref(params.page + 1)} className={buttonClasses('secondary')}>
                Next
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
