export default definePageConfig({ navigationBarTitleText: '绑定家人' });
