import { Match } from 'aws-cdk-lib/assertions';
import { GSI, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/src/table';
import { UNATTACHED_RETENTION_DAYS, UPLOAD_PREFIX } from '../../shared/src/domain/photos/rules';
import { expectTemplate, PROD_CONTEXT, resourcesOfType, synthLinli, type SynthesizedLinli } from './synth';

describe('data stack', () => {
  let dev: SynthesizedLinli;
  let prod: SynthesizedLinli;

  beforeAll(() => {
    dev = synthLinli({ stage: 'dev' });
    prod = synthLinli(PROD_CONTEXT);
  });

  it('holds exactly one table, keyed as functions/src/table.ts says', () => {
    expectTemplate(dev.dataTemplate).resourceCountIs('AWS::DynamoDB::Table', 1);
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('has the generic GSIs of table.ts with their key attributes, projecting everything', () => {
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Object.values(GSI).map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('expires items on the TTL attribute of table.ts', () => {
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('keeps point-in-time recovery, a NEW_AND_OLD_IMAGES stream and encryption at rest in every stage', () => {
    for (const { dataTemplate } of [dev, prod]) {
      expectTemplate(dataTemplate).hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        // SSEEnabled without a key id: the AWS managed key aws/dynamodb.
        SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() },
      });
    }
  });

  it('keeps photos in one private bucket: no public access, TLS only, encrypted, unattached uploads expire', () => {
    for (const { dataTemplate } of [dev, prod]) {
      expectTemplate(dataTemplate).resourceCountIs('AWS::S3::Bucket', 1);
      expectTemplate(dataTemplate).hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: UPLOAD_PREFIX, ExpirationInDays: UNATTACHED_RETENTION_DAYS, Status: 'Enabled' }),
          ]),
        },
      });
      expectTemplate(dataTemplate).hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    // The H5 build posts uploads from the browser: dev allows any origin, prod only its -c h5Origin.
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: ['*'] })] },
    });
    expectTemplate(prod.dataTemplate).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: prod.stage.corsAllowOrigins })],
      },
    });
  });

  it('protects the prod table from deletion and keeps it when the stack goes', () => {
    expectTemplate(prod.dataTemplate).hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    expect(prod.data.terminationProtection).toBe(true);
  });

  it('lets a dev table be deleted with its stack', () => {
    expectTemplate(dev.dataTemplate).hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    expect(dev.data.terminationProtection).toBe(false);
  });

  it('generates the JWT signing key and creates the WeChat secret as an empty placeholder', () => {
    expectTemplate(dev.dataTemplate).resourceCountIs('AWS::SecretsManager::Secret', 2);
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
      SecretString: Match.absent(),
    });
    expectTemplate(dev.dataTemplate).hasResourceProperties('AWS::SecretsManager::Secret', {
      SecretString: JSON.stringify({ appId: '', appSecret: '' }),
    });
  });

  it('retains the prod secrets when the stack goes', () => {
    const secrets = Object.values(resourcesOfType(prod.dataTemplate, 'AWS::SecretsManager::Secret'));
    expect(secrets.map((secret) => secret.DeletionPolicy)).toEqual(['Retain', 'Retain']);
  });
});
