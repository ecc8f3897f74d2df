/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Base URL of the API for mini-program builds (config defineConstants, env LINLI_API_URL). */
declare const LINLI_API_URL: string;

/** Whether the login page lists the local demo users (config defineConstants, env LINLI_DEV_LOGIN). */
declare const LINLI_DEV_LOGIN: boolean;

/** WeChat subscribe-message template ids by Linli template key (env LINLI_WECHAT_TEMPLATE_IDS, JSON). */
declare const LINLI_WECHAT_TEMPLATE_IDS: Partial<Record<'seat' | 'council' | 'topic' | 'meal' | 'points', string>>;

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform Taro builds for; replaced at build time. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Overrides the appid of project.config.json when set at build time. */
    TARO_APP_ID?: string;
    /** Base URL of the local or deployed API, baked into weapp builds. */
    LINLI_API_URL?: string;
    /** 1 or 0: offer the local demo logins in a mini-program build (default: for a loopback API). */
    LINLI_DEV_LOGIN?: string;
    /** JSON of WeChat subscribe-message template ids by template key. */
    LINLI_WECHAT_TEMPLATE_IDS?: string;
  }
}
