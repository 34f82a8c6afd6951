/** Dates as the pages show them: a front matter's `2024-05-31` reads "May 31, 2024". */
const longDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}
