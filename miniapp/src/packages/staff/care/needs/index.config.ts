export default definePageConfig({ navigationBarTitleText: '求助派单' });
