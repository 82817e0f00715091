export * from './access.ts';
export * from './geography.ts';
