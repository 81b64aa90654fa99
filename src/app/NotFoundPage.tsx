import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <section className="page page-state">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/traces" className="button">
        Go to the traces
      </Link>
    </section>
  );
}
