import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Data } from './data';
import { Secrets } from './secrets';
import type { StageConfig } from './stage-config';

export interface DataStackProps extends StackProps {
  readonly stage: StageConfig;
}

/** What must outlive a redeploy of the API: the table and the secrets. */
export class DataStack extends Stack {
  readonly data: Data;
  readonly secrets: Secrets;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: props.stage.deletionProtection, ...props });
    const { removalPolicy, deletionProtection } = props.stage;

    this.data = new Data(this, 'Data', { removalPolicy, deletionProtection });
    this.secrets = new Secrets(this, 'Secrets', { removalPolicy });

    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'JwtSigningKeySecretArn', { value: this.secrets.jwtSigningKey.secretArn });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechat.secretArn,
      description: 'Put the mini-program appId and appSecret here (docs/deploy.md)',
    });
  }
}
