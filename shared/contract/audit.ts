import { z } from 'zod';
import type * as T from '../types';
import { ADMIN_ONLY, channel, id, pageInput } from './define';

export const auditContract = {
  'audit.list': channel<T.Page<T.AuditEvent>>()({
    input: z.object({ entityId: id.optional(), patientId: id.optional(), ...pageInput }),
    roles: ADMIN_ONLY,
  }),
  'audit.verify': channel<T.AuditVerification>()({ input: z.object({}), roles: ADMIN_ONLY }),
} as const;
