export * from './audit-log';
export * from './settings';
export * from './sign-in-attempts';
export * from './users';
export * from './clients';
export * from './deals';
export * from './proposals';
export * from './notifications';
