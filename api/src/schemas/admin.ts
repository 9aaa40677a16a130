// Answers of the admin routes: import jobs (and, beside them, organizations, keys and the audit
// log). Kept apart from responses.ts, whose schemas describe the analyses.
import type { ImportJob } from '@bridgework/service';
import { IMPORT_KINDS } from '@bridgework/importers';
import { z } from 'zod';
import { ImportResponse } from './responses.ts';

const Time = z.string().meta({ description: 'ISO 8601.' });

export const ImportJobResponse: z.ZodType<ImportJob> = z
  .strictObject({
    id: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    request: z.strictObject({
      kind: z.enum(IMPORT_KINDS),
      path: z.string(),
      id: z.string().optional(),
      version: z.string().optional(),
      replace: z.boolean().optional(),
    }),
    createdAt: Time,
    updatedAt: Time,
    startedAt: Time.optional(),
    finishedAt: Time.optional(),
    progress: z
      .strictObject({
        phase: z.enum(['queued', 'copying', 'reading', 'saving', 'done']),
        file: z.string().optional(),
        done: z.number(),
        total: z.number().optional(),
      })
      .optional()
      .meta({ description: 'copying: the source into a private folder (done of total bytes); reading: a file (done of total, bytes or rows); saving: records written (done of total).' }),
    result: ImportResponse.optional().meta({ description: 'The report of a succeeded job.' }),
    error: z
      .strictObject({
        code: z.string(),
        message: z.string(),
        details: z.array(z.strictObject({ where: z.string().optional(), message: z.string() })),
      })
      .optional()
      .meta({ description: 'Why a failed job failed: a problem code, and where each issue is. Values from the files are not included.' }),
  })
  .meta({ description: 'An import running in the background; GET its Location until status is succeeded or failed.' });

export const ImportJobListResponse = z.strictObject({ items: z.array(ImportJobResponse) });

/** Component names in the OpenAPI document. */
export const ADMIN_COMPONENTS: Record<string, z.ZodType> = {
  ImportJob: ImportJobResponse,
  ImportJobList: ImportJobListResponse,
};
