export default definePageConfig({ navigationBarTitleText: '网格探访' });
