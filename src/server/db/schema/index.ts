export * from './access.ts';
export * from './cases.ts';
export * from './figures.ts';
export * from './geography.ts';
