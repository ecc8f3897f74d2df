export default definePageConfig({ navigationBarTitleText: '食堂日结' });
