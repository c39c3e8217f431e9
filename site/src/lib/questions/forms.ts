/** The questions' forms as plain functions: what a submission and a lookup send. */
import type { LookUpQuestion, SubmitQuestion } from '@cchc/shared';
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

/** The body of a lookup from its form. */
export function lookupOf(form: FormData): z.input<typeof LookUpQuestion.BodySchema> {
  return { code: field(form, 'code'), contact: field(form, 'contact') };
}
