export default definePageConfig({ navigationBarTitleText: '关怀标签' });
