// SPDX-License-Identifier: EUPL-1.2
import { useRouter } from '@tanstack/react-router';
import { type RefObject, useEffect } from 'react';

/**
 * After navigating to another page, move focus to the main content, as a full page load would put the
 * reading position at the top. Not on the first load, and not when only the query string changes (the map
 * level switch keeps focus on its radio button).
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>): void {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (!event.fromLocation || !event.pathChanged) return;
        target.current?.focus({ preventScroll: true });
      }),
    [router, target],
  );
}
