/**
 * The inventory's list-length statistics (store.listSizeStatistics()), kept between requests:
 * the query cost model reads them on every operation, and computing them reads whole tables.
 *
 * They are estimates, so a stale copy is served while a fresh one is computed in the background
 * (after a change, or after `maxAgeMs` on a store without change marks); only the very first
 * request waits. What a stale estimate lets through is still cut by the request deadline and the
 * response size cap.
 */
import type { InventoryStore, ListSizeStatistics } from '../store/inventory-store';

/** How long statistics are trusted on a store that cannot say when it changed. */
export const STATISTICS_MAX_AGE_MS = 30_000;

export class ListSizeStatisticsCache {
  private kept: { stats: ListSizeStatistics; mark: string | null; at: number } | null = null;
  private computing: Promise<ListSizeStatistics> | null = null;

  constructor(
    private readonly store: InventoryStore,
    private readonly maxAgeMs = STATISTICS_MAX_AGE_MS,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  async current(): Promise<ListSizeStatistics> {
    const mark = this.store.capabilities.changeMarks ? await this.store.changeMark() : null;
    const kept = this.kept;
    if (!kept) return this.refresh(mark);
    const fresh = mark !== null ? kept.mark === mark : Date.now() - kept.at < this.maxAgeMs;
    if (!fresh && !this.computing) this.refresh(mark).catch(this.onError);
    return kept.stats;
  }

  /** One computation at a time; concurrent first requests share it. */
  private refresh(mark: string | null): Promise<ListSizeStatistics> {
    if (this.computing) return this.computing;
    const started = Date.now();
    this.computing = this.store
      .listSizeStatistics()
      .then((stats) => {
        this.kept = { stats, mark, at: started };
        return stats;
      })
      .finally(() => {
        this.computing = null;
      });
    return this.computing;
  }
}
