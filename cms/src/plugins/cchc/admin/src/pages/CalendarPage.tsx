import { Box, Button, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Check, ChevronLeft, ChevronRight, Clock } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import {
  GetDeskCalendar,
  WEEKDAY_NAMES,
  containsDay,
  dayLabel,
  formatLabel,
  isArticleFormat,
  rangeLabel,
  stepPeriod,
  timeOfDay,
  todayInVietnam,
  viewRange,
  weekdayOf,
  type CalendarItem,
  type CalendarView,
} from '@cchc/shared';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import styled from 'styled-components';
import { messageOf, useCall } from '../api/useCall';
import { StatusBadge } from '../components/compliance/StatusBadge';
import { PLUGIN_ID } from '../pluginId';

type Calendar = GetDeskCalendar.Response['data'];
type Translate = (key: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** The plugin's `calendar.*` messages, with the Vietnamese text as the fallback. */
function useT(): Translate {
  const { formatMessage } = useIntl();
  return (key, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.calendar.${key}`, defaultMessage }, values);
}

// 1080 px is the design system's `large` breakpoint: below it the days stack as one list,
// which stays readable at 800 px; at 1280 px the quarter's panel fits beside the grid.
const Columns = styled.div`
  display: grid;
  gap: 24px;
  grid-template-columns: minmax(0, 1fr);
  @media (min-width: 1280px) {
    grid-template-columns: minmax(0, 1fr) 300px;
    align-items: start;
  }
`;
const WeekGrid = styled.ol<{ $firstColumn: number }>`
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 8px;
  grid-template-columns: minmax(0, 1fr);
  @media (min-width: 1080px) {
    grid-template-columns: repeat(7, minmax(0, 1fr));
    & > li:first-child {
      grid-column-start: ${({ $firstColumn }) => $firstColumn};
    }
  }
`;
const WeekdayRow = styled.div`
  display: none;
  @media (min-width: 1080px) {
    display: grid;
    gap: 8px;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    margin-bottom: 8px;
  }
`;

/** The editors' calendar: pieces scheduled and published, by day in Vietnam, and the quarter's pieces per agency. */
export const CalendarPage = () => {
  const t = useT();
  const call = useCall();
  const today = todayInVietnam();
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(today);
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = viewRange(view, anchor);

  useEffect(() => {
    let current = true;
    setCalendar(null);
    setError(null);
    call(GetDeskCalendar.Endpoint, { query: range })
      .then(({ data }) => current && setCalendar(data))
      .catch((e: unknown) => current && setError(messageOf(e, t('error', 'Không tải được lịch đăng bài. Vui lòng thử lại.'))));
    return () => {
      current = false;
    };
  }, [call, range.from, range.to]);

  // Switching view keeps today in sight when it is in the period shown, else the period's start.
  const switchTo = (next: CalendarView) => {
    setAnchor(containsDay(range, today) ? today : range.from);
    setView(next);
  };
  const periodNames = view === 'month' ? [t('nav.previousMonth', 'Tháng trước'), t('nav.nextMonth', 'Tháng sau')] : [t('nav.previousWeek', 'Tuần trước'), t('nav.nextWeek', 'Tuần sau')];

  return (
    <Layouts.Root>
      <Page.Title>{t('title', 'Lịch đăng bài')}</Page.Title>
      <Layouts.Header title={t('title', 'Lịch đăng bài')} subtitle={t('subtitle', 'Tin bài đã hẹn giờ và đã đăng, theo ngày (giờ Việt Nam)')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" justifyContent="space-between">
            <Flex gap={2} role="group" aria-label={t('view.label', 'Chế độ xem')}>
              {(['month', 'week'] as const).map((v) => (
                <Button key={v} variant={v === view ? 'default' : 'tertiary'} aria-pressed={v === view} onClick={() => switchTo(v)}>
                  {v === 'month' ? t('view.month', 'Theo tháng') : t('view.week', 'Theo tuần')}
                </Button>
              ))}
            </Flex>
            <Flex gap={2} role="group" aria-label={t('nav.label', 'Chuyển kỳ')}>
              <Button variant="tertiary" startIcon={<ChevronLeft aria-hidden />} onClick={() => setAnchor(stepPeriod(view, range.from, -1))}>{periodNames[0]}</Button>
              <Button variant="secondary" onClick={() => setAnchor(today)}>{t('nav.today', 'Hôm nay')}</Button>
              <Button variant="tertiary" endIcon={<ChevronRight aria-hidden />} onClick={() => setAnchor(stepPeriod(view, range.from, 1))}>{periodNames[1]}</Button>
            </Flex>
          </Flex>
          <Typography variant="beta" tag="h2" aria-live="polite">{rangeLabel(view, range)}</Typography>
          <Typography variant="pi" textColor="neutral600">{t('legend', '"Hẹn giờ": sẽ tự đăng vào giờ đã hẹn (khung viền đứt). "Đã đăng": đã lên trang, theo ngày đăng (khung viền liền).')}</Typography>
          {error ? <Typography textColor="danger600">{error}</Typography> : null}
          {!calendar && !error ? <Page.Loading /> : null}
          {calendar?.truncated ? <Typography textColor="warning700">{t('truncated', 'Kỳ này có nhiều tin bài hơn mức lịch hiện được một lần; hãy xem theo tuần để thấy đủ.')}</Typography> : null}
          {calendar ? (
            <Columns>
              <Box>
                <WeekdayRow aria-hidden>
                  {WEEKDAY_NAMES.map((name) => <Typography key={name} variant="sigma" textColor="neutral600">{name}</Typography>)}
                </WeekdayRow>
                <WeekGrid $firstColumn={weekdayOf(calendar.from) + 1} aria-label={t('days.label', 'Các ngày trong kỳ')}>
                  {calendar.days.map(({ day, items }) => <DayCell key={day} day={day} isToday={day === today} items={items} t={t} />)}
                </WeekGrid>
              </Box>
              <QuarterPanel quarter={calendar.quarter} t={t} />
            </Columns>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

interface DayCellProps {
  day: string;
  isToday: boolean;
  items: CalendarItem[];
  t: Translate;
}

/** One day: its heading, then its pieces in time order, or a word that there are none. */
const DayCell = ({ day, isToday, items, t }: DayCellProps) => (
  <Box tag="li" aria-current={isToday ? 'date' : undefined} background="neutral0" hasRadius padding={2} borderStyle="solid" borderWidth={isToday ? '2px' : '1px'} borderColor={isToday ? 'primary600' : 'neutral200'}>
    <Typography variant="delta" tag="h3">
      {dayLabel(day)}
      {isToday ? ` (${t('day.today', 'hôm nay')})` : ''}
    </Typography>
    {items.length === 0 ? (
      <Typography variant="pi" textColor="neutral600">{t('day.empty', 'Không có bài')}</Typography>
    ) : (
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {items.map((item) => <ItemCard key={`${item.state}-${item.documentId}`} item={item} t={t} />)}
      </Flex>
    )}
  </Box>
);

/** A piece: time and state in words (and an icon, and its frame), title linking to its edit view, agency and format. */
const ItemCard = ({ item, t }: { item: CalendarItem; t: Translate }) => {
  const scheduled = item.state === 'scheduled';
  const format = isArticleFormat(item.format) ? formatLabel(item.format) : item.format || '—';
  return (
    <Box tag="li" padding={2} hasRadius borderWidth="1px" borderStyle={scheduled ? 'dashed' : 'solid'} borderColor={scheduled ? 'warning600' : 'success600'} background={scheduled ? 'warning100' : 'success100'}>
      <Flex gap={1} alignItems="center">
        {scheduled ? <Clock aria-hidden /> : <Check aria-hidden />}
        <Typography variant="pi" fontWeight="bold">
          {timeOfDay(item.at)} · {scheduled ? t('state.scheduled', 'Hẹn giờ') : t('state.published', 'Đã đăng')}
        </Typography>
      </Flex>
      <Typography variant="omega" tag="p">
        <Link href={`/admin/content-manager/collection-types/plugin::cchc.article/${item.documentId}`}>{item.title || t('item.untitled', '(Chưa có tiêu đề)')}</Link>
      </Typography>
      <Typography variant="pi" textColor="neutral700" tag="p">
        {item.agency?.name ?? t('item.noAgency', 'Chưa ghi cơ quan')} · {format}
      </Typography>
    </Box>
  );
};

/** Each active agency's pieces published so far in the quarter, against the plan's target, with the compliance report's status. */
const QuarterPanel = ({ quarter, t }: { quarter: Calendar['quarter']; t: Translate }) => (
  <Box tag="section" aria-labelledby="calendar-quarter" background="neutral0" padding={4} shadow="tableShadow" hasRadius>
    <Typography id="calendar-quarter" variant="delta" tag="h2">{t('quarter.title', 'Tiến độ {quarter}', { quarter: quarter.label })}</Typography>
    <Box paddingTop={2} paddingBottom={3}>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('quarter.note', 'Tin bài mỗi cơ quan đã đăng từ đầu quý, so với chỉ tiêu {target} tin bài mỗi quý. Đánh giá lấy từ báo cáo tuân thủ, tính theo tin bài đã gửi.', { target: quarter.target })}
      </Typography>
    </Box>
    {quarter.rows.length === 0 ? (
      <Typography>{t('quarter.empty', 'Chưa có cơ quan nào đang hoạt động.')}</Typography>
    ) : (
      <Table colCount={3} rowCount={quarter.rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('quarter.agency', 'Cơ quan')}</Typography></Th>
            <Th><Typography variant="sigma">{t('quarter.published', 'Đã đăng / chỉ tiêu')}</Typography></Th>
            <Th><Typography variant="sigma">{t('quarter.status', 'Đánh giá')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {quarter.rows.map((row) => (
            <Tr key={row.agency.slug}>
              <Td style={{ whiteSpace: 'normal' }}><Typography variant="pi">{row.agency.name}</Typography></Td>
              <Td><Typography variant="pi">{`${row.published} / ${quarter.target}`}</Typography></Td>
              <Td>
                <StatusBadge status={row.status} />
                <Typography variant="pi" textColor="neutral600" tag="p">{t('quarter.submitted', 'đã gửi {count}', { count: row.submitted })}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    )}
  </Box>
);
