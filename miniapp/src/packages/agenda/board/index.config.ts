export default definePageConfig({ navigationBarTitleText: '晒事栏' });
