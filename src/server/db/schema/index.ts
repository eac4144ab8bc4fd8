export * from './users';
export * from './accounts';
export * from './tariffs';
export * from './audit';
export * from './mail';
