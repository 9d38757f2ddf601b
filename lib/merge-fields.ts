/** The merge fields a proposal template may use, with what each one is filled with. */
export const mergeFields = {
  'client.name': 'Client name',
  'client.industry': 'Client industry',
  'client.website': 'Client website',
  'contact.name': 'Primary contact name',
  'contact.title': 'Primary contact title',
  'contact.email': 'Primary contact e-mail',
  'deal.name': 'Deal name',
  'deal.amount': 'Deal amount',
  'deal.expected_close': 'Deal expected close date',
  'owner.name': 'Account owner name',
  'owner.email': 'Account owner e-mail',
  'author.name': 'Proposal author name',
  today: "Today's date",
} as const;

export type MergeField = keyof typeof mergeFields;
export type MergeValues = Partial<Record<MergeField, string | null>>;

const fieldPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(mergeFields, name);
}

// ASCII punctuation that Markdown (CommonMark with GFM) can read as syntax, `{` and `}` included so
// a value never reads as a merge field; `, ; ? % / $` never start anything.
const markdownSyntax = /[!"#&'()*+\-.:<=>@[\\\]^_`{|}~]/g;

/**
 * A merge value as Markdown that renders as exactly its text: each punctuation character
 * backslash-escaped, control characters and line breaks as spaces, trimmed, so a client named
 * `**Acme** <b>` or `1. Acme` shows as written, in the page, the share page and the PDF alike.
 */
export function escapeMergeValue(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .replace(markdownSyntax, '\\$&');
}

/** The `{{…}}` names in `body` that are not merge fields, each once, in order of appearance. */
export function unknownMergeFields(body: string): string[] {
  const unknown = new Set<string>();
  for (const [, name = ''] of body.matchAll(fieldPattern)) {
    if (!isMergeField(name)) unknown.add(name);
  }
  return [...unknown];
}

/** Every `{{…}}` name still in `body`, merge field or not, each once, in order of appearance. */
export function unfilledMergeFields(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(fieldPattern), ([, name = '']) => name))];
}

/**
 * Fills the merge fields of `body` with their values, escaped as Markdown text. A field without a
 * value, and anything that is not a merge field, stays as written so the author sees what is
 * still to fill in.
 */
export function renderMergeFields(body: string, values: MergeValues): string {
  return body.replace(fieldPattern, (placeholder, name: string) => {
    if (!isMergeField(name)) return placeholder;
    const value = values[name] ? escapeMergeValue(values[name]) : '';
    return value || placeholder;
  });
}
