export default definePageConfig({ navigationBarTitleText: '电话代订' });
