import 'server-only';

export { getTranslator } from './get-translator';
export { loadMessages } from './load-messages';
