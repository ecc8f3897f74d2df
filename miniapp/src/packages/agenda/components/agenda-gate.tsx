import type { ReactNode } from 'react';
import { CouncilGate, type CouncilReader } from '../../../components/council-gate';

/**
 * Agenda pages read like the council's: verified residents, anyone acting for a member (代办)
 * and staff; everyone else learns how to sign in or apply first.
 */
export function AgendaGate({ children }: { children: (viewer: CouncilReader) => ReactNode }) {
  return <CouncilGate>{children}</CouncilGate>;
}

/** The member a viewer acts for, for hook keys. */
export const actingIdOf = (viewer: CouncilReader) => (viewer.kind === 'member' ? viewer.acting?.memberId : undefined);
