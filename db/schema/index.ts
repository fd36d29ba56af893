export * from './auth';
export * from './profiles';
export * from './groups';
export * from './posts';
export * from './security';
