export default definePageConfig({ navigationBarTitleText: '居民台账' });
