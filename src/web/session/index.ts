export { SessionProvider, useSession, useUser } from './session';
export type { Action, Target } from './permissions';
export { kpiCompanyTarget, subjectOfUser, unitOrCompany, userCan, userCanAtAll } from './permissions';
