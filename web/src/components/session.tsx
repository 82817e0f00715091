// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { sessionQuery } from '../api/queries.ts';
import type { SessionUser } from '../api/types.ts';
import { texts } from '../texts.ts';
import { AppLink } from './app-link.tsx';
import { ErrorMessage, LoadingMessage } from './status-message.tsx';
import { useDocumentTitle } from './use-document-title.ts';

const t = texts.guard;

/** Who is signed in (or null), with the CSRF token and the installation's state. */
export function useSession() {
  return useQuery(sessionQuery());
}

/**
 * Shows `children` to a signed-in user; sends anyone else to /inloggen, with this page as the place to come back
 * to (`/inloggen?terug=/account`).
 */
export function RequireSignedIn({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  const here = useLocation({ select: (location) => location.href });
  const user = session.data?.user ?? null;
  const mustSignIn = session.isSuccess && user === null;
  // Once: while the navigation runs, this page still shows and the location already changes.
  const redirected = useRef(false);

  useEffect(() => {
    if (!mustSignIn || redirected.current) return;
    redirected.current = true;
    void navigate({ to: '/inloggen', search: { terug: here }, replace: true });
  }, [mustSignIn, navigate, here]);

  if (session.isPending) return <LoadingMessage>{t.checking}</LoadingMessage>;
  if (session.isError && !user) return <ErrorMessage>{t.sessionError}</ErrorMessage>;
  if (!user) return <LoadingMessage>{t.redirecting}</LoadingMessage>;
  return children(user);
}

/** Shows `children` to a beheerder; another signed-in user reads that this page is not for them. */
export function RequireAdmin({ children }: { children: (user: SessionUser) => ReactNode }) {
  return <RequireSignedIn>{(user) => (user.isAdmin ? children(user) : <NoAccess />)}</RequireSignedIn>;
}

function NoAccess() {
  useDocumentTitle(t.noAccessTitle);
  return (
    <>
      <Heading level={1}>{t.noAccessHeading}</Heading>
      <Paragraph className="ks-prose">{t.noAccessBody}</Paragraph>
      <Paragraph>
        <AppLink to="/account">{t.accountLink}</AppLink>
      </Paragraph>
    </>
  );
}
