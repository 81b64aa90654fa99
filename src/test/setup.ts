import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy/waitFor give up after this long: 1 s (the default) is too short on a busy 2-core CI box,
// where a page's first render under jsdom can take longer. It is a limit, not a wait.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
