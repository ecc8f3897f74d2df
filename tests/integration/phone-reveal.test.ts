/**
 * 认证审核's call button: staff see an applicant's full number only by asking for it, and each
 * reveal is a line in the street's audit list (the onboarding issue's rule for personal data).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../functions/src/platform/dynamo';
import { key } from '../../functions/src/table';
import { apiForThisFile } from '../helpers/api';
import { createCommunity, idem, newWechatUser, userWithGrants } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';

const api = apiForThisFile();

describe('revealing an applicant’s phone number', () => {
  it('gives staff of the community the full number and records who saw whose, newest first in the street’s audit', async () => {
    const c = await createCommunity();
    const streetId = freshId('street');
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key.community(c.communityId),
        UpdateExpression: 'SET streetId = :s, streetName = :n',
        ExpressionAttributeValues: { ':s': streetId, ':n': '测试街道' },
      }),
    );
    const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
    const otherStaff = await userWithGrants(api, [
      { role: 'staff', communityId: (await createCommunity()).communityId },
    ]);
    const street = await userWithGrants(api, [{ role: 'street', streetId }], '马建华');
    const applicant = await newWechatUser(api);
    const applied = await api.call<any>('POST', '/memberships', {
      token: applicant.accessToken,
      headers: idem(),
      body: {
        communityId: c.communityId,
        buildingId: 'b1',
        unitId: 'u1',
        room: '302',
        realName: '王桂芳',
        birthDate: '1962-03-15',
        phone: '13895012345',
      },
    });
    expect(applied.status).toBe(201);
    const path = `/community/${c.communityId}/applications/${applied.body.applicationId}/phone`;

    const queue = await api.call<any>('GET', `/community/${c.communityId}/applications`, { token: staff.accessToken });
    const revealed = await api.call<any>('POST', path, { token: staff.accessToken });
    const elsewhere = await api.call<any>('POST', path, { token: otherStaff.accessToken });
    const audit = await api.call<any>('GET', `/streets/${streetId}/role-audit`, { token: street.accessToken });

    expect(JSON.stringify(queue.body)).not.toContain('13895012345');
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ name: '王桂芳', phone: '13895012345' });
    expect(elsewhere.status).toBe(403);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'phone-revealed',
        role: 'staff',
        name: '王桂芳',
        communityId: c.communityId,
        byName: '刘晶',
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('13895012345');
  });
});
