// SPDX-License-Identifier: EUPL-1.2
import {
  Alert,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { MergerNotice, MergerPartner, PredecessorSection } from '../lib/mergers.ts';
import { texts } from '../texts.ts';
import { AppLink } from './app-link.tsx';

const t = texts.mergers;

function PartnerLink({ partner }: { partner: MergerPartner }) {
  return (
    <>
      <AppLink to="/gemeente/$code" params={{ code: partner.code }}>
        {partner.name}
      </AppLink>
      {partner.note && ` (${partner.note})`}
    </>
  );
}

function PartnerList({ partners }: { partners: readonly MergerPartner[] }) {
  return (
    <UnorderedList className="ks-merger-list">
      {partners.map((partner) => (
        <UnorderedListItem key={partner.code}>
          <PartnerLink partner={partner} />
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function AllMergersLink() {
  return <AppLink to="/herindelingen">{t.allMergersLink}</AppLink>;
}

/** The notice on a gemeente that a herindeling ended (or will end): with a heading and icon, not only colour. */
export function MergerNoticeAlert({ notice }: { notice: MergerNotice }) {
  const [only] = notice.successors;
  return (
    <Alert
      type="warning"
      // Static content of the page, not an event: no live region (`alert` would interrupt the reader).
      role="note"
      className="ks-merger-notice"
      icon={<NoticeIcon />}
    >
      <Heading level={2} id="herindeling" className="ks-merger-notice__heading">
        {t.noticeHeading}
      </Heading>
      <Paragraph>
        {notice.lead}
        {notice.layout === 'inline' && only && (
          <>
            {' '}
            {notice.successorIntro} <PartnerLink partner={only} />.
          </>
        )}
        {notice.layout === 'list' && ` ${notice.successorIntro}`}
      </Paragraph>
      {notice.layout === 'list' && <PartnerList partners={notice.successors} />}
      <Paragraph>
        {t.noticeFigures} <AllMergersLink />.
      </Paragraph>
    </Alert>
  );
}

/** "Ontstaan uit": the gemeenten that went into this one, per date. */
export function PredecessorsSection({ section }: { section: PredecessorSection }) {
  return (
    <section aria-labelledby="ontstaan" className="ks-section">
      <Heading level={2} id="ontstaan">
        {section.heading}
      </Heading>
      {section.groups.map((group) => (
        <div key={group.date}>
          <Paragraph>{group.intro}</Paragraph>
          <PartnerList partners={group.predecessors} />
        </div>
      ))}
      <Paragraph>
        <AllMergersLink />
      </Paragraph>
    </section>
  );
}

function NoticeIcon() {
  return (
    <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 6.5v7" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="12" cy="17.25" r="1.5" fill="currentColor" />
    </svg>
  );
}
