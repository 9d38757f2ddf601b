import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/components/ui/markdown';
import {
  escapeMergeValue,
  mergeFields,
  renderMergeFields,
  unfilledMergeFields,
  unknownMergeFields,
} from '@/lib/merge-fields';

/** What the page shows for Markdown: the Markdown component's HTML, and its text. */
function rendered(markdown: string) {
  const html = renderToStaticMarkup(createElement(Markdown, null, markdown));
  return { html, text: decodeEntities(html.replace(/<[^>]*>/g, '')) };
}

/** HTML text back to the characters React escaped. */
function decodeEntities(html: string) {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

// Values as a client record could hold them: any text, weighted to Markdown and HTML syntax.
const anyValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      ...'*_`#[]()<>!&;|~\\{}-+.:=@"\'^$ \t\n1aZżΩЖ€→'.split(''),
      '&amp;',
      '<b>',
      '</script>',
      '[x](javascript:alert(1))',
      '{{today}}',
      'www.example.com',
      'https://example.com',
      'ada@example.com',
      '1. ',
      '# ',
      '    ',
      '---',
    ),
    maxLength: 20,
  }),
);

/** A link target as written, before React and the URL encoding. */
function decodedHref(href: string) {
  const unescaped = decodeEntities(href);
  try {
    return decodeURI(unescaped);
  } catch {
    return unescaped;
  }
}

/** What the escaped value must read as: its text, with control characters as spaces, trimmed. */
function shown(value: string) {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

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

  it('inserts values escaped, never read as more fields or as replacement patterns', () => {
    const body = renderMergeFields('{{client.name}}', { 'client.name': "$& {{today}} <b>$'</b>" });
    expect(body).toBe("$\\& \\{\\{today\\}\\} \\<b\\>$\\'\\</b\\>");
    expect(unfilledMergeFields(body)).toEqual([]);
    expect(rendered(body).text).toBe("$& {{today}} <b>$'</b>");
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

describe('unfilledMergeFields', () => {
  it('lists every placeholder left, known or not, once each, in order', () => {
    expect(
      unfilledMergeFields('{{contact.name}}, {{ deal.amount }} {{client.nmae}} {{contact.name}}'),
    ).toEqual(['contact.name', 'deal.amount', 'client.nmae']);
    expect(unfilledMergeFields('All filled: Harbor Co, {single} and \\{\\{escaped\\}\\}.')).toEqual(
      [],
    );
  });
});

describe('escapeMergeValue', () => {
  it('shows Markdown and HTML in a value as text, in the page preview', () => {
    const value = '**Acme** <b>Bold</b> [site](javascript:alert(1)) # 1. `x` &amp; _y_ ~z~';
    const { html, text } = rendered(`Dear ${escapeMergeValue(value)},`);
    expect(text).toBe(`Dear ${value},`);
    expect(html).toMatch(/^<div[^>]*><p>[^<]*<\/p><\/div>$/);
  });

  it('renders as exactly the value, mid-line or starting a line (property)', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const escaped = escapeMergeValue(value);
        for (const [markdown, expected] of [
          [`Dear ${escaped} and co`, `Dear ${shown(value)} and co`],
          [`${escaped}`, shown(value)],
          [`- ${escaped}`, shown(value)],
        ] as const) {
          const { html, text } = rendered(markdown);
          expect(text.trim()).toBe(expected.trim());
          // One paragraph (or list item) of plain text: no element came from the value but GFM's
          // links of a bare address, which show the text as written and lead where it says.
          const links = html.replace(
            /<a href="([^"]*)">([^<]*)<\/a>/g,
            (link, href: string, label: string) =>
              [label, `mailto:${label}`, `http://${label}`]
                .map(decodeEntities)
                .includes(decodedHref(href))
                ? label
                : link,
          );
          expect(links.replace(/<\/?(div|p|ul|li)\b[^>]*>/g, '')).not.toContain('<');
        }
        expect(unfilledMergeFields(escaped)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
