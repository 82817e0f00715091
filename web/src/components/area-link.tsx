// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from 'react';
import type { AreaRef } from '../api/types.ts';
import { AppLink } from './app-link.tsx';

interface AreaLinkProps {
  area: Pick<AreaRef, 'code' | 'level'>;
  children: ReactNode;
}

/** A link to an area's own page, whatever its level. */
export function AreaLink({ area, children }: AreaLinkProps) {
  switch (area.level) {
    case 'gemeente':
      return (
        <AppLink to="/gemeente/$code" params={{ code: area.code }}>
          {children}
        </AppLink>
      );
    case 'veiligthuisregio':
      return (
        <AppLink to="/veiligthuisregio/$code" params={{ code: area.code }}>
          {children}
        </AppLink>
      );
    case 'provincie':
      return (
        <AppLink to="/provincie/$code" params={{ code: area.code }}>
          {children}
        </AppLink>
      );
    case 'land':
      return <AppLink to="/nederland">{children}</AppLink>;
  }
}
