export * from './route';
export * from './common';
export * from './community';
export * from './routes';
export * from './principal';
