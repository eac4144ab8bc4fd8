export * from './users';
export * from './accounts';
export * from './tariffs';
export * from './audit';
export * from './mail';
export * from './billing';
export * from './reports';
export * from './usage';
