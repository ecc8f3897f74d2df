export default definePageConfig({ navigationBarTitleText: '社区结构' });
