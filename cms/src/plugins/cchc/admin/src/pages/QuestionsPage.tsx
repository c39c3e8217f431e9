import { Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  CLOSE_REASONS,
  DESK_VIEWS,
  ActOnQuestion,
  EditQuestionText,
  GetDeskQuestion,
  GetQuestionAttachment,
  GetQuestionContact,
  ListDeskQuestions,
  type CloseReason,
  type DeskQuestionDetail,
  type DeskView,
  type QuestionAction,
} from '@cchc/shared';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fileNameOf, save } from '../api/download';
import { messageOf, requestPath, useCall } from '../api/useCall';
import { PLUGIN_ID, QUESTIONS_PATH } from '../pluginId';
import { msg } from '../utils/messages';

type Listing = ListDeskQuestions.Response;
type Contact = GetQuestionContact.Response['data'];

const when = (iso: string | null, format: (d: Date, o: Intl.DateTimeFormatOptions) => string) =>
  iso ? format(new Date(iso), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

/**
 * Citizens' questions for staff: the lists (open, overdue, published, closed, robots'), and
 * one item with its original and public texts, the steps open to the signed-in account, the
 * contact (each view recorded) and the history. Contributors see their agency's items only.
 */
export const QuestionsPage = () => {
  const code = useParams()['*'] ?? '';
  return code ? <QuestionItem code={code} /> : <QuestionList />;
};

const QuestionList = () => {
  const { formatMessage, formatDate } = useIntl();
  const call = useCall();
  const [view, setView] = useState<DeskView>('open');
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setListing(null);
    call(ListDeskQuestions.Endpoint, { query: { view } })
      .then(setListing)
      .catch((e: unknown) => setError(messageOf(e, formatMessage(msg('questions.error')))));
  }, [call, view]);

  return (
    <Layouts.Root>
      <Page.Title>{formatMessage(msg('questions.title'))}</Page.Title>
      <Layouts.Header title={formatMessage(msg('questions.title'))} subtitle={formatMessage(msg('questions.subtitle'))} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2} wrap="wrap" role="group" aria-label={formatMessage(msg('questions.views'))}>
            {DESK_VIEWS.filter((v) => v !== 'flagged' || (listing?.counts.flagged ?? 0) > 0).map((v) => (
              <Button key={v} variant={v === view ? 'default' : 'tertiary'} aria-pressed={v === view} onClick={() => setView(v)}>
                {formatMessage(msg(`questions.view.${v}`))}
                {listing ? ` (${listing.counts[v]})` : ''}
              </Button>
            ))}
          </Flex>
          {error ? <Typography textColor="danger600">{error}</Typography> : null}
          {!listing && !error ? <Page.Loading /> : null}
          {listing && listing.data.length === 0 ? <Typography>{formatMessage(msg('questions.empty'))}</Typography> : null}
          {listing && listing.data.length > 0 ? (
            <Table colCount={6} rowCount={listing.data.length + 1}>
              <Thead>
                <Tr>
                  {['code', 'question', 'subject', 'agency', 'state', 'due'].map((c) => (
                    <Th key={c}><Typography variant="sigma">{formatMessage(msg(`questions.column.${c}`))}</Typography></Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {listing.data.map((q) => (
                  <Tr key={q.code}>
                    <Td><Link to={`/plugins/${PLUGIN_ID}/${QUESTIONS_PATH}/${q.code}`}>{q.code}</Link></Td>
                    <Td><Typography>{q.title}</Typography></Td>
                    <Td><Typography>{q.subject.name}</Typography></Td>
                    <Td><Typography>{q.assignedAgency?.name ?? (q.namedAgency ? `${formatMessage(msg('questions.named'))}: ${q.namedAgency.name}` : '—')}</Typography></Td>
                    <Td><Typography>{q.stateLabel}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{when(q.dueAt, formatDate)}</Typography>
                        {q.overdue ? <Badge backgroundColor="danger100" textColor="danger700">{formatMessage(msg('questions.overdue'))}</Badge> : null}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

const QuestionItem = ({ code }: { code: string }) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const call = useCall();
  const { get } = useFetchClient();
  const [item, setItem] = useState<DeskQuestionDetail | null>(null);
  const [choices, setChoices] = useState<Pick<Listing, 'agencies' | 'subjects'>>({ agencies: [], subjects: [] });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [answer, setAnswer] = useState('');
  const [subject, setSubject] = useState('');
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [publicTitle, setPublicTitle] = useState('');
  const [publicBody, setPublicBody] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);

  const show = useCallback((detail: DeskQuestionDetail) => {
    setItem(detail);
    setAnswer(detail.answer ?? '');
    setSubject(detail.subject.code);
    setAgency(detail.assignedAgency?.slug ?? detail.namedAgency?.slug ?? '');
    setPublicTitle(detail.title);
    setPublicBody(detail.body);
  }, []);

  useEffect(() => {
    call(GetDeskQuestion.Endpoint, { params: { code } })
      .then(({ data }) => show(data))
      .catch((e: unknown) => setError(messageOf(e, formatMessage(msg('questions.error')))));
    call(ListDeskQuestions.Endpoint, { query: { view: 'open' } })
      .then(({ agencies, subjects }) => setChoices({ agencies, subjects }))
      .catch(() => {});
  }, [call, code]);

  const run = async (work: () => Promise<{ data: DeskQuestionDetail }>, done: string) => {
    setBusy(true);
    try {
      show((await work()).data);
      setNote('');
      toggleNotification({ type: 'success', message: formatMessage(msg(done)) });
    } catch (e) {
      toggleNotification({ type: 'danger', message: messageOf(e, formatMessage(msg('questions.error'))) });
    } finally {
      setBusy(false);
    }
  };
  const bodyOf = (action: QuestionAction): ActOnQuestion.Body | null => {
    switch (action) {
      case 'classify':
        return { action, subject, note };
      case 'assign':
        return { action, agency, note };
      case 'answer':
        return { action, answer, note };
      case 'close':
        return reason ? { action, reason, note } : null;
      default:
        return { action, note };
    }
  };
  const act = (action: QuestionAction) => {
    const body = bodyOf(action);
    return body ? run(() => call(ActOnQuestion.Endpoint, { params: { code }, body }), `questions.done.${action}`) : Promise.resolve();
  };
  const saveText = () => run(() => call(EditQuestionText.Endpoint, { params: { code }, body: { title: publicTitle, body: publicBody, note } }), 'questions.done.text');
  const downloadFile = (file: number, name: string) =>
    get(requestPath(GetQuestionAttachment.Endpoint, { params: { code, file } }), { responseType: 'blob' })
      .then(({ data, headers }) => save(data, fileNameOf(headers, name)))
      .catch((e: unknown) => toggleNotification({ type: 'danger', message: messageOf(e, formatMessage(msg('questions.error'))) }));
  const revealContact = () =>
    call(GetQuestionContact.Endpoint, { params: { code } })
      .then(({ data }) => setContact(data))
      .catch((e: unknown) => toggleNotification({ type: 'danger', message: messageOf(e, formatMessage(msg('questions.error'))) }));

  const can = (action: QuestionAction) => item?.actions.includes(action) ?? false;
  const section = (title: string, children: React.ReactNode) => (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">{title}</Typography>
        {children}
      </Flex>
    </Box>
  );
  const paragraph = (text: string) => <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>;

  return (
    <Layouts.Root>
      <Page.Title>{`${code} – ${formatMessage(msg('questions.title'))}`}</Page.Title>
      <Layouts.Header
        title={item ? `${item.code}: ${item.title}` : code}
        subtitle={item ? `${item.stateLabel} · ${formatMessage(msg('questions.column.due'))}: ${when(item.dueAt, formatDate)}${item.overdue ? ` · ${formatMessage(msg('questions.overdue'))}` : ''}` : ''}
        navigationAction={<Link to={`/plugins/${PLUGIN_ID}/${QUESTIONS_PATH}`}>← {formatMessage(msg('questions.back'))}</Link>}
      />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {!item && !error ? <Page.Loading /> : null}
        {item ? (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {section(
              formatMessage(msg('questions.original')),
              <>
                <Typography variant="omega" textColor="neutral600">
                  {item.subject.name} · {formatMessage(msg('questions.received'))} {when(item.receivedAt, formatDate)}
                  {item.namedAgency ? ` · ${formatMessage(msg('questions.named'))}: ${item.namedAgency.name}` : ''}
                  {item.assignedAgency ? ` · ${formatMessage(msg('questions.assignedTo'))}: ${item.assignedAgency.name}` : ''}
                </Typography>
                <Typography fontWeight="bold">{item.originalTitle}</Typography>
                {paragraph(item.originalBody)}
                {item.attachments.length > 0 ? (
                  <Flex gap={2} wrap="wrap">
                    <Typography variant="pi" textColor="neutral600">{formatMessage(msg('questions.attachments'))}</Typography>
                    {item.attachments.map((f) => (
                      <Button key={f.id} variant="tertiary" size="S" onClick={() => downloadFile(f.id, f.name)}>
                        {f.name} ({Math.max(1, Math.round(f.size / 1024))} KB)
                      </Button>
                    ))}
                  </Flex>
                ) : null}
              </>,
            )}
            {section(
              formatMessage(msg('questions.public')),
              item.canEditText ? (
                <>
                  <Field.Root name="public-title">
                    <Field.Label>{formatMessage(msg('questions.publicTitle'))}</Field.Label>
                    <TextInput value={publicTitle} onChange={(e: { target: { value: string } }) => setPublicTitle(e.target.value)} />
                  </Field.Root>
                  <Field.Root name="public-body" hint={formatMessage(msg('questions.publicHint'))}>
                    <Field.Label>{formatMessage(msg('questions.publicBody'))}</Field.Label>
                    <Textarea value={publicBody} onChange={(e: { target: { value: string } }) => setPublicBody(e.target.value)} />
                    <Field.Hint />
                  </Field.Root>
                  <Box><Button variant="secondary" disabled={busy} onClick={saveText}>{formatMessage(msg('questions.saveText'))}</Button></Box>
                </>
              ) : (
                <>
                  <Typography fontWeight="bold">{item.title}</Typography>
                  {paragraph(item.body)}
                </>
              ),
            )}
            {section(
              formatMessage(msg('questions.answer')),
              can('answer') ? (
                <>
                  <Field.Root name="answer">
                    <Field.Label>{formatMessage(msg('questions.answerText'))}</Field.Label>
                    <Textarea value={answer} onChange={(e: { target: { value: string } }) => setAnswer(e.target.value)} />
                  </Field.Root>
                  <Box><Button disabled={busy} onClick={() => act('answer')}>{formatMessage(msg('questions.action.answer'))}</Button></Box>
                </>
              ) : (
                paragraph(item.answer ?? formatMessage(msg('questions.noAnswer')))
              ),
            )}
            {item.actions.some((a) => a !== 'answer')
              ? section(
                  formatMessage(msg('questions.steps')),
                  <>
                    <Field.Root name="question-note">
                      <Field.Label>{formatMessage(msg('questions.note'))}</Field.Label>
                      <Textarea value={note} onChange={(e: { target: { value: string } }) => setNote(e.target.value)} />
                    </Field.Root>
                    {can('classify') ? (
                      <Flex gap={2} alignItems="flex-end">
                        <Box minWidth="280px">
                          <SingleSelect aria-label={formatMessage(msg('questions.subject'))} value={subject} onChange={(v: string | number) => setSubject(String(v))}>
                            {choices.subjects.map((s) => <SingleSelectOption key={s.code} value={s.code}>{s.name}</SingleSelectOption>)}
                          </SingleSelect>
                        </Box>
                        <Button variant="secondary" disabled={busy || !subject} onClick={() => act('classify')}>{formatMessage(msg('questions.action.classify'))}</Button>
                      </Flex>
                    ) : null}
                    {can('assign') ? (
                      <Flex gap={2} alignItems="flex-end">
                        <Box minWidth="280px">
                          <SingleSelect aria-label={formatMessage(msg('questions.agency'))} placeholder={formatMessage(msg('questions.agency'))} value={agency} onChange={(v: string | number) => setAgency(String(v))}>
                            {choices.agencies.map((a) => <SingleSelectOption key={a.slug} value={a.slug}>{a.name}</SingleSelectOption>)}
                          </SingleSelect>
                        </Box>
                        <Button variant="secondary" disabled={busy || !agency} onClick={() => act('assign')}>{formatMessage(msg('questions.action.assign'))}</Button>
                      </Flex>
                    ) : null}
                    {can('publish') ? <Box><Button disabled={busy} onClick={() => act('publish')}>{formatMessage(msg('questions.action.publish'))}</Button></Box> : null}
                    {can('close') ? (
                      <Flex gap={2} alignItems="flex-end">
                        <Box minWidth="280px">
                          <SingleSelect aria-label={formatMessage(msg('questions.reason'))} placeholder={formatMessage(msg('questions.reason'))} value={reason} onChange={(v: string | number) => setReason(CLOSE_REASONS.find((r) => r.code === v)?.code ?? '')}>
                            {CLOSE_REASONS.map((r) => <SingleSelectOption key={r.code} value={r.code}>{r.label}</SingleSelectOption>)}
                          </SingleSelect>
                        </Box>
                        <Button variant="danger-light" disabled={busy || !reason} onClick={() => act('close')}>{formatMessage(msg('questions.action.close'))}</Button>
                      </Flex>
                    ) : null}
                    {can('reopen') ? <Box><Button variant="secondary" disabled={busy} onClick={() => act('reopen')}>{formatMessage(msg('questions.action.reopen'))}</Button></Box> : null}
                  </>,
                )
              : null}
            {section(
              formatMessage(msg('questions.contact')),
              contact ? (
                contact.erased ? (
                  <Typography>{formatMessage(msg('questions.contactErased'))}</Typography>
                ) : (
                  <Typography tag="p">
                    {contact.name}
                    {contact.email ? ` · ${contact.email}` : ''}
                    {contact.phone ? ` · ${contact.phone}` : ''}
                  </Typography>
                )
              ) : (
                <>
                  <Typography variant="pi" textColor="neutral600">{formatMessage(msg('questions.contactHint'))}</Typography>
                  <Box><Button variant="tertiary" onClick={revealContact}>{formatMessage(msg('questions.showContact'))}</Button></Box>
                </>
              ),
            )}
            {section(
              formatMessage(msg('questions.history')),
              <Table colCount={3} rowCount={item.history.length + 1}>
                <Thead>
                  <Tr>
                    {['when', 'who', 'what'].map((c) => <Th key={c}><Typography variant="sigma">{formatMessage(msg(`questions.history.${c}`))}</Typography></Th>)}
                  </Tr>
                </Thead>
                <Tbody>
                  {item.history.map((e, i) => (
                    <Tr key={i}>
                      <Td><Typography>{when(e.at, formatDate)}</Typography></Td>
                      <Td><Typography>{e.actorName}</Typography></Td>
                      <Td><Typography>{e.label}{e.note ? ` — ${e.note}` : ''}</Typography></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>,
            )}
            <Box><Button variant="tertiary" onClick={() => navigate(`/plugins/${PLUGIN_ID}/${QUESTIONS_PATH}`)}>{formatMessage(msg('questions.back'))}</Button></Box>
          </Flex>
        ) : null}
      </Layouts.Content>
    </Layouts.Root>
  );
};
