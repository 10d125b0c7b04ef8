import type { patientsContract } from '../../../shared/contract/patients';
import type { HandlersFor } from '../handler';
import * as patients from './patients.service';

export const patientHandlers: HandlersFor<keyof typeof patientsContract> = {
  'patients.search': (ctx, input) => patients.search(ctx, input),
  'patients.get': (ctx, input) => patients.get(ctx, input.id),
  'patients.create': (ctx, input) => patients.create(ctx, input),
  'patients.update': (ctx, input) => patients.update(ctx, input),
  'patients.archive': (ctx, input) => patients.archive(ctx, input),
  'patients.restore': (ctx, input) => patients.restore(ctx, input),
};
