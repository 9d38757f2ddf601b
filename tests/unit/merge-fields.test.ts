import { describe, expect, it } from 'vitest';
import { mergeFields, renderMergeFields, unknownMergeFields } from '@/lib/merge-fields';

describe('renderMergeFields', () => {
  it('fills every field that has a value, wherever it appears and however it is spaced', () => {
    expect(
      renderMergeFields(
        'Dear {{contact.name}}, {{ client.name }} and {{client.name}} — {{today}}',
        {
          'contact.name': 'Ada Lovelace',
          'client.name': 'Harbor Co',
          today: 'Nov 28, 2026',
        },
      ),
    ).toBe('Dear Ada Lovelace, Harbor Co and Harbor Co — Nov 28, 2026');
  });

  it('leaves a field without a value (missing, null or empty) as its placeholder', () => {
    expect(
      renderMergeFields('{{deal.name}} / {{deal.amount}} / {{owner.name}}', {
        'deal.name': null,
        'deal.amount': '',
      }),
    ).toBe('{{deal.name}} / {{deal.amount}} / {{owner.name}}');
  });

  it('leaves unknown fields as written, even if a value is passed under that name', () => {
    const values = { 'client.name': 'Harbor Co', 'client.nmae': 'nope' } as Record<string, string>;
    expect(renderMergeFields('{{client.nmae}} {{client.name}} {{ }}', values)).toBe(
      '{{client.nmae}} Harbor Co {{ }}',
    );
  });

  it('inserts values literally, without reading them as more fields or replacement patterns', () => {
    expect(renderMergeFields('{{client.name}}', { 'client.name': "$& {{today}} <b>$'</b>" })).toBe(
      "$& {{today}} <b>$'</b>",
    );
  });

  it('does not treat object prototype names as fields', () => {
    expect(renderMergeFields('{{constructor}} {{toString}}', {})).toBe(
      '{{constructor}} {{toString}}',
    );
  });
});

describe('unknownMergeFields', () => {
  it('is empty for a body that uses only known fields', () => {
    const body = Object.keys(mergeFields)
      .map((field) => `{{${field}}}`)
      .join(' ');
    expect(unknownMergeFields(body)).toEqual([]);
    expect(unknownMergeFields('No fields at all, just {single} braces.')).toEqual([]);
  });

  it('lists each unknown name once, in order of appearance, trimmed', () => {
    expect(
      unknownMergeFields('{{client.nmae}} {{client.name}} {{ deal.value }} {{client.nmae}} {{}}'),
    ).toEqual(['client.nmae', 'deal.value', '']);
  });

  it('treats prototype names as unknown', () => {
    expect(unknownMergeFields('{{__proto__}} {{hasOwnProperty}}')).toEqual([
      '__proto__',
      'hasOwnProperty',
    ]);
  });
});
