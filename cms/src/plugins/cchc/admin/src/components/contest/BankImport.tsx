import type { ImportBank } from '@cchc/shared';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf } from '../../api/useCall';
import { msg } from '../../utils/messages';

interface Props {
  contests: ReadonlyArray<{ id: string; title: string }>;
  template: (contest: string) => Promise<void>;
  importBank: (contest: string, file: File, commit: boolean) => Promise<ImportBank.Response['data']>;
}

/** The bank's import: download the template, choose the filled file, read the preview (errors by row), then import. */
export const BankImport = ({ contests, template, importBank }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const [contest, setContest] = useState(contests[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportBank.Response['data'] | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error, formatMessage(msg('contest.import.error'))) });

  const run = async (commit: boolean) => {
    if (!file || !contest) return;
    setBusy(true);
    try {
      const result = await importBank(contest, file, commit);
      setPreview(result);
      if (commit) toggleNotification({ type: 'success', message: formatMessage(msg('contest.import.done'), { count: result.imported }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">{formatMessage(msg('contest.import.title'))}</Typography>
      <Flex gap={3} wrap="wrap">
        <label>
          <Typography>{formatMessage(msg('contest.import.contest'))} </Typography>
          <select value={contest} onChange={(e) => setContest(e.target.value)}>
            {contests.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
        <Button variant="tertiary" startIcon={<Download />} disabled={!contest} onClick={() => template(contest).catch(fail)}>
          {formatMessage(msg('contest.import.template'))}
        </Button>
        <label>
          <Typography>{formatMessage(msg('contest.import.file'))} </Typography>
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
        </label>
        <Button variant="secondary" disabled={!file || busy} loading={busy && !preview} onClick={() => run(false)}>
          {formatMessage(msg('contest.import.preview'))}
        </Button>
        <Button startIcon={<Upload />} disabled={!preview || preview.errors.length > 0 || preview.imported > 0 || busy} onClick={() => run(true)}>
          {formatMessage(msg('contest.import.commit'), { count: preview?.questions.length ?? 0 })}
        </Button>
      </Flex>
      {preview ? (
        <Box>
          <Typography tag="p">{formatMessage(msg('contest.import.summary'), { ok: preview.questions.length, wrong: preview.errors.length })}</Typography>
          {preview.errors.map((e) => (
            <Typography key={e.row} tag="p" textColor="danger600">
              {formatMessage(msg('contest.import.row'), { row: e.row })}: {e.messages.join(' ')}
            </Typography>
          ))}
        </Box>
      ) : null}
    </Flex>
  );
};
