import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SUB_PAGES } from '../../constants';

interface SignInFirstProps {
  /** Why this page needs a signed-in person, shown muted under the title; none where the title says enough. */
  why?: string;
  /** The page's own class names, so each page keeps its look. */
  titleClassName: string;
  textClassName?: string;
  buttonClassName?: string;
}

/** The card a page shows someone not signed in: 请先登录, why, and a 登录 button to the login page. */
export function SignInFirst({ why, titleClassName, textClassName, buttonClassName }: SignInFirstProps) {
  return (
    <View className="linli-card">
      <Text className={titleClassName}>请先登录</Text>
      {why ? <Text className={textClassName ? `${textClassName} linli-muted` : 'linli-muted'}>{why}</Text> : null}
      <SignInButton className={buttonClassName} />
    </View>
  );
}

/** The large 登录 button that opens the login page, for cards that say in their own words why. */
export function SignInButton({ className }: { className?: string }) {
  return (
    <Button
      className={className}
      type="primary"
      size="large"
      block
      onClick={() => void Taro.navigateTo({ url: SUB_PAGES.login })}
    >
      登录
    </Button>
  );
}
