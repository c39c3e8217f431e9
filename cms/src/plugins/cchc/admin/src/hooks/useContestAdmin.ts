import { GetBankTemplate, GetRoundRanking, ImportBank, ListContestActions, ListContestRounds, OpenRound, CloseRound, type AdminRound } from '@cchc/shared';
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { fileNameOf, save } from '../api/download';
import { requestPath, useCall } from '../api/useCall';

/** A file's content as base64, for the import endpoint. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The organisers' data and actions: rounds, a round's ranking, downloads, the bank import and the log. */
export function useContestAdmin() {
  const { get } = useFetchClient();
  const call = useCall();
  const [rounds, setRounds] = useState<AdminRound[] | null>(null);
  const [contests, setContests] = useState<ListContestRounds.Response['contests']>([]);
  const [actions, setActions] = useState<ListContestActions.Response['data']>([]);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(() => {
    setFailed(false);
    call(ListContestRounds.Endpoint)
      .then(({ data, contests: all }) => {
        setRounds(data);
        setContests(all);
      })
      .catch(() => setFailed(true));
    call(ListContestActions.Endpoint)
      .then(({ data }) => setActions(data))
      .catch(() => setActions([]));
  }, [call]);
  useEffect(reload, [reload]);

  const ranking = useCallback((round: string) => call(GetRoundRanking.Endpoint, { params: { round } }).then(({ data }) => data), [call]);

  const download = useCallback(
    async (path: string, fallback: string) => {
      const { data, headers } = await get(path, { responseType: 'blob' });
      save(data, fileNameOf(headers, fallback));
    },
    [get],
  );
  const exportRanking = (round: string, format: 'xlsx' | 'winners') => download(requestPath(GetRoundRanking.Endpoint, { params: { round }, query: { format } }), `ket-qua-${round}.xlsx`).then(reload);
  const template = (contest: string) => download(requestPath(GetBankTemplate.Endpoint, { params: { contest } }), 'mau-ngan-hang-cau-hoi.xlsx');
  const importBank = async (contest: string, file: File, commit: boolean) => {
    const result = await call(ImportBank.Endpoint, { params: { contest }, body: { file: await base64Of(file), commit } });
    if (commit) reload();
    return result.data;
  };

  const move = async (round: string, to: 'open' | 'close') => {
    await call(to === 'open' ? OpenRound.Endpoint : CloseRound.Endpoint, { params: { round } });
    reload();
  };

  return { rounds, contests, actions, failed, ranking, exportRanking, template, importBank, move };
}
