// SPDX-License-Identifier: EUPL-1.2
import { useEffect } from 'react';
import { texts } from '../texts.ts';

/** "Amsterdam - Ketenzicht"; without a page title just "Ketenzicht". */
export function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} - ${texts.titleSuffix}` : texts.titleSuffix;
}

export function useDocumentTitle(pageTitle?: string): void {
  useEffect(() => {
    document.title = documentTitle(pageTitle);
  }, [pageTitle]);
}
