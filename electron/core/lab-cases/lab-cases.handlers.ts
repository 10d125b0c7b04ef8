import type { labCasesContract } from '../../../shared/contract/labCases';
import type { HandlersFor } from '../handler';
import { board } from './board';
import * as labCases from './lab-cases.service';
import * as reminders from './reminders';

export const labCaseHandlers: HandlersFor<keyof typeof labCasesContract> = {
  'labCases.open': (ctx, input) => labCases.open(ctx, input),
  'labCases.get': (ctx, input) => labCases.get(ctx, input),
  'labCases.update': (ctx, input) => labCases.update(ctx, input),
  'labCases.send': (ctx, input) => labCases.send(ctx, input),
  'labCases.receive': (ctx, input) => labCases.receive(ctx, input),
  'labCases.check': (ctx, input) => labCases.check(ctx, input),
  'labCases.cancel': (ctx, input) => labCases.cancel(ctx, input),
  'labCases.board': (ctx, input) => board(ctx, input),
  'reminders.list': (ctx) => reminders.list(ctx),
  'reminders.dismiss': (ctx, input) => reminders.dismiss(ctx, input),
};
