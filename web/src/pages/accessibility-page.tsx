// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { texts } from '../texts.ts';

const t = texts.accessibility;

export function AccessibilityPage() {
  useDocumentTitle(t.documentTitle);
  return (
    <article className="ks-prose">
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph appearance="lead">{t.intro}</Paragraph>

      <Heading level={2}>{t.standardHeading}</Heading>
      <Paragraph>{t.standard}</Paragraph>

      <Heading level={2}>{t.testingHeading}</Heading>
      <UnorderedList>
        {t.testing.map((item) => (
          <UnorderedListItem key={item}>{item}</UnorderedListItem>
        ))}
      </UnorderedList>

      <Heading level={2}>{t.limitationsHeading}</Heading>
      <UnorderedList>
        {t.limitations.map((item) => (
          <UnorderedListItem key={item}>{item}</UnorderedListItem>
        ))}
      </UnorderedList>

      <Heading level={2}>{t.contactHeading}</Heading>
      <Paragraph>{t.contact}</Paragraph>
      <Paragraph appearance="small">{t.updated}</Paragraph>
    </article>
  );
}
