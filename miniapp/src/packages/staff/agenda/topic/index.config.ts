export default definePageConfig({ navigationBarTitleText: '办理议题' });
