export default definePageConfig({ navigationBarTitleText: '志愿服务与积分' });
