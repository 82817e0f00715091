// SPDX-License-Identifier: EUPL-1.2
/** Pieces shared by the administration pages. */
import { Outlet } from '@tanstack/react-router';
import { Button, Heading, Paragraph, Strong } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  ROLE_LABELS,
  ROLES,
} from '../../../../src/shared/access.ts';
import type { PasswordLink, UserSummary } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { type Option, TextField } from '../../components/form.tsx';
import { RequireAdmin } from '../../components/session.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { texts } from '../../texts.ts';

/** /beheer and everything below it: for beheerders only. */
export function AdminLayout() {
  return <RequireAdmin>{() => <Outlet />}</RequireAdmin>;
}

export const ROLE_OPTIONS: readonly Option[] = ROLES.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
export const KIND_OPTIONS: readonly Option[] = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));

/** "Beheer › Gebruikers › Jan Jansen": where this page sits in the administration. */
export function AdminBreadcrumbs({
  section,
  current,
}: {
  section?: 'organisaties' | 'gebruikers';
  current: string;
}) {
  const sections = texts.admin.sections;
  return (
    <nav aria-label={texts.admin.breadcrumbLabel} className="utrecht-breadcrumb-nav ks-breadcrumbs">
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol ks-breadcrumbs__list">
        <li className="utrecht-breadcrumb-nav__item">
          <AppLink to="/beheer" activeOptions={{ exact: true }}>
            {texts.admin.heading}
          </AppLink>
        </li>
        {section === 'organisaties' && (
          <li className="utrecht-breadcrumb-nav__item">
            <AppLink to="/beheer/organisaties" activeOptions={{ exact: true }}>
              {sections.organisations.title}
            </AppLink>
          </li>
        )}
        {section === 'gebruikers' && (
          <li className="utrecht-breadcrumb-nav__item">
            <AppLink to="/beheer/gebruikers" activeOptions={{ exact: true }}>
              {sections.users.title}
            </AppLink>
          </li>
        )}
        <li className="utrecht-breadcrumb-nav__item" aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  );
}

/** How the user can sign in: with a password, through the organisation's identity provider, or not yet. */
export function signInMethod(user: Pick<UserSummary, 'hasPassword' | 'oidcLinked'>): string {
  const t = texts.users;
  if (user.hasPassword && user.oidcLinked) return t.passwordAndOidc;
  if (user.hasPassword) return t.hasPassword;
  if (user.oidcLinked) return t.oidcLinked;
  return t.noPasswordYet;
}

export function statusLabel(disabled: boolean): string {
  return disabled ? texts.admin.disabled : texts.admin.active;
}

/**
 * The one-time link to set a password, shown once right after it was made: prominent, with a copy button, the
 * expiry, and what the beheerder must know about it. Focus moves to its heading.
 */
export function PasswordLinkPanel({
  name,
  passwordLink,
  headingLevel,
}: {
  name: string;
  passwordLink: PasswordLink;
  headingLevel: 2 | 3;
}) {
  const t = texts.passwordLink;
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(passwordLink.link);
      setCopyState('copied');
    } catch {
      // No clipboard access (plain HTTP on the local network, or refused): select the link for the user.
      inputRef.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="ks-link-panel">
      <Heading level={headingLevel} id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.heading(name)}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <TextField
        id={`${id}-link`}
        label={t.linkLabel}
        description={t.validUntil(formatDateTime(passwordLink.expiresAt))}
        value={passwordLink.link}
        onChange={() => undefined}
        readOnly
        spellCheck={false}
        inputRef={inputRef}
        className="ks-link-panel__link"
      />
      <div className="ks-actions">
        <Button appearance="secondary-action-button" onClick={copy}>
          {t.copy}
        </Button>
        <span role="status" className="ks-copy-status">
          {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
        </span>
      </div>
      <Paragraph>
        <Strong>{t.once}</Strong>
      </Paragraph>
    </section>
  );
}
