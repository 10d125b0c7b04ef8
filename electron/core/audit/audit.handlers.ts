import type { auditContract } from '../../../shared/contract/audit';
import type { HandlersFor } from '../handler';
import { listAudit, verifyAudit } from './audit.service';

export const auditHandlers: HandlersFor<keyof typeof auditContract> = {
  'audit.list': (ctx, input) => listAudit(ctx, input),
  'audit.verify': (ctx) => verifyAudit(ctx),
};
