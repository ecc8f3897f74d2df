/** Every DynamoDB read and write of the council feature. */
export * from './session-repository';
export * from './booking-repository';
