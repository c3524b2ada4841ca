/** How every drawing of a lineage looks — Mermaid, DOT and the dashboard's diagram alike. */
import type { FlowKind, PartyKind } from '../vocabulary';

/** Fill and stroke per party kind; third parties get the strongest mark. */
export const PARTY_KIND_COLORS: Record<PartyKind, { fill: string; stroke: string; text: string }> = {
  DATA_SUBJECT: { fill: '#eef2ff', stroke: '#4f46e5', text: '#1e1b4b' },
  FIRST_PARTY: { fill: '#e0f2fe', stroke: '#0369a1', text: '#0c4a6e' },
  AFFILIATE: { fill: '#ecfeff', stroke: '#0e7490', text: '#164e63' },
  ENTRUSTED_PARTY: { fill: '#fef3c7', stroke: '#b45309', text: '#78350f' },
  THIRD_PARTY: { fill: '#fee2e2', stroke: '#b91c1c', text: '#7f1d1d' },
  AUTHORITY: { fill: '#f3e8ff', stroke: '#7e22ce', text: '#3b0764' },
  PUBLIC: { fill: '#ffedd5', stroke: '#c2410c', text: '#7c2d12' },
};

/** Flows that hand the data to someone outside the handler's control are drawn heavier. */
export const DISCLOSING_KINDS: readonly FlowKind[] = ['PROVISION', 'TRANSFER', 'PUBLIC_DISCLOSURE'];
