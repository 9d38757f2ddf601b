import Papa from 'papaparse';

/** The rows of a CSV download body as records keyed by its header, its BOM dropped. */
export async function csvRecords(body: ReadableStream<Uint8Array>) {
  const text = await new Response(body).text();
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
