export default definePageConfig({ navigationBarTitleText: '食堂管理' });
