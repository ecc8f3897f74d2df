import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { Reply, Routes } from '@linli/shared/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../services/api';
import { loadUnread, markOneRead, setUnread } from '../services/unread';
import { useSignedInUser } from './use-session';

export type Message = Reply<Routes['listMessages']>['messages'][number];

export interface MessagesState {
  /** Newest first: the first page, then every page loaded with 加载更多. */
  messages: Message[];
  /** Cursor of the next (older) page; undefined when there is none. */
  nextBefore: string | undefined;
  /** Whether the first page has arrived at least once. */
  loaded: boolean;
  /** The first page is being (re)loaded. */
  refreshing: boolean;
  loadingMore: boolean;
  /** Why the last refresh failed (the list keeps what it had). */
  error: ApiError | undefined;
}

const EMPTY: MessagesState = {
  messages: [],
  nextBefore: undefined,
  loaded: false,
  refreshing: false,
  loadingMore: false,
  error: undefined,
};

/** 消息: my messages page by page, refreshing (also by pulling down), and marking one read. */
export function useMessages() {
  const userId = useSignedInUser();
  const [state, setState] = useState<MessagesState>(EMPTY);
  const current = useRef(state);
  current.current = state;
  // Answers to a request that a newer refresh (or another user) superseded are dropped.
  const generation = useRef(0);

  const refresh = useCallback(async (): Promise<void> => {
    const mine = ++generation.current;
    setState((prev) => ({ ...prev, refreshing: true, error: undefined }));
    try {
      const page = await api.call('listMessages', { query: {}, toast: false });
      if (mine !== generation.current) return;
      setUnread(page.unread);
      setState({ ...EMPTY, messages: page.messages, nextBefore: page.nextBefore, loaded: true });
    } catch (error) {
      if (mine !== generation.current) return;
      setState((prev) => ({ ...prev, refreshing: false, error: error as ApiError }));
    }
  }, []);

  const loadMore = useCallback(async (): Promise<void> => {
    const { nextBefore, loadingMore, refreshing } = current.current;
    if (!nextBefore || loadingMore || refreshing) return;
    const mine = generation.current;
    setState((prev) => ({ ...prev, loadingMore: true }));
    try {
      const page = await api.call('listMessages', { query: { before: nextBefore } });
      if (mine !== generation.current) return;
      setUnread(page.unread);
      setState((prev) => {
        const known = new Set(prev.messages.map((m) => m.messageId));
        const older = page.messages.filter((m) => !known.has(m.messageId));
        return { ...prev, messages: [...prev.messages, ...older], nextBefore: page.nextBefore, loadingMore: false };
      });
    } catch {
      // The client has said why in a toast; 加载更多 stays for another try.
      if (mine === generation.current) setState((prev) => ({ ...prev, loadingMore: false }));
    }
  }, []);

  // Messages marked read here, so a quick second tap neither counts nor sends twice.
  const marked = useRef(new Set<string>());

  /** Shows the message as read at once and tells the server; undoes it if the server refuses. */
  const markRead = useCallback((message: Message): void => {
    if (message.readAt || marked.current.has(message.messageId)) return;
    marked.current.add(message.messageId);
    const patch = (readAt: string | undefined) =>
      setState((prev) => ({
        ...prev,
        messages: prev.messages.map((m) => (m.messageId === message.messageId ? { ...m, readAt } : m)),
      }));
    patch(new Date().toISOString());
    markOneRead();
    api.call('markMessageRead', { params: { messageId: message.messageId }, toast: false }).then(
      (saved) => patch(saved.readAt),
      () => {
        marked.current.delete(message.messageId);
        patch(undefined);
        void loadUnread();
      },
    );
  }, []);

  const [markingAll, setMarkingAll] = useState(false);

  /** 全部已读: the server marks every unread message; the list shows them read once it has. */
  const markAllRead = useCallback(async (): Promise<void> => {
    setMarkingAll(true);
    try {
      const result = await api.call('markAllMessagesRead', {});
      setUnread(result.unread);
      const at = new Date().toISOString();
      setState((prev) => ({ ...prev, messages: prev.messages.map((m) => (m.readAt ? m : { ...m, readAt: at })) }));
      // A long backlog is marked a chunk per tap; show what is still unread.
      if (result.unread > 0) void refresh();
    } catch {
      // The client has said why in a toast; the button stays for another try.
    } finally {
      setMarkingAll(false);
    }
  }, [refresh]);

  useEffect(() => {
    generation.current++;
    setState(EMPTY);
    if (userId) void refresh();
  }, [userId, refresh]);

  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });

  return { ...state, refresh, loadMore, markRead, markAllRead, markingAll };
}
