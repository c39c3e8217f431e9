import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { QUARTERS, isQuarter, type Quarter } from '@cchc/shared';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/messages';

/** How many past years the year selector offers. */
const YEARS_BACK = 6;

interface Props {
  year: number;
  quarter: Quarter;
  latestYear: number;
  onChange: (year: number, quarter: Quarter) => void;
}

/** The year and quarter selectors. */
export const QuarterPicker = ({ year, quarter, latestYear, onChange }: Props) => {
  const { formatMessage } = useIntl();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => latestYear - i);
  return (
    <Flex gap={4} alignItems="flex-end">
      <Field.Root name="year" id="compliance-year">
        <Field.Label>{formatMessage(msg('compliance.year'))}</Field.Label>
        <SingleSelect value={year} onChange={(v) => onChange(Number(v), quarter)}>
          {years.map((y) => (
            <SingleSelectOption key={y} value={y}>{String(y)}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="quarter" id="compliance-quarter">
        <Field.Label>{formatMessage(msg('compliance.quarter'))}</Field.Label>
        <SingleSelect value={quarter} onChange={(v) => {
            const next = Number(v);
            if (isQuarter(next)) onChange(year, next);
          }}>
          {QUARTERS.map((q) => (
            <SingleSelectOption key={q} value={q}>{formatMessage(msg(`compliance.quarter.${q}`))}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Flex>
  );
};
