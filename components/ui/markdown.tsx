import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { cn } from '@/lib/utils';

// No typography plugin: the few elements a proposal uses are styled here, once.
const markdownClasses = cn(
  'space-y-3 text-sm leading-6 text-slate-800 break-words',
  '[&_h1]:text-xl [&_h1]:font-semibold [&_h1]:text-slate-900',
  '[&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-slate-900',
  '[&_h3]:font-semibold [&_h3]:text-slate-900',
  '[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1',
  '[&_a]:text-brand-700 [&_a]:underline',
  '[&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600',
  '[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-xs',
  '[&_table]:min-w-full [&_table]:border-collapse [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left',
  '[&_hr]:border-slate-200',
);

/**
 * Markdown (with GitHub tables, lists and strikethrough) as HTML elements. Raw HTML in the text is
 * shown as text, never interpreted, and unsafe link targets are dropped, so user text cannot
 * inject markup. Works in server and client components alike.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn(markdownClasses, className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]}>{children}</ReactMarkdown>
    </div>
  );
}
