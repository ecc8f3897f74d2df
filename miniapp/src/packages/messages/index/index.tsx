import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
import { useMessages, type Message } from '../../../hooks/use-messages';
import { useSignedInUser } from '../../../hooks/use-session';
import { useUnreadCount } from '../../../hooks/use-unread-count';
import { openPage } from '../../../utils/navigation';
import { formatMessageTime } from '../../../utils/time';
import './index.css';

interface MessageItemProps {
  message: Message;
  expanded: boolean;
  onOpen: (message: Message) => void;
}

/** Roughly what three lines hold on a phone; longer bodies are folded until opened. */
const FOLDED_CHARS = 50;

function MessageItem({ message, expanded, onOpen }: MessageItemProps) {
  const unread = !message.readAt;
  const long = [...message.body].length > FOLDED_CHARS;
  return (
    <View
      className={`messages__item${unread ? ' messages__item--unread' : ''}`}
      role="button"
      onClick={() => onOpen(message)}
    >
      <View className="messages__head">
        {unread ? <View className="messages__dot" role="img" aria-label="未读" /> : null}
        <Text className="messages__title">{message.title}</Text>
        <Text className="messages__time">{formatMessageTime(message.createdAt)}</Text>
      </View>
      <Text className={`messages__body${expanded ? '' : ' messages__body--short'}`}>{message.body}</Text>
      {message.link ? <Text className="messages__more">查看详情 ›</Text> : null}
      {!message.link && long ? <Text className="messages__more">{expanded ? '收起 ▴' : '展开全文 ▾'}</Text> : null}
    </View>
  );
}

function Inbox() {
  const unread = useUnreadCount();
  const inbox = useMessages();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const unfold = (id: string, how: 'open' | 'flip') =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (how === 'flip' && prev.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // Opening marks it read; a message about a page goes there (or unfolds when the page cannot
  // open), any other message unfolds or folds in place.
  const leaving = useRef(false);
  // Back from the opened page: taps count again, whether or not navigateTo ever answered.
  useDidShow(() => {
    leaving.current = false;
  });
  const open = async (message: Message) => {
    inbox.markRead(message);
    if (!message.link) {
      unfold(message.messageId, 'flip');
      return;
    }
    if (leaving.current) return; // a second tap while the page opens would open it twice
    leaving.current = true;
    const opened = await openPage(message.link);
    leaving.current = false;
    if (!opened) unfold(message.messageId, 'open');
  };

  if (!inbox.loaded) {
    return (
      <RequestStatus what="消息" loading={!inbox.error} error={inbox.error} onRetry={() => void inbox.refresh()} />
    );
  }

  return (
    <>
      <View className="messages__bar">
        <Text className="messages__summary">{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        <View className="messages__actions">
          {unread > 0 ? (
            <Button
              className="messages__refresh"
              fill="outline"
              loading={inbox.markingAll}
              onClick={() => void inbox.markAllRead()}
            >
              全部已读
            </Button>
          ) : null}
          <Button
            className="messages__refresh"
            fill="outline"
            loading={inbox.refreshing}
            onClick={() => void inbox.refresh()}
          >
            刷新
          </Button>
        </View>
      </View>
      {inbox.error ? (
        <Text className="messages__error" aria-live="polite">
          刷新失败：{inbox.error.message}
        </Text>
      ) : null}

      {inbox.messages.length === 0 ? (
        <View className="linli-card messages__empty">
          <Text className="messages__empty-icon" aria-hidden>
            📭
          </Text>
          <Text className="messages__empty-title">还没有消息</Text>
          <Text className="linli-muted">居民认证、家人代办、议事会预约和候补有了结果，都会在这里告诉您。</Text>
        </View>
      ) : (
        inbox.messages.map((message) => (
          <MessageItem
            key={message.messageId}
            message={message}
            expanded={expanded.has(message.messageId)}
            onOpen={(m) => void open(m)}
          />
        ))
      )}

      {inbox.nextBefore ? (
        <Button
          className="messages__load-more"
          size="large"
          block
          loading={inbox.loadingMore}
          onClick={() => void inbox.loadMore()}
        >
          加载更多
        </Button>
      ) : inbox.messages.length > 0 ? (
        <Text className="messages__end linli-muted">没有更早的消息了</Text>
      ) : null}
    </>
  );
}

/** 消息: what the community told me, newest first; opening one marks it read. */
export default function MessagesPage() {
  const signedIn = useSignedInUser() !== null;
  return (
    <PageShell className="messages">
      {signedIn ? (
        <Inbox />
      ) : (
        <SignInFirst
          titleClassName="messages__empty-title"
          why="登录后可以查看社区发给您的消息。"
          buttonClassName="messages__load-more"
        />
      )}
    </PageShell>
  );
}
