export default definePageConfig({ navigationBarTitleText: '导入居民台账' });
