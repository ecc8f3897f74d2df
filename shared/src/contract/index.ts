export * from './route';
export * from './common';
export * from './community';
export * from './identity';
export * from './routes';
export * from './principal';
