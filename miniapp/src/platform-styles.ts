// Mini-program builds need no platform styles; H5 builds resolve platform-styles.h5.ts instead
// (Taro picks `name.<platform>.ts` over `name.ts`).
export {};
