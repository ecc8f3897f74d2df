export default definePageConfig({ navigationBarTitleText: '议事场所' });
