// SPDX-License-Identifier: EUPL-1.2
import { createLink } from '@tanstack/react-router';
import { Link as UtrechtLink } from '@utrecht/component-library-react';

/** The NL Design System link, navigating inside the app without a page load. */
export const AppLink = createLink(UtrechtLink);
