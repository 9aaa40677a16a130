// Answers of the admin routes: import jobs, organizations, keys and the audit log. Kept apart
// from responses.ts, whose schemas describe the analyses.
import type { ImportJob } from '@bridgework/service';
import type { ApiKeyRecord, AuditEntry, AuditPage, Organization } from '@bridgework/store';
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

export const OrganizationResponse: z.ZodType<Organization> = z.strictObject({
  id: z.string(),
  name: z.string(),
  profileQuota: z.int(),
  profiles: z.int().meta({ description: 'Profiles it holds now.' }),
  createdAt: Time,
});
export const OrganizationListResponse = z.strictObject({ items: z.array(OrganizationResponse) });

export const ApiKeyResponse: z.ZodType<ApiKeyRecord> = z.strictObject({
  id: z.string().meta({ description: 'The key’s public id (not its secret): key_ and 16 hex digits; the audit log names it.' }),
  role: z.enum(['admin', 'counsellor']),
  organization: z.string().optional(),
  label: z.string().optional(),
  createdAt: Time,
  revokedAt: Time.optional(),
});
export const ApiKeyListResponse = z.strictObject({ items: z.array(ApiKeyResponse) });
export const NewApiKeyResponse = z
  .strictObject({ key: ApiKeyResponse, secret: z.string().meta({ description: 'Send it as `Authorization: Bearer <secret>`. Shown only here: the server keeps its SHA-256.' }) })
  .meta({ description: 'The key, and its secret, once.' });

export const AuditEntryResponse: z.ZodType<AuditEntry> = z.strictObject({
  at: Time,
  organization: z.string(),
  profileId: z.string(),
  action: z.enum(['create', 'read', 'list', 'update', 'delete', 'use']).meta({ description: '`use`: an analysis read it (profileId, profileIds); `list`: it was in a page of GET /v1/profiles.' }),
  actor: z.string().meta({ description: 'The key that did it: key_... or env:<n> (the n-th of BRIDGEWORK_API_KEYS).' }),
  requestId: z.string().optional(),
});
export const AuditPageResponse: z.ZodType<AuditPage> = z
  .strictObject({ items: z.array(AuditEntryResponse), nextCursor: z.string().optional() })
  .meta({ description: 'Accesses to profiles, newest first. No entry holds profile content or a label.' });

/** Component names in the OpenAPI document. */
export const ADMIN_COMPONENTS: Record<string, z.ZodType> = {
  ImportJob: ImportJobResponse,
  ImportJobList: ImportJobListResponse,
  Organization: OrganizationResponse,
  OrganizationList: OrganizationListResponse,
  ApiKey: ApiKeyResponse,
  ApiKeyList: ApiKeyListResponse,
  NewApiKey: NewApiKeyResponse,
  AuditEntry: AuditEntryResponse,
  AuditPage: AuditPageResponse,
};
