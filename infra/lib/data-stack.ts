import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Data } from './data';
import { PhotoStorage, photoBucketName } from './photos';
import { Secrets } from './secrets';
import type { StageConfig } from './stage-config';

export interface DataStackProps extends StackProps {
  readonly stage: StageConfig;
}

/** What must outlive a redeploy of the API: the table, the photo bucket and the secrets. */
export class DataStack extends Stack {
  readonly data: Data;
  readonly secrets: Secrets;
  readonly photos: PhotoStorage;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: props.stage.deletionProtection, ...props });
    const { removalPolicy, deletionProtection } = props.stage;

    this.data = new Data(this, 'Data', { removalPolicy, deletionProtection });
    this.secrets = new Secrets(this, 'Secrets', { removalPolicy });
    this.photos = new PhotoStorage(this, 'Photos', {
      bucketName: photoBucketName(props.stage.name),
      removalPolicy,
      corsAllowOrigins: props.stage.corsAllowOrigins,
    });

    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'PhotoBucketDomain', {
      value: this.photos.bucket.bucketRegionalDomainName,
      description: 'Add https://<this> to the uploadFile and downloadFile 合法域名 (docs/wechat-console.md)',
    });
    new CfnOutput(this, 'JwtSigningKeySecretArn', { value: this.secrets.jwtSigningKey.secretArn });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechat.secretArn,
      description: 'Put the mini-program appId and appSecret here (docs/deploy.md)',
    });
  }
}
