export default definePageConfig({ navigationBarTitleText: '代办绑定确认' });
