export default definePageConfig({ navigationBarTitleText: '心愿总览' });
