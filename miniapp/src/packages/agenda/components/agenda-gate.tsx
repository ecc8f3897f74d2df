import type { ReactNode } from 'react';
import { CouncilGate, type CouncilReader } from '../../../components/council-gate';

const AGENDA_WORDS = {
  action: '提议题和附议',
  intro: '身边的事提出来，邻居附议，社区议事会商量着办。登录并完成居民认证后，可以在这里提议题、附议和评价。',
  apply: '议题由本社区的认证居民提出和附议。请先申请居民认证，社区核对住址后即可参与。',
};

/**
 * Agenda pages read like the council's: verified residents, anyone acting for a member (代办)
 * and staff; everyone else learns how to sign in or apply first.
 */
export function AgendaGate({ children }: { children: (viewer: CouncilReader) => ReactNode }) {
  return <CouncilGate words={AGENDA_WORDS}>{children}</CouncilGate>;
}

/** The member a viewer acts for, for hook keys. */
export const actingIdOf = (viewer: CouncilReader) => (viewer.kind === 'member' ? viewer.acting?.memberId : undefined);
