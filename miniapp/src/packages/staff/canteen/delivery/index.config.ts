export default definePageConfig({ navigationBarTitleText: '送餐资格' });
