import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { lazyPage } from './lazyPage';
import { rootRoute } from './rootRoute';

const ComparePage = lazyPage(() =>
  import('../features/trace-compare/ComparePage').then((module) => module.ComparePage),
);

export interface CompareSearch {
  /** The two traces' ids. */
  a?: string;
  b?: string;
  /** The database both live in, when not the connection's default. */
  db_id?: string;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  validateSearch: (raw: CompareSearch & SearchSchemaInput): CompareSearch => {
    const search: CompareSearch = {};
    const a = optionalText(raw.a);
    const b = optionalText(raw.b);
    const dbId = optionalText(raw.db_id);
    if (a) search.a = a;
    if (b) search.b = b;
    if (dbId) search.db_id = dbId;
    return search;
  },
  component: CompareRoute,
  errorComponent: RouteErrorPage,
});

function CompareRoute() {
  const { a, b, db_id: dbId } = compareRoute.useSearch();
  const navigate = compareRoute.useNavigate();
  return (
    <ComparePage
      key={`${dbId ?? ''}/${a ?? ''}/${b ?? ''}`}
      traceIdA={a ?? null}
      traceIdB={b ?? null}
      dbId={dbId}
      onCompare={(next) => void navigate({ search: { ...next, db_id: dbId } })}
    />
  );
}
