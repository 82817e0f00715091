// SPDX-License-Identifier: EUPL-1.2
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** A polite status line, e.g. while data loads. */
export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <Paragraph role="status" className="ks-loading">
      {children}
    </Paragraph>
  );
}

/** A load failure, announced at once. */
export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <Alert type="error" role="alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
