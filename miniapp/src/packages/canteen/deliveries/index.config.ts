export default definePageConfig({ navigationBarTitleText: '送餐任务' });
