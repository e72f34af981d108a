// Where the dialer's records go: the process that runs the dialer injects it (server/dialer/record-sink.ts writes
// them through the ingest service, so the dialer's calls are validated and stored like any other).
export interface RecordSink {
  /**
   * Stores records of one organization (`call` and `agent_state` records in the ingest contract's terms) and
   * answers the ones refused, by index; throws when the store cannot be reached (the records are then kept).
   */
  write(orgId: string, records: Record<string, unknown>[]): Promise<{ index: number; error: string }[]>;
  /** Something live of these campaigns changed (an inbound queue), for the live dashboards. */
  changed(campaignIds: string[]): void;
}
