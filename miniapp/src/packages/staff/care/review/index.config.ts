export default definePageConfig({ navigationBarTitleText: '审核心愿' });
