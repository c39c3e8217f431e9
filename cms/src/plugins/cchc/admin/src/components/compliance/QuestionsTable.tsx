import { questionsTable, type ComplianceReport } from '@cchc/shared';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

/** Citizens' questions of the quarter per answering agency: received, on time, late, open, overdue (the same table as the files). */
export const QuestionsTable = ({ report }: { report: ComplianceReport }) => {
  const { formatMessage } = useIntl();
  const table = questionsTable(report);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">{formatMessage(msg('compliance.questions.title'))}</Typography>
      <Box paddingTop={3}>
        <Table colCount={table.headers.length} rowCount={table.rows.length + 1}>
          <Thead>
            <Tr>
              {table.headers.map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}
            </Tr>
          </Thead>
          <Tbody>
            {table.rows.map((row, i) => (
              <Tr key={i}>
                {row.map((cell, j) => <Td key={j}><Typography>{String(cell)}</Typography></Td>)}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
};
