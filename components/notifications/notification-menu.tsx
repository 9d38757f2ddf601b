'use client';

import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useCallback, useId, useRef, useState, useTransition } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import type { ViewerFormat } from '@/lib/format';
import { loadRecentNotifications, markAllNotificationsRead } from '@/server/notifications/actions';
import type { NotificationItem } from '@/server/notifications/queries';
import { NotificationEntry } from './notification-entry';

type LoadedList = { items: NotificationItem[]; now: string };

/** "3", or "99+" past the cap the server counts to. */
function unreadLabel(unread: number, cap: number) {
  return unread > cap ? `${cap}+` : String(unread);
}

/**
 * The bell in the header: the unread count comes with the page; the list is fetched only when the
 * bell is opened.
 */
export function NotificationMenu({
  unread: pageUnread,
  cap,
  viewer,
}: {
  unread: number;
  cap: number;
  viewer: ViewerFormat;
}) {
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(pageUnread);
  const [pageCount, setPageCount] = useState(pageUnread);
  const [list, setList] = useState<LoadedList | null>(null);
  const [isPending, startTransition] = useTransition();
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(container, open, close);

  // A fresh page render (after navigating or an action) brings the server's count: take it.
  if (pageUnread !== pageCount) {
    setPageCount(pageUnread);
    setUnread(pageUnread);
  }

  const toggle = () => {
    if (open) return close();
    setOpen(true);
    startTransition(async () => {
      const loaded = await loadRecentNotifications();
      setList({ items: loaded.items, now: new Date().toISOString() });
      setUnread(loaded.unread);
    });
  };

  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsRead();
      if (!result.ok) return;
      setUnread(0);
      setList(
        (current) =>
          current && { ...current, items: current.items.map((item) => ({ ...item, read: true })) },
      );
    });

  const onOpen = (count?: number) => {
    if (count !== undefined) setUnread(count);
    close();
  };

  return (
    <div ref={container} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          unread > 0 ? `Notifications, ${unreadLabel(unread, cap)} unread` : 'Notifications'
        }
        onClick={toggle}
        className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {unreadLabel(unread, cap)}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <button
              type="button"
              onClick={markAll}
              disabled={unread === 0 || isPending}
              className="rounded px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-500"
            >
              Mark all as read
            </button>
          </div>
          <div aria-busy={isPending} className="max-h-96 overflow-y-auto p-1">
            {list === null ? (
              <p className="px-3 py-6 text-center text-sm text-slate-600">Loading…</p>
            ) : list.items.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm text-slate-600">
                You have no notifications.
              </p>
            ) : (
              <ul aria-label="Recent notifications">
                {list.items.map((item) => (
                  <li key={item.id}>
                    <NotificationEntry item={item} viewer={viewer} now={list.now} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Link
            href="/notifications"
            onClick={close}
            className="block border-t border-slate-200 px-3 py-2 text-center text-sm font-medium text-brand-700 hover:bg-slate-50"
          >
            See all notifications
          </Link>
        </div>
      ) : null}
    </div>
  );
}
