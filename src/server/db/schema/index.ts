export * from './access.ts';
export * from './figures.ts';
export * from './geography.ts';
