import type { RouteDef } from './route';
import { agendaRoutes } from './agenda';
import { canteenRoutes } from './canteen';
import { careRoutes } from './care';
import { careNeedRoutes } from './care-needs';
import { careVisitRoutes } from './care-visits';
import { communityRoutes } from './community';
import { councilRoutes } from './council';
import { identityRoutes } from './identity';
import { notifyRoutes } from './notify';
import { onboardingRoutes } from './onboarding';
import { pointsRoutes } from './points';
import { moderationRoutes } from './moderation';
import { privacyRoutes } from './privacy';
import { structureRoutes } from './structure';
import { rosterRoutes } from './roster';
import { photoRoutes } from './photos';

/** The one route table. Functions, the mini-program client, CDK and OpenAPI all read it. */
export const routes = {
  ...communityRoutes,
  ...structureRoutes,
  ...identityRoutes,
  ...councilRoutes,
  ...agendaRoutes,
  ...notifyRoutes,
  ...canteenRoutes,
  ...pointsRoutes,
  ...privacyRoutes,
  ...moderationRoutes,
  ...onboardingRoutes,
  ...careRoutes,
  ...careNeedRoutes,
  ...careVisitRoutes,
  ...rosterRoutes,
  ...photoRoutes,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Every route as a list, in table order. */
export const routeList: RouteDef[] = Object.values(routes) as RouteDef[];
