import { cn } from '@/lib/utils';

/** The icons the stylesheet draws (app/globals.css, `.icon-<name>`). */
export type IconName =
  | 'home'
  | 'calendar'
  | 'clients'
  | 'prospects'
  | 'pipeline'
  | 'competitors'
  | 'proposals'
  | 'review'
  | 'contracts'
  | 'templates'
  | 'users'
  | 'settings'
  | 'audit'
  | 'feedback'
  | 'tasks'
  | 'materials'
  | 'invoices'
  | 'campaigns'
  | 'reports'
  | 'documents'
  | 'menu'
  | 'columns'
  | 'filters'
  | 'previous'
  | 'next'
  | 'grip'
  | 'expand'
  | 'file-text'
  | 'file-video'
  | 'presentation'
  | 'file'
  | 'search'
  | 'download'
  | 'upload'
  | 'bell'
  | 'chevron-down';

/**
 * A decorative icon as one empty element, its shape a CSS mask: far fewer bytes than an inline
 * SVG where the same icons repeat on every page.
 */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <span aria-hidden className={cn('icon', `icon-${name}`, className)} />;
}
