import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default, jest after 5 s: on a loaded 2-core CI machine a
// page's request-render cycle can take longer than that without anything being wrong.
configure({ asyncUtilTimeout: 4_000 });
jest.setTimeout(15_000);
