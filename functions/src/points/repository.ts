/** Every DynamoDB read and write of the points feature. */
export * from './ledger-repository';
export * from './activity-repository';
export * from './merchant-repository';
