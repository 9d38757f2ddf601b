'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps, MouseEvent } from 'react';
import { formatDateTime, formatRelativeTime, type ViewerFormat } from '@/lib/format';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { cn } from '@/lib/utils';
import { markNotificationRead } from '@/server/notifications/actions';
import type { NotificationItem } from '@/server/notifications/queries';

type NotificationEntryProps = Omit<ComponentProps<typeof Link>, 'href'> & {
  item: NotificationItem;
  viewer: ViewerFormat;
  /** When the list was loaded: relative times are counted from it, the same on server and browser. */
  now: string;
  /** Called as it opens, with the new unread count when this one was unread until now. */
  onOpen?: (unread?: number) => void;
};

/**
 * One notification as a link: opening it marks it read, then goes to the page it is about. Other
 * props go to the link, so it can be a menu's item.
 */
export function NotificationEntry({
  item,
  viewer,
  now,
  onOpen,
  onClick,
  className,
  ...props
}: NotificationEntryProps) {
  const router = useRouter();
  const href = safeRedirectPath(item.href);

  const open = async (event: MouseEvent<HTMLAnchorElement>) => {
    const newTab = event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0;
    if (!newTab) event.preventDefault();
    const result = item.read ? null : await markNotificationRead(item.id);
    onOpen?.(result?.ok ? result.data.unread : undefined);
    if (!newTab) router.push(href);
  };

  return (
    <Link
      {...props}
      href={href}
      onClick={(event) => {
        void open(event);
        onClick?.(event);
      }}
      className={cn(
        'block rounded-md px-3 py-2 text-sm hover:bg-slate-50',
        !item.read && 'bg-brand-50/60',
        className,
      )}
    >
      <span className="flex items-start gap-2">
        <span
          aria-hidden
          className={cn('mt-1.5 size-2 shrink-0 rounded-full', !item.read && 'bg-brand-600')}
        />
        <span className="min-w-0 flex-1">
          {item.read ? null : <span className="sr-only">Unread: </span>}
          <span className={cn('block text-slate-900', item.read ? 'font-normal' : 'font-semibold')}>
            {item.title}
          </span>
          {item.body ? <span className="block text-slate-600">{item.body}</span> : null}
          <time
            dateTime={item.createdAt}
            title={formatDateTime(item.createdAt, viewer)}
            className="mt-0.5 block text-xs text-slate-600"
          >
            {formatRelativeTime(item.createdAt, viewer, new Date(now))}
          </time>
        </span>
      </span>
    </Link>
  );
}
