export default definePageConfig({ navigationBarTitleText: '代居民许心愿' });
