export default definePageConfig({ navigationBarTitleText: '食堂设置' });
