export default definePageConfig({ navigationBarTitleText: '探访间隔' });
