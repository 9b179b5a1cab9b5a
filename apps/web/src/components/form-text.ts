/** A text field of a submitted form; "" when absent (a form field is never a file here). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
