export default definePageConfig({ navigationBarTitleText: '人员与任免' });
