export * from './geography.ts';
