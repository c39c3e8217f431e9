import type { ComplianceReport } from '@cchc/shared';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';
import { StatusBadge } from './StatusBadge';

interface Props {
  report: ComplianceReport;
}

const HEADERS = ['task', 'lead', 'scope', 'count', 'fromLeads', 'result'] as const;

/** Task 4 (one reportage per quarter) and tasks 5.1–5.6 (pieces per reform area), with their lead agencies. */
export const TasksTable = ({ report }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const names = (agencies: Array<{ name: string }>) => agencies.map((a) => a.name).join('; ');
  const text = (value: string) => <Typography>{value}</Typography>;
  const r4 = report.reportage;
  if (!r4 && report.areaTasks.length === 0) {
    return <Typography>{formatMessage(msg('compliance.tasks.none'))}</Typography>;
  }
  return (
    <Box>
      <Table colCount={HEADERS.length} rowCount={report.areaTasks.length + 2}>
        <Thead>
          <Tr>
            {HEADERS.map((h) => (
              <Th key={h}>
                <Typography variant="sigma" textColor="neutral600">{formatMessage(msg(`compliance.tasks.${h}`))}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {r4 ? (
            <Tr>
              <Td>{text(`${r4.number}. ${r4.title}`)}</Td>
              <Td>{text(names(r4.leadAgencies))}</Td>
              <Td>{text(formatMessage(msg('compliance.tasks.reportage'), { target: r4.target }))}</Td>
              <Td>{text(formatNumber(r4.count))}</Td>
              <Td>{text(formatNumber(r4.count))}</Td>
              <Td>
                <StatusBadge status={r4.met ? 'met' : 'not-met'} />
              </Td>
            </Tr>
          ) : null}
          {report.areaTasks.map((t) => (
            <Tr key={t.number}>
              <Td>{text(`${t.number}. ${t.title}`)}</Td>
              <Td>{text(names(t.leadAgencies))}</Td>
              <Td>{text(t.basis === 'areas' ? t.areas.map((a) => a.name).join('; ') : formatMessage(msg('compliance.tasks.byLeads')))}</Td>
              <Td>{text(formatNumber(t.count))}</Td>
              <Td>{text(formatNumber(t.fromLeadAgencies))}</Td>
              <Td>{text('')}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
