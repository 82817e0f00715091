// SPDX-License-Identifier: EUPL-1.2

/**
 * The profile part of an area page: key figures for a year, each compared with the region, the Netherlands and
 * a comparison group, with their trends; for a region, province or the Netherlands its gemeenten side by side;
 * sources, notes and downloads (CSV, XLSX, the council factsheet as PDF). Year and group live in the URL.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { COMPARISON_GROUP_LABELS, COMPARISON_GROUPS } from '../../../src/shared/dashboards.ts';
import { isClientError } from '../api/client.ts';
import { factsheetPath, type ProfileResponse, profilePath, profileQuery } from '../api/dashboard-queries.ts';
import type { AreaDetail } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import { DownloadItems } from '../components/download-links.tsx';
import { SelectField } from '../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { compareSearchFor, DEFAULT_COMPARE_INDICATOR } from '../lib/compare-search.ts';
import { formatDateTime } from '../lib/format.ts';
import {
  MAX_OWN_GROUP,
  type ProfileSearch,
  type ProfileSelection,
  profileParamsOf,
  profileSearchFor,
  profileSelectionOf,
} from '../lib/profile-search.ts';
import { texts } from '../texts.ts';
import { AreaPicker, type PickedArea } from './profile-area-picker.tsx';
import { KeyFigureCard } from './profile-key-figure.tsx';
import { ProfileMembers } from './profile-members.tsx';

const t = texts.profile;

type ProfileArea = Pick<AreaDetail, 'code' | 'name' | 'level'>;

/** Puts a new selection in the URL of the area's own page, keeping scroll position and focus. */
function useSelect(area: ProfileArea) {
  const navigate = useNavigate();
  return (selection: ProfileSelection) => {
    const search = profileSearchFor(selection);
    const common = { search, resetScroll: false } as const;
    switch (area.level) {
      case 'gemeente':
        return navigate({ to: '/gemeente/$code', params: { code: area.code }, ...common });
      case 'veiligthuisregio':
        return navigate({ to: '/veiligthuisregio/$code', params: { code: area.code }, ...common });
      case 'provincie':
        return navigate({ to: '/provincie/$code', params: { code: area.code }, ...common });
      case 'land':
        return navigate({ to: '/nederland', ...common });
    }
  };
}

export function ProfileSection({ area, search }: { area: ProfileArea; search: ProfileSearch }) {
  const selection = profileSelectionOf(search);
  // An own group without gemeenten yet is no group: until one is chosen, compare by size class.
  const awaitingOwnGroup = selection.group === 'eigen' && selection.groupAreas.length === 0;
  const params = profileParamsOf(
    area.code,
    awaitingOwnGroup ? { ...selection, group: 'grootteklasse' } : selection,
  );
  // The previous figures stay while a new year or group loads, so the page does not jump.
  const query = useQuery({ ...profileQuery(params), placeholderData: keepPreviousData });
  const select = useSelect(area);

  return (
    <section aria-labelledby="kerncijfers" className="ks-section ks-profile" aria-busy={query.isFetching}>
      <Heading level={2} id="kerncijfers">
        {query.data ? t.heading(query.data.periodLabel) : t.headingNoPeriod}
      </Heading>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        // 4xx: the API has no profile for this area (e.g. a former gemeente); anything else is a failure.
        isClientError(query.error) ? (
          <Paragraph>{t.noFigures}</Paragraph>
        ) : (
          <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
        )
      ) : (
        <Profile
          area={area}
          profile={query.data}
          selection={selection}
          awaitingOwnGroup={awaitingOwnGroup}
          apiPath={profilePath(params)}
          onSelect={(next) => void select(next)}
        />
      )}
    </section>
  );
}

function Profile({
  area,
  profile,
  selection,
  awaitingOwnGroup,
  apiPath,
  onSelect,
}: {
  area: ProfileArea;
  profile: ProfileResponse;
  selection: ProfileSelection;
  awaitingOwnGroup: boolean;
  apiPath: string;
  onSelect(selection: ProfileSelection): void;
}) {
  const id = useId();
  const isGemeente = area.level === 'gemeente';
  const period = selection.period ?? profile.period;
  // Without figures there is nothing to choose or compare.
  if (profile.periods.length === 0)
    return (
      <>
        <Paragraph>{t.noFigures}</Paragraph>
        <ProfileLinks area={area} selection={selection} apiPath={apiPath} hasFigures={false} />
      </>
    );
  return (
    <>
      {profile.syntheticData && (
        <Alert type="warning" className="ks-notice">
          <Heading level={3} className="ks-notice__heading">
            {t.synthetic}
          </Heading>
          <Paragraph>{t.syntheticBody}</Paragraph>
        </Alert>
      )}
      <form
        className="ks-profile__controls"
        aria-label={t.controlsLabel}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id={`${id}-period`}
          label={t.period}
          value={period}
          options={profile.periods.map((option) => ({ value: option.code, label: option.label }))}
          onChange={(value) => onSelect({ ...selection, period: value })}
        />
        {isGemeente && (
          <SelectField
            id={`${id}-group`}
            label={t.group}
            description={t.groupDescription}
            value={selection.group}
            options={COMPARISON_GROUPS.map((kind) => ({ value: kind, label: COMPARISON_GROUP_LABELS[kind] }))}
            onChange={(value) => {
              const group = COMPARISON_GROUPS.find((kind) => kind === value) ?? 'grootteklasse';
              onSelect({ ...selection, group, groupAreas: group === 'eigen' ? selection.groupAreas : [] });
            }}
          />
        )}
      </form>
      {isGemeente && awaitingOwnGroup && <Paragraph>{t.groupAreasPending}</Paragraph>}
      {isGemeente && !awaitingOwnGroup && <GroupDescription profile={profile} />}
      {isGemeente && selection.group === 'eigen' && (
        <OwnGroup profile={profile} selection={selection} area={area} onSelect={onSelect} />
      )}

      <ProfileLinks
        area={area}
        selection={awaitingOwnGroup ? { ...selection, group: 'grootteklasse' } : selection}
        apiPath={apiPath}
        hasFigures={profile.keyFigures.length > 0}
      />
      {profile.keyFigures.length === 0 ? (
        <Paragraph>{t.noFigures}</Paragraph>
      ) : (
        <div className="ks-key-figures">
          {profile.keyFigures.map((figure) => (
            <KeyFigureCard
              key={figure.indicator.code}
              figure={figure}
              areaName={profile.area.name}
              periodLabel={profile.periodLabel}
            />
          ))}
        </div>
      )}

      {profile.members && profile.members.rows.length > 0 && (
        <ProfileMembers
          members={profile.members}
          areaName={profile.area.name}
          periodLabel={profile.periodLabel}
          keyFigures={profile.keyFigures}
        />
      )}

      <SourcesAndNotes profile={profile} />
    </>
  );
}

function GroupDescription({ profile }: { profile: ProfileResponse }) {
  const { group } = profile;
  return (
    <div className="ks-profile__group">
      <Paragraph>
        <strong className="ks-profile__group-label">{group.label}</strong>
        {group.description ? `: ${group.description}` : ''}
      </Paragraph>
      {group.areas.length > 0 && (
        <details className="ks-details">
          <summary>{t.groupMembers(String(group.areas.length))}</summary>
          <ul className="ks-plain-list ks-profile__group-areas">
            {group.areas.map((member) => (
              <li key={member.code}>
                <AppLink to="/gemeente/$code" params={{ code: member.code }}>
                  {member.name}
                </AppLink>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Groep "eigen": the chosen gemeenten, with a search to add more. */
function OwnGroup({
  profile,
  selection,
  area,
  onSelect,
}: {
  profile: ProfileResponse;
  selection: ProfileSelection;
  area: ProfileArea;
  onSelect(selection: ProfileSelection): void;
}) {
  const names = new Map(profile.group.areas.map((member) => [member.code, member.name]));
  const chosen: PickedArea[] = selection.groupAreas.map((code) => ({
    code,
    name: names.get(code) ?? code,
    level: 'gemeente',
  }));
  return (
    <AreaPicker
      heading={t.groupAreasHeading}
      headingLevel={3}
      levels={['gemeente']}
      chosen={chosen}
      max={MAX_OWN_GROUP}
      emptyText={t.groupAreasEmpty}
      onAdd={(added) =>
        added.code !== area.code &&
        onSelect({ ...selection, groupAreas: [...selection.groupAreas, added.code] })
      }
      onRemove={(removed) =>
        onSelect({ ...selection, groupAreas: selection.groupAreas.filter((code) => code !== removed.code) })
      }
    />
  );
}

function ProfileLinks({
  area,
  selection,
  apiPath,
  hasFigures,
}: {
  area: ProfileArea;
  selection: ProfileSelection;
  apiPath: string;
  hasFigures: boolean;
}) {
  const params = profileParamsOf(area.code, selection);
  return (
    <section aria-labelledby="downloaden" className="ks-section">
      <Heading level={3} id="downloaden">
        {t.downloadsHeading}
      </Heading>
      <ul className="ks-plain-list ks-downloads">
        {hasFigures && (
          <>
            <DownloadItems apiPath={apiPath} csv={t.downloadCsv} xlsx={t.downloadXlsx} />
            <li>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={factsheetPath({ ...params, area: area.code })}
                type="application/pdf"
              >
                {t.factsheet}
              </a>{' '}
              <span className="ks-downloads__note">{t.factsheetDescription}</span>
            </li>
          </>
        )}
        <li>
          <AppLink
            to="/vergelijken"
            search={compareSearchFor({
              indicator: DEFAULT_COMPARE_INDICATOR,
              areas: [area.code],
              measure: null,
              division: 'historisch',
              changedSince: null,
            })}
          >
            {t.compareLink}
          </AppLink>
        </li>
      </ul>
    </section>
  );
}

function SourcesAndNotes({ profile }: { profile: ProfileResponse }) {
  return (
    <>
      {profile.notes.length > 0 && (
        <section aria-labelledby="toelichting" className="ks-section">
          <Heading level={3} id="toelichting">
            {t.notesHeading}
          </Heading>
          <ul className="ks-notes">
            {profile.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      {profile.sources.length > 0 && (
        <section aria-labelledby="bronnen" className="ks-section">
          <Heading level={3} id="bronnen">
            {t.sourcesHeading}
          </Heading>
          <ul className="ks-notes">
            {profile.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
          <Paragraph className="ks-generated">{t.generatedAt(formatDateTime(profile.generatedAt))}</Paragraph>
        </section>
      )}
    </>
  );
}
