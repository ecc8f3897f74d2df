/**
 * The message centre over HTTP: paging, reading one message, 全部已读, and the unread count
 * that stays exact (never negative, never counting a message twice) under concurrent taps.
 */
import { ulid } from 'ulidx';
import { deliverMessage } from '../../functions/src/notify/repository';
import { apiForThisFile } from '../helpers/api';
import { idem, newWechatUser, type SignedIn } from '../helpers/fixtures';

const api = apiForThisFile();

interface Message {
  messageId: string;
  title: string;
  readAt?: string;
}
interface Page {
  messages: Message[];
  unread: number;
  nextBefore?: string;
}

/** Delivers `n` messages to the user the way the notifier does, oldest first. */
async function deliver(user: SignedIn, n: number): Promise<string[]> {
  const ids: string[] = [];
  const start = Date.now() - n * 1000;
  for (let i = 0; i < n; i += 1) {
    const messageId = ulid(start + i * 1000);
    ids.push(messageId);
    await deliverMessage({
      messageId,
      userId: user.userId,
      eventId: `evt-${messageId}`,
      title: `通知 ${i + 1}`,
      body: '测试消息',
      createdAt: new Date(start + i * 1000).toISOString(),
    });
  }
  return ids;
}

const unread = async (user: SignedIn) =>
  (await api.call<{ unread: number }>('GET', '/me/messages/unread-count', { token: user.accessToken })).body.unread;

async function allMessages(user: SignedIn): Promise<Message[]> {
  const all: Message[] = [];
  let before: string | undefined;
  do {
    const res = await api.call<Page>('GET', `/me/messages${before ? `?before=${before}` : ''}`, {
      token: user.accessToken,
    });
    expect(res.status).toBe(200);
    all.push(...res.body.messages);
    before = res.body.nextBefore;
  } while (before);
  return all;
}

describe('the message centre', () => {
  it('pages newest first and counts one message read once, however often it is opened', async () => {
    const user = await newWechatUser(api, 'inbox');
    const ids = await deliver(user, 25);
    const messages = await allMessages(user);
    expect(messages.map((m) => m.messageId)).toEqual([...ids].reverse());
    expect(await unread(user)).toBe(25);

    const reads = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.call<Message>('POST', `/me/messages/${ids[3]}/read`, { token: user.accessToken }),
      ),
    );
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(reads.map((r) => r.body.readAt)).size).toBe(1);
    expect(await unread(user)).toBe(24);
  });

  it('marks every unread message read with 全部已读, in chunks, leaving the count at 0', async () => {
    const user = await newWechatUser(api, 'readall');
    const ids = await deliver(user, 120);
    await api.call('POST', `/me/messages/${ids[0]}/read`, { token: user.accessToken });

    const res = await api.call<{ marked: number; unread: number }>('POST', '/me/messages/read-all', {
      token: user.accessToken,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ marked: 119, unread: 0 });
    expect((await allMessages(user)).every((m) => m.readAt)).toBe(true);

    // Nothing left: a second tap marks nothing and the count stays at 0.
    const again = await api.call('POST', '/me/messages/read-all', { token: user.accessToken });
    expect(again.body).toEqual({ marked: 0, unread: 0 });
  });

  it('keeps the count exact when 全部已读 races single reads and a second 全部已读', async () => {
    const user = await newWechatUser(api, 'race');
    const ids = await deliver(user, 60);
    const calls = [
      api.call('POST', '/me/messages/read-all', { token: user.accessToken }),
      api.call('POST', '/me/messages/read-all', { token: user.accessToken }),
      ...ids.slice(0, 20).map((id) => api.call('POST', `/me/messages/${id}/read`, { token: user.accessToken })),
    ];
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(await unread(user)).toBe(0);
    expect((await allMessages(user)).filter((m) => !m.readAt)).toEqual([]);

    // A message that arrives afterwards counts again from 0.
    await deliver(user, 1);
    expect(await unread(user)).toBe(1);
  });

  it('does not let anyone read another person’s message', async () => {
    const owner = await newWechatUser(api, 'owner');
    const other = await newWechatUser(api, 'other');
    const [id] = await deliver(owner, 1);
    const res = await api.call<{ error: { code: string } }>('POST', `/me/messages/${id}/read`, {
      token: other.accessToken,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('MESSAGE_NOT_FOUND');
    expect(await unread(owner)).toBe(1);
  });
});

describe('subscribe-message consent', () => {
  interface Granted {
    granted: { template: string; remaining: number }[];
  }
  const record = (user: SignedIn, headers: Record<string, string>, results: unknown[]) =>
    api.call<Granted>('POST', '/me/subscriptions', { token: user.accessToken, headers, body: { results } });

  it('counts one consent per accepted template and counts a retried request once', async () => {
    const user = await newWechatUser(api, 'consent');
    const first = await record(user, idem(), [
      { template: 'seat', accepted: true },
      { template: 'meal', accepted: false },
    ]);
    const headers = idem();
    const second = await record(user, headers, [
      { template: 'seat', accepted: true },
      { template: 'meal', accepted: true },
    ]);
    // The same request again (its answer was lost on the way): nothing is counted twice.
    const retried = await record(user, headers, [
      { template: 'seat', accepted: true },
      { template: 'meal', accepted: true },
    ]);
    const listed = await api.call<Granted>('GET', '/me/subscriptions', { token: user.accessToken });

    expect(first.status).toBe(200);
    expect(first.body.granted).toEqual([
      { template: 'seat', remaining: 1 },
      { template: 'meal', remaining: 0 },
    ]);
    expect(second.body.granted).toEqual([
      { template: 'seat', remaining: 2 },
      { template: 'meal', remaining: 1 },
    ]);
    expect(retried.body).toEqual(second.body);
    expect(listed.body.granted).toEqual(
      expect.arrayContaining([
        { template: 'seat', remaining: 2 },
        { template: 'meal', remaining: 1 },
      ]),
    );
  });
});
