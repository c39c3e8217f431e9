import type { GetRoundRanking } from '@cchc/shared';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { BankImport } from '../components/contest/BankImport';
import { RankingTable } from '../components/contest/RankingTable';
import { RoundsTable } from '../components/contest/RoundsTable';
import { messageOf } from '../api/useCall';
import { useContestAdmin } from '../hooks/useContestAdmin';
import { msg } from '../utils/messages';

/** The contest for its organisers: rounds and figures, a round's ranking and exports, the bank import, the log. */
export const ContestPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { rounds, contests, actions, failed, ranking, exportRanking, template, importBank, move } = useContestAdmin();
  const moveRound = (round: string, to: 'open' | 'close') =>
    move(round, to)
      .then(() => toggleNotification({ type: 'success', message: formatMessage(msg(`contest.rounds.${to}-now.done`)) }))
      .catch((error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error, formatMessage(msg('contest.error'))) }));
  const [selected, setSelected] = useState<string | null>(null);
  const [shown, setShown] = useState<GetRoundRanking.Response['data'] | null>(null);

  useEffect(() => {
    if (!selected) return;
    setShown(null);
    ranking(selected)
      .then(setShown)
      .catch(() => toggleNotification({ type: 'danger', message: formatMessage(msg('contest.ranking.error')) }));
  }, [selected, ranking]);

  const exportButton = (format: 'xlsx' | 'winners') => (
    <Button variant="secondary" startIcon={<Download />} onClick={() => selected && exportRanking(selected, format).catch(() => toggleNotification({ type: 'danger', message: formatMessage(msg('contest.ranking.error')) }))}>
      {formatMessage(msg(`contest.ranking.export.${format}`))}
    </Button>
  );

  return (
    <Layouts.Root>
      <Page.Title>{formatMessage(msg('contest.title'))}</Page.Title>
      <Layouts.Header title={formatMessage(msg('contest.title'))} subtitle={formatMessage(msg('contest.subtitle'))} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {failed ? <Typography textColor="danger600">{formatMessage(msg('contest.error'))}</Typography> : null}
          {!rounds && !failed ? <Page.Loading /> : null}
          {rounds ? <RoundsTable rounds={rounds} selected={selected} onSelect={setSelected} onMove={moveRound} /> : null}
          {selected && shown ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="delta" tag="h2">
                {formatMessage(msg('contest.ranking.title'), { round: shown.round.number, contest: shown.round.contest.title })}
              </Typography>
              <Typography tag="p">{formatMessage(msg('contest.ranking.summary'), { entrants: shown.rows.length, full: shown.fullScoreCount })}</Typography>
              <Flex gap={2}>
                {exportButton('xlsx')}
                {exportButton('winners')}
              </Flex>
              <RankingTable ranking={shown} />
            </Flex>
          ) : null}
          {contests.length > 0 ? <BankImport contests={contests} template={template} importBank={importBank} /> : null}
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="delta" tag="h2">{formatMessage(msg('contest.log.title'))}</Typography>
            {actions.slice(0, 30).map((a, i) => (
              <Typography key={i} tag="p">
                {formatDate(new Date(a.at), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' })} — {a.actor}: {a.action} «{a.subject}» {a.detail}
              </Typography>
            ))}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};
