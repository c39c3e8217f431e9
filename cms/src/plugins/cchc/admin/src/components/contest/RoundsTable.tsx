import type { AdminRound } from '@cchc/shared';
import { Button, Dialog, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

interface Props {
  rounds: readonly AdminRound[];
  selected: string | null;
  onSelect: (round: string) => void;
  /** Opens an upcoming round now, or closes an open one now. */
  onMove: (round: string, to: 'open' | 'close') => Promise<void>;
}

/** "Mở ngay" on an upcoming round, "Đóng ngay" on an open one, each confirmed first (entrants are affected at once). */
const MoveButton = ({ round, onMove }: { round: AdminRound; onMove: Props['onMove'] }) => {
  const { formatMessage } = useIntl();
  const [open, setOpen] = useState(false);
  const to = round.phase === 'upcoming' ? 'open' : round.phase === 'open' ? 'close' : null;
  if (!to) return null;
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant={to === 'open' ? 'success-light' : 'danger-light'} size="S">
          {formatMessage(msg(`contest.rounds.${to}-now`))}
        </Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={formatMessage(msg(`contest.rounds.${to}-now`))}
        variant={to === 'open' ? 'success' : 'danger'}
        onConfirm={async () => {
          await onMove(round.id, to);
          setOpen(false);
        }}
      >
        {formatMessage(msg(`contest.rounds.${to}-now.confirm`), { round: round.number, contest: round.contest.title })}
      </ConfirmDialog>
    </Dialog.Root>
  );
};

/** Every round with its phase and live figures; buttons open its ranking, and open or close it now. */
export const RoundsTable = ({ rounds, selected, onSelect, onMove }: Props) => {
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
              <Flex gap={2}>
                <Button variant={selected === r.id ? 'default' : 'tertiary'} size="S" onClick={() => onSelect(r.id)}>
                  {formatMessage(msg('contest.rounds.open-ranking'))}
                </Button>
                <MoveButton round={r} onMove={onMove} />
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
