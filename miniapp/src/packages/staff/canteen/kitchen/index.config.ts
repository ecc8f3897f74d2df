export default definePageConfig({ navigationBarTitleText: '后厨备餐' });
