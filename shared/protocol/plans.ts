/** REST bodies for the plan routes, validated at the boundary. Unknown fields are refused. */
import { z } from 'zod';
import type { ErrorCode } from './live.ts';

export type { ErrorCode };

/** Readings are checked against the plan's own indicators by the engine (parseReadings). */
export const AssessBody = z.strictObject({
  indicators: z
    .record(z.string().max(64), z.unknown())
    .refine((r) => Object.keys(r).length <= 32, 'too many indicators'),
});
export type AssessBody = z.infer<typeof AssessBody>;

export interface ErrorBody {
  error: { code: ErrorCode; message: { zh: string; en: string }; details?: unknown };
}
