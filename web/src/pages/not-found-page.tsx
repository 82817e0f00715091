// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/app-link.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { texts } from '../texts.ts';

const t = texts.notFound;

/** An unknown address, or (with `code`) an area code that does not exist. */
export function NotFoundPage({ code }: { code?: string }) {
  useDocumentTitle(t.documentTitle);
  return (
    <>
      <Heading level={1}>{code ? t.areaHeading : t.heading}</Heading>
      <Paragraph>{code ? t.areaBody(code) : t.body}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t.homeLink}</AppLink>
      </Paragraph>
    </>
  );
}
