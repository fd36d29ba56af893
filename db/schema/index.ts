export * from './auth';
export * from './media';
export * from './profiles';
export * from './groups';
export * from './posts';
export * from './security';
export * from './notifications';
export * from './privacy';
