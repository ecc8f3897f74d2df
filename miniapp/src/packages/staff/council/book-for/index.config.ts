export default definePageConfig({ navigationBarTitleText: '为居民代约' });
