import { useCallback, useState } from 'react';
import type { Query, Reply, Routes } from '@linli/shared';
import { api, type ApiError } from '../services/api';
import { useRequest } from './use-request';

export type RosterPreview = Reply<Routes['previewRosterImport']>;
export type RosterImport = Reply<Routes['confirmRosterImport']>;
export type RosterPreviewRow = RosterPreview['rows'][number];
export type RosterList = Reply<Routes['listRoster']>;
export type RosterQuery = Query<Routes['listRoster']>;

/** What went wrong with a file, naming the missing columns when the server listed them. */
export function rosterErrorMessage(error: ApiError): string {
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  if (error.code === 'ROSTER_COLUMNS_MISSING' && Array.isArray(missing))
    return `表格缺少必需的列：${missing.join('、')}`;
  return error.message;
}

/** Confirms at most this many times in a row while an import reports it was interrupted. */
const MAX_RESUMES = 5;

/**
 * One roster import on the page: preview a picked file, then confirm it; a confirm that comes
 * back `interrupted` (time budget, a failed batch) is confirmed again, which resumes it.
 */
export function useRosterImport(communityId: string) {
  const [preview, setPreview] = useState<RosterPreview>();
  const [job, setJob] = useState<RosterImport>();
  const [pending, setPending] = useState<'preview' | 'confirm' | undefined>();
  const [error, setError] = useState<ApiError>();

  const previewFile = useCallback(
    async (fileName: string, contentBase64: string) => {
      setPending('preview');
      setError(undefined);
      setJob(undefined);
      setPreview(undefined);
      try {
        setPreview(
          await api.call('previewRosterImport', { params: { communityId }, body: { fileName, contentBase64 } }),
        );
      } catch (e) {
        setError(e as ApiError);
      } finally {
        setPending(undefined);
      }
    },
    [communityId],
  );

  const confirm = useCallback(async () => {
    if (!preview) return;
    setPending('confirm');
    setError(undefined);
    try {
      let current: RosterImport | undefined;
      for (let i = 0; i < MAX_RESUMES && (!current || current.status === 'interrupted'); i += 1) {
        current = await api.call('confirmRosterImport', {
          params: { communityId, importId: preview.import.importId },
        });
        setJob(current);
      }
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setPending(undefined);
    }
  }, [communityId, preview]);

  const reset = useCallback(() => {
    setPreview(undefined);
    setJob(undefined);
    setError(undefined);
  }, []);

  return { preview, job, pending, error, previewFile, confirm, reset, dismiss: () => setError(undefined) };
}

/** The roster list, searched by building, room and name (phones masked). */
export function useRosterList(communityId: string, query: RosterQuery) {
  const key = `roster:${communityId}:${query.buildingId ?? ''}:${query.room ?? ''}:${query.name ?? ''}`;
  return useRequest<RosterList>(key, () => api.call('listRoster', { params: { communityId }, query, toast: false }));
}

/** A roster person's full number, asked for on the tap that rings it (each reveal is recorded). */
export const revealRosterPhone = (communityId: string, personId: string) =>
  api.call('revealRosterPhone', { params: { communityId, personId } });
