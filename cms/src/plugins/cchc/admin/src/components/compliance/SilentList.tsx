import type { ComplianceReport } from '@cchc/shared';
import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

interface Props {
  silent: ComplianceReport['silent'];
}

/** The active agencies that sent nothing in the quarter, exempt ones marked. */
export const SilentList = ({ silent }: Props) => {
  const { formatMessage } = useIntl();
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">{formatMessage(msg('compliance.silent.title'), { count: silent.length })}</Typography>
      {silent.length === 0 ? (
        <Box paddingTop={3}>
          <Typography>{formatMessage(msg('compliance.silent.none'))}</Typography>
        </Box>
      ) : (
        <Box tag="ul" paddingTop={3} paddingLeft={5} style={{ listStyle: 'disc' }}>
          {silent.map((agency) => (
            <li key={agency.slug}>
              <Typography>
                {agency.name}
                {agency.exempt ? ` ${formatMessage(msg('compliance.silent.exempt'))}` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
};
