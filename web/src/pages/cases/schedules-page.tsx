/** Placeholder until the page is written. */
export function SchedulesPage() {
  return <h1>Vervolgschema</h1>;
}
