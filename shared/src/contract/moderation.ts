import * as z from 'zod/mini';
import { defineRoute } from './route';

/** WeChat calls Linli back here (消息推送, JSON, 明文模式) with the verdict of an async media check. */
export const moderationRoutes = {
  wechatPushUrlCheck: defineRoute({
    id: 'wechatPushUrlCheck',
    method: 'GET',
    path: '/wechat/push',
    summary: '微信消息推送：配置服务器地址时的校验（签名正确则原样返回 echostr）',
    domain: 'moderation',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    responseType: 'text',
    schemas: () => ({
      query: z.looseObject({ signature: z.string(), timestamp: z.string(), nonce: z.string(), echostr: z.string() }),
      response: z.string(),
    }),
  }),
  wechatMediaCheckCallback: defineRoute({
    id: 'wechatMediaCheckCallback',
    method: 'POST',
    path: '/wechat/push',
    summary: '微信消息推送：图片内容安全检测（mediaCheckAsync）结果回调，按签名校验',
    domain: 'moderation',
    roles: 'public',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      query: z.looseObject({ signature: z.string(), timestamp: z.string(), nonce: z.string() }),
      body: z.looseObject({
        Event: z.string(),
        trace_id: z.optional(z.string()),
        result: z.optional(z.looseObject({ suggest: z.optional(z.string()), label: z.optional(z.number()) })),
      }),
      response: z.object({ recorded: z.boolean() }),
    }),
  }),
} as const;
