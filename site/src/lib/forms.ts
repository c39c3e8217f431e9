/** Reading the site's plain forms: the body a POST carries, and one field of it as text. */

/** The form a POST carries, or null when it carries none (a body that is not a form). */
export async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** A field of a form as text ("" when absent or a file). */
export const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
