// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../components/app-link.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { texts } from '../../texts.ts';

const t = texts.admin;

/** /beheer: the way in to the administration pages. */
export function AdminHomePage() {
  useDocumentTitle(t.documentTitle);
  const sections = t.sections;
  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph appearance="lead" className="ks-prose">
        {t.intro}
      </Paragraph>
      <ul className="ks-admin-links">
        <li>
          <AppLink to="/beheer/organisaties">{sections.organisations.title}</AppLink>
          <Paragraph>{sections.organisations.description}</Paragraph>
        </li>
        <li>
          <AppLink to="/beheer/gebruikers">{sections.users.title}</AppLink>
          <Paragraph>{sections.users.description}</Paragraph>
        </li>
        <li>
          <AppLink to="/beheer/auditlog">{sections.audit.title}</AppLink>
          <Paragraph>{sections.audit.description}</Paragraph>
        </li>
        <li>
          <AppLink to="/beheer/instellingen">{sections.settings.title}</AppLink>
          <Paragraph>{sections.settings.description}</Paragraph>
        </li>
      </ul>
    </>
  );
}
