import 'server-only';
import { attachmentDisposition } from '@/lib/content-disposition';
import { reportKeys, type ReportFormat, type ReportKey } from '@/lib/report-catalog';
import { reportParamsSchema } from '@/lib/validation/reports';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { renderReport } from './export';

/** A report as a download: signed in, allowed some report scope, the report known. */
export async function reportDownload(
  request: Request,
  report: string,
  format: ReportFormat,
): Promise<Response> {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export reports.', { status: 401 });
  if (!can(viewer, 'reports.own')) return new Response('Forbidden.', { status: 403 });
  if (!(reportKeys as readonly string[]).includes(report)) {
    return new Response('Report not found.', { status: 404 });
  }
  const params = reportParamsSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams.entries()),
  );
  const rendered = await renderReport(viewer, report as ReportKey, params, format);
  return new Response(new Uint8Array(rendered.bytes), {
    headers: {
      'content-type': rendered.mediaType,
      'content-disposition': attachmentDisposition(rendered.name),
      'cache-control': 'private, no-store',
    },
  });
}
