/** The questions' forms as plain functions: what a submission and a lookup send. */
import { QUESTION_ATTACHMENTS, type LookUpQuestion, type SubmitQuestion } from '@cchc/shared';
import type { z } from 'zod';
import { field } from '../forms';


/** The body of a submission from its form; the CMS checks every field. */
export function submissionOf(form: FormData): Record<keyof SubmitQuestion.Body, string> & z.input<typeof SubmitQuestion.BodySchema> {
  return {
    subject: field(form, 'subject'),
    agency: field(form, 'agency'),
    title: field(form, 'title'),
    question: field(form, 'question'),
    name: field(form, 'name'),
    email: field(form, 'email'),
    phone: field(form, 'phone'),
    consent: field(form, 'consent'),
    website: field(form, 'website'),
  };
}

/** The files chosen in the form (a file input left empty sends one nameless, empty part: not a file). */
export function attachmentsOf(form: FormData): File[] {
  return form.getAll(QUESTION_ATTACHMENTS.field).filter((v): v is File => typeof v !== 'string' && (v.size > 0 || v.name !== ''));
}

/** The body of a lookup from its form. */
export function lookupOf(form: FormData): z.input<typeof LookUpQuestion.BodySchema> {
  return { code: field(form, 'code'), contact: field(form, 'contact') };
}
