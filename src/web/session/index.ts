export { SessionProvider, useSession, useUser } from './session';
