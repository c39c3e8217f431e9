import { GetLatestPeriod, quarterOf, type Quarter } from '@cchc/shared';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useCall } from '../api/useCall';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { AgencyTable } from '../components/compliance/AgencyTable';
import { QuarterPicker } from '../components/compliance/QuarterPicker';
import { SilentList } from '../components/compliance/SilentList';
import { TasksTable } from '../components/compliance/TasksTable';
import { QuestionsTable } from '../components/compliance/QuestionsTable';
import { useCompliance, type ComplianceFile } from '../hooks/useCompliance';
import { PLUGIN_ID } from '../pluginId';
import { msg } from '../utils/messages';

/** The quarterly compliance report: agencies' figures and status, the silent ones, tasks 4 and 5.x, downloads. */
export const CompliancePage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  // The current quarter in Vietnam, whatever the browser's time zone, until the server
  // names the quarter of the latest piece sent in (where there is something to read).
  const today = quarterOf(new Date());
  const [{ year, quarter }, setPeriod] = useState<{ year: number; quarter: Quarter }>(today);
  const call = useCall();
  useEffect(() => {
    call(GetLatestPeriod.Endpoint)
      .then(({ data }) => setPeriod(data))
      // Without it the page simply stays on the current quarter; the report's own errors are shown.
      .catch(() => setPeriod(today));
  }, [call]);
  const { report, failed, download } = useCompliance(year, quarter);
  const [downloading, setDownloading] = useState<ComplianceFile | null>(null);

  const onDownload = (format: ComplianceFile) => {
    setDownloading(format);
    download(format)
      .catch(() => toggleNotification({ type: 'danger', message: formatMessage(msg('compliance.download.error')) }))
      .finally(() => setDownloading(null));
  };
  const downloadButton = (format: ComplianceFile) => (
    <Button variant="secondary" startIcon={<Download />} loading={downloading === format} disabled={!report} onClick={() => onDownload(format)}>
      {formatMessage(msg(`compliance.download.${format}`))}
    </Button>
  );

  return (
    <Layouts.Root>
      <Page.Title>{formatMessage(msg('compliance.title'))}</Page.Title>
      <Layouts.Header
        title={formatMessage(msg('compliance.title'))}
        subtitle={formatMessage(msg('compliance.subtitle'))}
        primaryAction={
          <Flex gap={2}>
            {downloadButton('csv')}
            {downloadButton('xlsx')}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <QuarterPicker year={year} quarter={quarter} latestYear={today.year} onChange={(y, q) => setPeriod({ year: y, quarter: q })} />
          {failed ? <Typography textColor="danger600">{formatMessage(msg('compliance.error'))}</Typography> : null}
          {!report && !failed ? <Page.Loading /> : null}
          {report ? (
            <>
              <Typography variant="epsilon" tag="p">
                {formatMessage(msg('compliance.summary'), { label: report.label, ...report.totals })}
              </Typography>
              <Box>
                <AgencyTable report={report} />
              </Box>
              <SilentList silent={report.silent} />
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="delta" tag="h2">{formatMessage(msg('compliance.tasks.title'))}</Typography>
                <TasksTable report={report} />
              </Flex>
              <QuestionsTable report={report} />
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};
