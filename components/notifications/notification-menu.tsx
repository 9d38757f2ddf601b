'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { ViewerFormat } from '@/lib/format';
import { loadRecentNotifications, markAllNotificationsRead } from '@/server/notifications/actions';
import type { NotificationItem } from '@/server/notifications/queries';
import { NotificationEntry } from './notification-entry';
import { Icon } from '@/components/ui/icon';

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
  const [isLoading, startLoading] = useTransition();
  const [isMarking, startMarking] = useTransition();
  const close = () => setOpen(false);

  // A fresh page render (after navigating or an action) brings the server's count: take it.
  if (pageUnread !== pageCount) {
    setPageCount(pageUnread);
    setUnread(pageUnread);
  }

  const show = () => {
    setOpen(true);
    startLoading(async () => {
      const loaded = await loadRecentNotifications();
      setList({ items: loaded.items, now: new Date().toISOString() });
      setUnread(loaded.unread);
    });
  };

  const markAll = () =>
    startMarking(async () => {
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
    <DropdownMenu open={open} onOpenChange={(next) => (next ? show() : close())}>
      <DropdownMenuTrigger
        aria-label={
          unread > 0 ? `Notifications, ${unreadLabel(unread, cap)} unread` : 'Notifications'
        }
        className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100"
      >
        <Icon name="bell" className="block size-5" />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {unreadLabel(unread, cap)}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent aria-label="Notifications" className="w-80 max-w-[calc(100vw-1rem)] p-0">
        <div className="flex items-center justify-between border-b border-slate-200 px-1 py-1">
          <DropdownMenuLabel className="text-sm tracking-normal text-slate-900 normal-case">
            Notifications
          </DropdownMenuLabel>
          <DropdownMenuItem
            disabled={unread === 0 || isMarking}
            onSelect={(event) => {
              // The menu stays open to show the list marked read.
              event.preventDefault();
              markAll();
            }}
            className="w-auto px-2 py-1 text-xs font-medium text-brand-700 data-highlighted:bg-brand-50 data-highlighted:text-brand-800"
          >
            Mark all as read
          </DropdownMenuItem>
        </div>
        <DropdownMenuGroup
          aria-label="Recent notifications"
          aria-busy={isLoading}
          className="max-h-96 overflow-y-auto p-1"
        >
          {list === null ? (
            <DropdownMenuLabel className="py-6 text-center text-sm font-normal tracking-normal normal-case">
              Loading…
            </DropdownMenuLabel>
          ) : list.items.length === 0 ? (
            <DropdownMenuLabel className="py-6 text-center text-sm font-normal tracking-normal normal-case">
              You have no notifications.
            </DropdownMenuLabel>
          ) : (
            list.items.map((item) => (
              <DropdownMenuItem key={item.id} asChild className="block">
                <NotificationEntry item={item} viewer={viewer} now={list.now} onOpen={onOpen} />
              </DropdownMenuItem>
            ))
          )}
        </DropdownMenuGroup>
        <DropdownMenuItem
          asChild
          className="block rounded-none border-t border-slate-200 text-center font-medium text-brand-700"
        >
          <Link href="/notifications">See all notifications</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
