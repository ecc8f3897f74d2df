import { type RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface SecretsProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Keys the functions need: the JWT signing key (generated here) and the WeChat mini-program
 * credentials (created as an empty placeholder; the operator fills it, see docs/deploy.md).
 */
export class Secrets extends Construct {
  /** HS256 signing key of the app's own session tokens: 64 random letters and digits. */
  readonly jwtSigningKey: secretsmanager.Secret;
  /** JSON `{"appId": "...", "appSecret": "..."}` of the mini-program, used by the login (code2Session). */
  readonly wechat: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);

    this.jwtSigningKey = new secretsmanager.Secret(this, 'JwtSigningKey', {
      description: 'Linli: HS256 key that signs and verifies session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.jwtSigningKey.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by hand (docs/deploy.md): every token signed with the old key stops verifying at once, ' +
        'so a rotation is a planned sign-out of all users, not a scheduled job.',
    });

    this.wechat = new secretsmanager.Secret(this, 'WechatMiniProgram', {
      description: 'Linli: WeChat mini-program appId and appSecret (filled by the operator)',
      // Placeholder only: the real values are put with `aws secretsmanager put-secret-value`
      // and never pass through the template. Changing this value would overwrite them.
      secretObjectValue: {
        appId: SecretValue.unsafePlainText(''),
        appSecret: SecretValue.unsafePlainText(''),
      },
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.wechat.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The appSecret is issued by the WeChat platform (mp.weixin.qq.com); AWS cannot rotate it. ' +
        'The operator resets it there and puts the new value (docs/deploy.md).',
    });
  }
}
