export * from './route';
export * from './common';
export * from './community';
export * from './identity';
export * from './council';
export * from './notify';
export * from './routes';
export * from './principal';
