export default definePageConfig({ navigationBarTitleText: '为无微信居民建档' });
