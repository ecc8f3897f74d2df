export default definePageConfig({ navigationBarTitleText: '爱心商户' });
