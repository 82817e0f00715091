// SPDX-License-Identifier: EUPL-1.2
import { Alert, Code, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import type { MapLevel } from '../api/types.ts';
import { useSession } from '../components/session.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { LevelSwitch } from '../map/level-switch.tsx';
import { PopulationMap } from '../map/population-map.tsx';
import { GemeenteSearch } from '../search/gemeente-search.tsx';
import { levelTexts, texts } from '../texts.ts';

export function HomePage({ level }: { level: MapLevel }) {
  const mapHeadingId = useId();
  useDocumentTitle(texts.home.documentTitle);

  return (
    <>
      <Heading level={1}>{texts.home.heading}</Heading>
      <SetupNotice />
      <Paragraph appearance="lead">{texts.home.intro}</Paragraph>
      <GemeenteSearch />
      <section aria-labelledby={mapHeadingId} className="ks-map-section">
        <Heading level={2} id={mapHeadingId}>
          {texts.home.mapHeading(levelTexts[level].singular)}
        </Heading>
        <Paragraph>{texts.home.placeholderNote}</Paragraph>
        <LevelSwitch level={level} />
        {/* A new level is a new map: reset hover and focus state with the key. */}
        <PopulationMap key={level} level={level} />
      </section>
    </>
  );
}

/** A fresh installation has no beheerder: say how the person running the server creates the first one. */
function SetupNotice() {
  const session = useSession();
  if (!session.data?.setupNeeded) return null;
  const t = texts.setup;
  return (
    // Part of the page, not an event: no live region.
    <Alert type="warning" role="note" className="ks-notice ks-setup-notice">
      <Heading level={2} className="ks-notice__heading">
        {t.heading}
      </Heading>
      <Paragraph>{t.body}</Paragraph>
      <Paragraph>
        <Code className="ks-command">{t.command}</Code>
      </Paragraph>
      <Paragraph>{t.after}</Paragraph>
    </Alert>
  );
}
