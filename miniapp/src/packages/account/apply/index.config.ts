export default definePageConfig({ navigationBarTitleText: '申请居民认证' });
