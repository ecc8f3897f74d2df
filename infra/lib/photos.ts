import { Aws, Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  PHOTO_MAX_BYTES,
  STORED_PREFIX,
  UNATTACHED_RETENTION_DAYS,
  UPLOAD_PREFIX,
} from '../../shared/src/domain/photos/rules';

/**
 * The bucket's name, from the stage, account and region: the API stack builds the functions'
 * object ARNs from it without a cross-stack export, and it reads the same in every partition.
 */
export const photoBucketName = (stageName: string) => `linli-${stageName}-photos-${Aws.ACCOUNT_ID}-${Aws.REGION}`;

/** The object ARNs of the uploads and kept photos (what the functions may put and get). */
export const photoObjectArns = (bucketName: string) =>
  [UPLOAD_PREFIX, STORED_PREFIX].map((prefix) => `arn:${Aws.PARTITION}:s3:::${bucketName}/${prefix}*`);

export interface PhotoStorageProps {
  readonly bucketName: string;
  readonly removalPolicy: RemovalPolicy;
  /** Origins whose pages may POST uploads (the H5 build); the mini-program is not subject to CORS. */
  readonly corsAllowOrigins: readonly string[];
}

/**
 * The private bucket of uploaded photos (wishes, deliveries, dishes). Nothing in it is public:
 * uploads arrive by presigned POST (exact key, type, ≤ 5 MB, 10 minutes) and are read through
 * presigned GET links the API hands out. Uploads nobody attached expire after a day; attached
 * photos are copied under photos/ and kept with what they belong to.
 */
export class PhotoStorage extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: PhotoStorageProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: props.removalPolicy,
      lifecycleRules: [
        { id: 'unattached-uploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(UNATTACHED_RETENTION_DAYS) },
        { id: 'incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors:
        props.corsAllowOrigins.length === 0
          ? undefined
          : [
              {
                allowedMethods: [s3.HttpMethods.POST],
                allowedOrigins: [...props.corsAllowOrigins],
                allowedHeaders: ['*'],
                maxAge: 3600,
              },
            ],
    });
    Validations.of(this.bucket.node.defaultChild!).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Every object is written and read through a link the API signs for one signed-in user and logs; ' +
        `uploads are at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB and unattached ones expire. ` +
        'Server access logs would need a second bucket in each partition for no reader.',
    });
  }
}
