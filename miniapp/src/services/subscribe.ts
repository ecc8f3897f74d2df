/**
 * Asks for WeChat subscribe-message consent at the moment a later event becomes likely (joining
 * a waitlist, submitting a topic, ordering a delivery) and tells the backend what was granted.
 * Each accepted request lets the backend send one message of that template.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_TAP, type TemplateKey } from '@linli/shared/contract/notify';
import { api } from './api';

/** Template ids configured for this build; a key without one is in-app only. */
export function templateIdsFor(keys: readonly TemplateKey[]): { key: TemplateKey; id: string }[] {
  return keys.flatMap((key) => {
    const id = LINLI_WECHAT_TEMPLATE_IDS[key];
    return id ? [{ key, id }] : [];
  });
}

/**
 * Must run in a tap handler (WeChat only shows the dialog for a user gesture). Resolves quietly
 * whatever happens: consent is a bonus, never a reason to block what the person was doing.
 */
export async function askConsent(keys: readonly TemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  const templates = templateIdsFor(keys).slice(0, MAX_TEMPLATES_PER_TAP);
  if (templates.length === 0) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templates.map((t) => t.id),
      entityIds: [],
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const results = templates.map((t) => ({ template: t.key, accepted: answer[t.id] === 'accept' }));
    await api.call('recordConsent', { body: { results } });
  } catch {
    // Declined dialogs, old clients, network trouble: the in-app message still arrives.
  }
}
