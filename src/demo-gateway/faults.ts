/**
 * Fault switches that tests flip to see how probes react to a broken gateway. Every switch is
 * reversible; the state is read by the Traefik layer, the SSE writer and the upstream pool.
 */

/** Statuses Traefik itself produces when the backend fails (reference litellm-traefik.md §4). */
export const TRAEFIK_ERROR_STATUSES = [500, 502, 503, 504] as const;
export type TraefikErrorStatus = (typeof TRAEFIK_ERROR_STATUSES)[number];

/** Upstream names the fault switches know about. */
export type UpstreamName = 'mcp_postgres' | 'mcp_filesystem';

/** Current fault settings. */
export interface FaultState {
  latencyMs: number;
  cutStreams: boolean;
  serverError: TraefikErrorStatus | null;
  unreachable: Set<string>;
}

/** The fault switch API handed to tests. */
export interface Faults {
  setUpstreamUnreachable(server: UpstreamName, unreachable: boolean): void;
  setLatency(ms: number): void;
  setCutStreams(cut: boolean): void;
  rotateKey(newKey: string): void;
  setServerError(status: number | null): void;
}

/** Creates the initial (healthy) fault state. */
export function createFaultState(): FaultState {
  return { latencyMs: 0, cutStreams: false, serverError: null, unreachable: new Set() };
}

const isTraefikErrorStatus = (status: number): status is TraefikErrorStatus =>
  (TRAEFIK_ERROR_STATUSES as readonly number[]).includes(status);

/** Binds the fault switch API to `state`; key rotation is delegated to the key ring. */
export function createFaults(state: FaultState, rotateKey: (newKey: string) => void): Faults {
  return {
    setUpstreamUnreachable(server, unreachable) {
      if (unreachable) state.unreachable.add(server);
      else state.unreachable.delete(server);
    },
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(`demo gateway → faults.setLatency(ms): expected milliseconds >= 0, received ${ms}; pass 0 to remove the delay`);
      }
      state.latencyMs = ms;
    },
    setCutStreams(cut) {
      state.cutStreams = cut;
    },
    rotateKey,
    setServerError(status) {
      if (status !== null && !isTraefikErrorStatus(status)) {
        throw new Error(
          `demo gateway → faults.setServerError(status): ${status} is not a status Traefik produces; use one of ${TRAEFIK_ERROR_STATUSES.join(', ')} or null to heal`,
        );
      }
      state.serverError = status;
    },
  };
}
