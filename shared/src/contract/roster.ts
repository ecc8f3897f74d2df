/**
 * Roster import (居民台账): staff upload a CSV or XLSX of households and residents, see a
 * preview of every row (新增 / 更新 / 不变 / 拒绝 with the reason), confirm, and follow the
 * import job; a searchable roster list with phones masked.
 *
 * The file travels base64 in the preview request (API Gateway carries up to 10 MB; the file is
 * limited to 2 MB, ~20,000 rows) and is never stored: the preview keeps the parsed rows for 24 h,
 * keyed by the file's content hash, and the confirm applies them.
 *
 * Neither write route takes an Idempotency-Key: both are idempotent by what they do. The
 * preview of the same file is the same import id; a confirm applies each stored chunk once
 * (a chunk is deleted with its progress in one transaction) and answers the job as it stands,
 * so a retry, a second tap or a concurrent confirm reports progress instead of writing twice,
 * and a confirm after an interruption resumes where the first stopped.
 */
import * as z from 'zod/mini';
import { MEMBER_TAGS } from '../domain/care/tags';
import { Id, IsoTime, communityItemParams, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

/** Largest file accepted, in bytes (before base64). */
export const ROSTER_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Most rows one import may carry. */
export const ROSTER_MAX_ROWS = 10_000;
/** The preview route's body limit: the base64 file (4/3 of its bytes) and the JSON around it. */
export const ROSTER_PREVIEW_BODY_BYTES = Math.ceil((ROSTER_MAX_FILE_BYTES * 4) / 3) + 4096;

const importParams = lazy(() => communityItemParams('importId'));

export const RosterOutcome = lazy(() => z.enum(['create', 'update', 'unchanged', 'refused']));
export const RosterTag = lazy(() => z.enum(MEMBER_TAGS));

/** One row of the preview, as staff read it (phone masked). */
export const RosterPreviewRow = lazy(() =>
  z.object({
    line: z.int().check(z.positive()),
    outcome: RosterOutcome(),
    building: z.string(),
    unit: z.string(),
    room: z.string(),
    name: z.string(),
    birthDate: z.optional(z.string()),
    phoneMasked: z.optional(z.string()),
    tags: z.array(z.string()),
    /** Refused: why, in Chinese (未知楼栋「9号楼」, 日期格式不对 …), and its stable code. */
    reason: z.optional(z.string()),
    reasonCode: z.optional(z.string()),
    /** Update: which fields change (出生日期, 手机, 标签). */
    changes: z.optional(z.array(z.string())),
  }),
);
export type RosterPreviewRow = Infer<typeof RosterPreviewRow>;

export const RosterCounts = lazy(() =>
  z.object({
    create: z.int().check(z.nonnegative()),
    update: z.int().check(z.nonnegative()),
    unchanged: z.int().check(z.nonnegative()),
    refused: z.int().check(z.nonnegative()),
  }),
);

/**
 * An import job: previewed (waiting for confirm), applying, interrupted (confirm again to
 * resume), done. `rowsWritten` of `rowsToWrite` says where it stands.
 */
export const RosterImport = lazy(() =>
  z.object({
    importId: Id(),
    communityId: Id(),
    fileName: z.string(),
    status: z.enum(['previewed', 'applying', 'interrupted', 'done']),
    counts: RosterCounts(),
    rowsToWrite: z.int().check(z.nonnegative()),
    rowsWritten: z.int().check(z.nonnegative()),
    createdAt: IsoTime(),
    confirmedAt: z.optional(IsoTime()),
    finishedAt: z.optional(IsoTime()),
    /** When the stored preview is deleted if nobody confirms it. */
    expiresAt: IsoTime(),
  }),
);
export type RosterImport = Infer<typeof RosterImport>;

export const RosterPreview = lazy(() =>
  z.object({
    import: RosterImport(),
    rows: z.array(RosterPreviewRow()),
    /** Headers of the file that are not roster columns (ignored), to catch a misnamed column. */
    ignoredColumns: z.array(z.string()),
  }),
);
export type RosterPreview = Infer<typeof RosterPreview>;

/** A person on the roster, phone masked. */
export const RosterPerson = lazy(() =>
  z.object({
    personId: z.string(),
    buildingId: Id(),
    buildingName: z.string(),
    unitId: Id(),
    unitName: z.string(),
    room: z.string(),
    name: z.string(),
    birthDate: z.optional(z.string()),
    phoneMasked: z.optional(z.string()),
    tags: z.array(RosterTag()),
    /** The member this person became (a matched application). */
    memberId: z.optional(Id()),
    updatedAt: IsoTime(),
  }),
);
export type RosterPerson = Infer<typeof RosterPerson>;

export const rosterRoutes = {
  previewRosterImport: defineRoute({
    id: 'previewRosterImport',
    method: 'POST',
    path: '/community/:communityId/roster/imports',
    summary: '上传居民台账（CSV 或 Excel），预览每一行将新增、更新、不变或被拒绝及原因',
    domain: 'roster',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    successStatus: 201,
    maxBodyBytes: ROSTER_PREVIEW_BODY_BYTES,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        fileName: z.string().check(z.minLength(1, '请选择文件'), z.maxLength(200)),
        /** The file's bytes, base64. */
        contentBase64: z.string().check(z.maxLength(Math.ceil((ROSTER_MAX_FILE_BYTES * 4) / 3) + 4, '文件过大')),
      }),
      response: RosterPreview(),
    }),
  }),
  getRosterImport: defineRoute({
    id: 'getRosterImport',
    method: 'GET',
    path: '/community/:communityId/roster/imports/:importId',
    summary: '台账导入的进度与结果',
    domain: 'roster',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: importParams(), response: RosterImport() }),
  }),
  confirmRosterImport: defineRoute({
    id: 'confirmRosterImport',
    method: 'POST',
    path: '/community/:communityId/roster/imports/:importId/confirm',
    summary: '确认导入（中断后再次确认会从中断处继续）',
    domain: 'roster',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({ params: importParams(), response: RosterImport() }),
  }),
  revealRosterPhone: defineRoute({
    id: 'revealRosterPhone',
    method: 'POST',
    path: '/community/:communityId/roster/people/:personId/phone',
    summary: '居民台账：查看某人的完整电话（记入街道的任免与查看记录）',
    domain: 'roster',
    roles: ['staff'],
    scope: 'community',
    // Each tap is a reveal of its own and is recorded as such; nothing to replay.
    idempotent: false,
    schemas: () => ({
      params: communityItemParams('personId'),
      response: z.object({ name: z.string(), phone: z.string() }),
    }),
  }),
  listRoster: defineRoute({
    id: 'listRoster',
    method: 'GET',
    path: '/community/:communityId/roster',
    summary: '居民台账：按楼栋、房号、姓名查找（手机号打码）',
    domain: 'roster',
    roles: ['staff'],
    scope: 'community',
    idempotent: false,
    schemas: () => ({
      params: communityParams(),
      query: z.strictObject({
        buildingId: z.optional(Id()),
        room: z.optional(z.string().check(z.maxLength(10))),
        name: z.optional(z.string().check(z.maxLength(20))),
      }),
      response: z.object({
        people: z.array(RosterPerson()),
        /** More people match than are listed: narrow the search. */
        truncated: z.boolean(),
        total: z.int().check(z.nonnegative()),
      }),
    }),
  }),
} as const;
