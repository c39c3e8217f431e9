import type { AdminRound } from '@cchc/shared';
import { Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

interface Props {
  rounds: readonly AdminRound[];
  selected: string | null;
  onSelect: (round: string) => void;
}

/** Every round with its phase and live figures; a button opens its ranking. */
export const RoundsTable = ({ rounds, selected, onSelect }: Props) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const when = (iso: string) => formatDate(new Date(iso), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  const heads = ['contest', 'round', 'phase', 'window', 'bank', 'entries', 'submitted', 'open', 'expired', 'ranking'];
  return (
    <Table colCount={heads.length} rowCount={rounds.length + 1}>
      <Thead>
        <Tr>
          {heads.map((h) => (
            <Th key={h}>
              <Typography variant="sigma" textColor="neutral600">{formatMessage(msg(`contest.rounds.${h}`))}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rounds.map((r) => (
          <Tr key={r.id}>
            <Td><Typography>{r.contest.title}</Typography></Td>
            <Td><Typography>{r.title || formatMessage(msg('contest.round'), { number: r.number })}</Typography></Td>
            <Td><Typography>{formatMessage(msg(`contest.phase.${r.phase}`))}</Typography></Td>
            <Td><Typography>{when(r.opensAt)} – {when(r.closesAt)}</Typography></Td>
            {[r.bank, r.figures.entries, r.figures.submitted, r.figures.open, r.figures.expired].map((n, i) => (
              <Td key={i}><Typography>{formatNumber(n)}</Typography></Td>
            ))}
            <Td>
              <Button variant={selected === r.id ? 'default' : 'tertiary'} size="S" onClick={() => onSelect(r.id)}>
                {formatMessage(msg('contest.rounds.open-ranking'))}
              </Button>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
