import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { lazyPage } from './lazyPage';
import { rootRoute } from './rootRoute';

const TraceFilePage = lazyPage(() =>
  import('../features/trace-file/TraceFilePage').then((module) => module.TraceFilePage),
);
// From the trace page's module, so both routes share one chunk (see TracePage.tsx).
const TraceScreen = lazyPage(() =>
  import('../features/trace-view/TracePage').then((module) => module.TraceScreen),
);

export interface FileSearch {
  /** The selected span, as on a trace page. The file itself is never in the URL. */
  span?: string;
}

export const fileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/file',
  validateSearch: (raw: FileSearch & SearchSchemaInput): FileSearch =>
    typeof raw.span === 'string' && raw.span !== '' ? { span: raw.span } : {},
  component: FileRoute,
  errorComponent: RouteErrorPage,
});

/** A trace opened from a file: the full trace page, with no server. */
function FileRoute() {
  const { span } = fileRoute.useSearch();
  const navigate = fileRoute.useNavigate();
  const handleSelectSpan = useCallback(
    (spanId: string | null) =>
      void navigate({
        search: (previous) => ({ ...previous, span: spanId ?? undefined }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );
  return (
    <TraceFilePage
      renderTrace={(file) => (
        <TraceScreen
          key={file.id}
          trace={file.trace}
          source={{ kind: 'file', fileName: file.fileName }}
          selectedSpanId={span ?? null}
          onSelectSpan={handleSelectSpan}
        />
      )}
    />
  );
}
