import type { GetRoundRanking } from '@cchc/shared';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

interface Props {
  ranking: GetRoundRanking.Response['data'];
}

/** The first places of a round: rank, entrant, contact, unit, score, prediction and its distance. */
export const RankingTable = ({ ranking }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const heads = ['rank', 'name', 'phone', 'unit', 'score', 'prediction', 'distance'];
  const rows = ranking.rows.slice(0, 50);
  return (
    <Table colCount={heads.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {heads.map((h) => (
            <Th key={h}>
              <Typography variant="sigma" textColor="neutral600">{formatMessage(msg(`contest.ranking.${h}`))}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => (
          <Tr key={r.rank}>
            <Td><Typography>{formatNumber(r.rank)}</Typography></Td>
            <Td><Typography>{r.name}</Typography></Td>
            <Td><Typography>{r.phone || r.citizenId}</Typography></Td>
            <Td><Typography>{r.unit}</Typography></Td>
            <Td><Typography>{r.score}/{r.max}</Typography></Td>
            <Td><Typography>{r.prediction ?? '—'}</Typography></Td>
            <Td><Typography>{r.distance ?? '—'}</Typography></Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
