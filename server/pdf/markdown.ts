import 'server-only';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { pdfFonts, type PdfDocument as Doc } from './document';
import {
  pdfColors,
  writeRuns as writeStyledRuns,
  type PdfRun as Run,
  type PdfStyle as Style,
} from './text';

const headingSizes = [16, 14, 12.5, 11.5, 11, 11] as const;
const bodySize = 10.5;
const listIndent = 16;

// A link in the PDF opens only a web or mail address, whatever the Markdown said.
function safeLink(url: string) {
  return /^(https?:|mailto:)/i.test(url) ? url : undefined;
}

/** Inline Markdown (bold, italic, code, links, strikethrough) as styled runs of text. */
function runsOf(nodes: PhrasingContent[], style: Style = {}): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
      case 'html':
        return [{ ...style, text: node.value }];
      case 'inlineCode':
        return [{ ...style, code: true, text: node.value }];
      case 'strong':
        return runsOf(node.children, { ...style, bold: true });
      case 'emphasis':
        return runsOf(node.children, { ...style, italic: true });
      case 'delete':
        return runsOf(node.children, { ...style, strike: true });
      case 'link':
        return runsOf(node.children, { ...style, link: safeLink(node.url) });
      case 'break':
        return [{ ...style, text: '\n' }];
      case 'image':
        return node.alt ? [{ ...style, italic: true, text: node.alt }] : [];
      default:
        return 'children' in node ? runsOf(node.children as PhrasingContent[], style) : [];
    }
  });
}

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

/** Writes runs as one flowing paragraph starting at `x`, `width` wide. */
function writeRuns(doc: Doc, runs: Run[], x: number, width: number, size = bodySize) {
  writeStyledRuns(doc, runs, { x, width, size });
}

type Box = { x: number; width: number };

function writeBlock(doc: Doc, node: RootContent, box: Box) {
  switch (node.type) {
    case 'heading': {
      doc.moveDown(0.4);
      const size = headingSizes[node.depth - 1] ?? bodySize;
      writeRuns(doc, runsOf(node.children, { bold: true }), box.x, box.width, size);
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph':
      writeRuns(doc, runsOf(node.children), box.x, box.width);
      doc.moveDown(0.5);
      return;
    case 'list': {
      node.children.forEach((item, index) => {
        const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
        const top = doc.y;
        doc.font(pdfFonts.regular).fontSize(bodySize).fillColor(pdfColors.text);
        doc.text(marker, box.x, top, { width: listIndent, lineBreak: false });
        doc.y = top;
        const inner = { x: box.x + listIndent, width: box.width - listIndent };
        for (const child of item.children) {
          if (child.type === 'paragraph')
            writeRuns(doc, runsOf(child.children), inner.x, inner.width);
          else writeBlock(doc, child, inner);
        }
      });
      doc.moveDown(0.5);
      return;
    }
    case 'blockquote': {
      const inner = { x: box.x + listIndent, width: box.width - listIndent };
      const top = doc.y;
      for (const child of node.children) writeBlock(doc, child, inner);
      doc
        .moveTo(box.x + 4, top)
        .lineTo(box.x + 4, doc.y - 6)
        .lineWidth(2)
        .strokeColor('#cbd5e1')
        .stroke();
      return;
    }
    case 'code':
      writeRuns(doc, [{ code: true, text: node.value }], box.x, box.width, 9);
      doc.moveDown(0.5);
      return;
    case 'thematicBreak':
      doc
        .moveTo(box.x, doc.y)
        .lineTo(box.x + box.width, doc.y)
        .lineWidth(0.5)
        .strokeColor('#cbd5e1')
        .stroke();
      doc.moveDown(0.5);
      return;
    case 'table':
      for (const [index, row] of node.children.entries()) {
        const cells = row.children.map((cell) => plainText(cell));
        writeRuns(doc, [{ bold: index === 0, text: cells.join('   |   ') }], box.x, box.width);
      }
      doc.moveDown(0.5);
      return;
    case 'html':
      writeRuns(doc, [{ text: node.value }], box.x, box.width);
      doc.moveDown(0.5);
      return;
    default:
      if ('children' in node) {
        for (const child of node.children as RootContent[]) writeBlock(doc, child, box);
      }
  }
}

/**
 * Writes Markdown into a PDF document at its current position: headings, paragraphs with bold,
 * italic, code and links, bullet and numbered lists, quotes, code blocks, rules and plain tables.
 */
export function writeMarkdown(doc: Doc, markdown: string, box: Box) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  for (const node of tree.children) writeBlock(doc, node, box);
}
