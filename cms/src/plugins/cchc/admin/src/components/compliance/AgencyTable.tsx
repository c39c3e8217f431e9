import type { ComplianceReport } from '@cchc/shared';
import { Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';
import { StatusBadge } from './StatusBadge';

interface Props {
  report: ComplianceReport;
}

/** A row per active agency: pieces sent in and published, published ones by area and format, status. */
export const AgencyTable = ({ report }: Props) => {
  const { formatMessage, formatNumber } = useIntl();
  const head = (text: string, key = text) => (
    <Th key={key}>
      <Typography variant="sigma" textColor="neutral600">{text}</Typography>
    </Th>
  );
  const cell = (value: number, key: string) => (
    <Td key={key}>
      <Typography textColor={value === 0 ? 'neutral500' : 'neutral800'}>{formatNumber(value)}</Typography>
    </Td>
  );
  const columns = 5 + report.areas.length + report.formats.length;
  return (
    <Table colCount={columns} rowCount={report.rows.length + 1}>
      <VisuallyHidden tag="caption">{formatMessage(msg('compliance.table.caption'))}</VisuallyHidden>
      <Thead>
        <Tr>
          {head(formatMessage(msg('compliance.table.agency')))}
          {head(formatMessage(msg('compliance.table.kind')))}
          {head(formatMessage(msg('compliance.table.submitted')))}
          {head(formatMessage(msg('compliance.table.published')))}
          {report.areas.map((a) => head(a.name, `area-${a.code}`))}
          {report.formats.map((f) => head(f.label, `format-${f.code}`))}
          {head(formatMessage(msg('compliance.table.status')))}
        </Tr>
      </Thead>
      <Tbody>
        {report.rows.map((row) => (
          <Tr key={row.agency.slug}>
            <Td>
              <Typography fontWeight="semiBold">{row.agency.name}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600">{formatMessage(msg(`compliance.kind.${row.kind}`))}</Typography>
            </Td>
            {cell(row.submitted, 'submitted')}
            {cell(row.published, 'published')}
            {report.areas.map((a) => cell(row.byArea[a.code] ?? 0, `area-${a.code}`))}
            {report.formats.map((f) => cell(row.byFormat[f.code], `format-${f.code}`))}
            <Td>
              <StatusBadge status={row.status} />
              {row.exemptionReason ? <Typography variant="pi" textColor="neutral600" tag="p">{row.exemptionReason}</Typography> : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
