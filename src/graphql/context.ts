/** What every resolver receives: the request's services, each over the one store, and who asks. */
import type { Actor } from '../domain/access';
import { AuditLog } from '../services/audit-log';
import { Deadline } from '../services/deadline';
import { ComplianceService } from '../services/compliance/compliance-service';
import { InventoryReader } from '../services/inventory-reader';
import { InventoryService } from '../services/inventory-service';
import type { InventoryStore } from '../store/inventory-store';

export interface RequestContext {
  /** Reads, batched by its own DataLoaders: a cache that must not outlive the request. */
  reader: InventoryReader;
  /** Imports, upserts, deletes and the export. */
  inventory: InventoryService;
  /** Reads the inventory once however many compliance fields the request asks for. */
  compliance: ComplianceService;
  auditLog: AuditLog;
  /** When this request's work stops (checked by the reader before every store call). */
  deadline: Deadline;
  /** Who is asking: decides what they may do, and what the audit log records. */
  actor: Actor;
  /**
   * Whether this request's answer may be kept in the answer cache (graphql/response-cache.ts).
   * An object, not a flag: Apollo hands plugins a shallow copy of the context.
   */
  answerCache: { cacheable: boolean };
}

/** Services are built per request: the reader and the compliance service cache what they read. */
export function createContext(store: InventoryStore, actor: Actor, deadline: Deadline = Deadline.none()): RequestContext {
  return {
    reader: new InventoryReader(store, deadline),
    inventory: new InventoryService(store),
    compliance: new ComplianceService(store, undefined, deadline),
    auditLog: new AuditLog(store),
    deadline,
    actor,
    answerCache: { cacheable: false },
  };
}
