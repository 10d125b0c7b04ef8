import type { sessionContract } from '../../../shared/contract/session';
import type { HandlersFor } from '../handler';
import * as auth from './auth.service';

export const authHandlers: HandlersFor<keyof typeof sessionContract> = {
  'session.state': (ctx) => auth.sessionState(ctx),
  'setup.createPractice': (ctx, input) => auth.createPractice(ctx, input),
  'auth.signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'auth.changePassword': (ctx, input) => auth.changePassword(ctx, input),
};
