import 'server-only';

export { getContactChannels, type TContactChannels } from './get-contact-channels';
