/**
 * The first platform admin after `cdk deploy` on an empty table: writes a one-time admin invite
 * (8-character code, 72 hours, one use) straight into the stage's table with the operator's own
 * AWS credentials, and prints the code and the mini-program link to open.
 *
 *   npm run admin:invite -- --stage prod [--name 张三]        (table from the Linli-prod-Data stack)
 *   npm run admin:invite -- --endpoint http://localhost:8000 --table linli-local   (DynamoDB Local)
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

/** The stage's table name, from the `TableName` output of its data stack (operator's AWS CLI credentials). */
function tableOfStage(stage: string): string {
  return execFileSync(
    'aws',
    [
      'cloudformation',
      'describe-stacks',
      '--stack-name',
      `Linli-${stage}-Data`,
      '--query',
      "Stacks[0].Outputs[?OutputKey=='TableName'].OutputValue",
      '--output',
      'text',
    ],
    { encoding: 'utf8' },
  ).trim();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      table: { type: 'string' },
      name: { type: 'string', default: '平台管理员' },
      endpoint: { type: 'string' },
    },
  });
  const table = values.table ?? (values.stage ? tableOfStage(values.stage) : undefined);
  if (!table) throw new Error('say which table: --stage <stage> or --table <name>');
  // The repository reads these at import time: set them before loading it.
  process.env.TABLE_NAME = table;
  if (values.endpoint) process.env.DYNAMODB_ENDPOINT = values.endpoint;
  const { issueInvite } = await import('../functions/src/onboarding/invites');
  const invite = await issueInvite({ userId: 'cli-admin-invite', name: '部署管理员' }, 'admin', {}, values.name!);
  console.log(`一次性平台管理员邀请（${invite.validUntil} 前有效，只能使用一次）`);
  console.log(`邀请码: ${invite.code}`);
  console.log(`小程序页面: ${invite.link}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
