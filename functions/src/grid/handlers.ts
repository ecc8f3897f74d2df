import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { STRUCTURE_ERRORS } from '@linli/shared/domain/structure/errors';
import { NEED_ERRORS } from '@linli/shared/domain/care/need-errors';
import { VISIT_ERRORS } from '@linli/shared/domain/care/visit-errors';
import { careNeedRoutes } from '@linli/shared/contract/care-needs';
import { careVisitRoutes } from '@linli/shared/contract/care-visits';
import { defineDomain } from '../platform/lambda-router';
import { careVisitHandlers, needHandlers } from '../care';
import { resolveActingSubject } from '../identity';

/**
 * The grid function: residents' needs (民生需求) taken by grid workers, and grid workers' visits
 * to the elders in their grid (网格员走访). Its use cases live in the care feature; it is a function
 * of its own so that neither it nor the wish function (微心愿, partner units) bundles the other's
 * code and contract: together they were 1.56× the baseline's bytes and 1.35× its cold require.
 */
export const gridDomain = defineDomain(
  'grid',
  { ...careNeedRoutes, ...careVisitRoutes },
  { errorTables: [IDENTITY_ERRORS, STRUCTURE_ERRORS, NEED_ERRORS, VISIT_ERRORS], actingFor: resolveActingSubject },
)({
  ...needHandlers,
  ...careVisitHandlers,
});
