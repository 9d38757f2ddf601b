import { reportDownload } from '@/server/reports/download';

/** A report as CSV, at the viewer's scope and visibility. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  return reportDownload(request, (await params).report, 'csv');
}
