export * from './audit-log';
export * from './settings';
export * from './sign-in-attempts';
export * from './users';
export * from './clients';
