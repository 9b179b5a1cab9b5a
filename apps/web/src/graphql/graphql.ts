/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { InterfaceKind } from '@patronus/core/sites/interface-kinds';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Exact matches on each field given; from and to (epoch ms, inclusive) on when the row was written. */
export type AuditFilter = {
  action?: string | null | undefined;
  actor?: string | null | undefined;
  from?: number | null | undefined;
  outcome?: AuditOutcome | null | undefined;
  target?: string | null | undefined;
  to?: number | null | undefined;
};

export const AuditOutcome = {
  Denied: 'denied',
  Failed: 'failed',
  NotFound: 'not_found',
  Success: 'success'
} as const;

export type AuditOutcome = typeof AuditOutcome[keyof typeof AuditOutcome];
export const CollectorProblemKind = {
  Malformed: 'malformed',
  SocketDrops: 'socket_drops',
  StaleSnapshots: 'stale_snapshots',
  UnknownExporters: 'unknown_exporters',
  Unreachable: 'unreachable'
} as const;

export type CollectorProblemKind = typeof CollectorProblemKind[keyof typeof CollectorProblemKind];
export type EndpointInput = {
  address: string;
  /** 0 when omitted. */
  cost_per_gb?: number | null | undefined;
  interface_kind: InterfaceKind;
  port: number;
  /** true when omitted. */
  reachable?: boolean | null | undefined;
  site_id: string;
};

export type EndpointPatch = {
  address?: string | null | undefined;
  cost_per_gb?: number | null | undefined;
  interface_kind?: InterfaceKind | null | undefined;
  port?: number | null | undefined;
  reachable?: boolean | null | undefined;
};

export type FlowInput = {
  destination: string;
  destination_port: number;
  /** 0 when omitted. */
  dscp?: number | null | undefined;
  /** IP protocol number (6 TCP, 17 UDP). */
  protocol: number;
  /** IPv4 or IPv6 address, without a zone id. */
  source: string;
  source_port: number;
};

/**
 * What a policy matches. A rule left out, or given as an empty list, matches anything; a rule with entries
 * matches when any entry does; a flow must match every rule given.
 */
export type MatchRulesInput = {
  destination_cidrs?: Array<string> | null | undefined;
  destination_ports?: Array<string> | null | undefined;
  /** DSCP values, 0-63 (46 EF, 34 AF41, 8 CS1). */
  dscp?: Array<number> | null | undefined;
  /** IP protocol numbers, 0-255 (6 TCP, 17 UDP). */
  protocols?: Array<number> | null | undefined;
  /** IPv4 or IPv6 CIDR blocks with host bits zero, e.g. 10.0.0.0/8. An IPv4 list never matches IPv6 traffic. */
  source_cidrs?: Array<string> | null | undefined;
  /** Ports or ranges: "443" or "10000-20000". */
  source_ports?: Array<string> | null | undefined;
};

export type PathInput = {
  /** Also create the path from destination to source, in the same transaction. */
  create_reverse?: boolean | null | undefined;
  destination_endpoint_id: string;
  source_endpoint_id: string;
  /** up when omitted. */
  status?: PathStatus | null | undefined;
};

export const PathPreference = {
  HighestBandwidth: 'highest_bandwidth',
  LowestCost: 'lowest_cost',
  LowestLatency: 'lowest_latency',
  LowestLoss: 'lowest_loss'
} as const;

export type PathPreference = typeof PathPreference[keyof typeof PathPreference];
export const PathStatus = {
  Degraded: 'degraded',
  Down: 'down',
  Up: 'up'
} as const;

export type PathStatus = typeof PathStatus[keyof typeof PathStatus];
/**
 * A policy change not yet saved, as the mutation that would save it takes it: `input` for create, `policy_id` and
 * `patch` for update, `policy_id` and `enabled` for set_enabled, `policy_id` for delete, `priorities` for
 * reorder.
 */
export type PolicyChangeInput = {
  enabled?: boolean | null | undefined;
  input?: PolicyInput | null | undefined;
  kind: PolicyChangeKind;
  patch?: PolicyPatch | null | undefined;
  policy_id?: string | null | undefined;
  priorities?: Array<PolicyPriorityInput> | null | undefined;
};

/** The kinds of policy change a preview can show (see PolicyChangeInput). */
export const PolicyChangeKind = {
  Create: 'create',
  Delete: 'delete',
  Reorder: 'reorder',
  SetEnabled: 'set_enabled',
  Update: 'update'
} as const;

export type PolicyChangeKind = typeof PolicyChangeKind[keyof typeof PolicyChangeKind];
export type PolicyInput = {
  description?: string | null | undefined;
  /** true when omitted. */
  enabled?: boolean | null | undefined;
  match_rules?: MatchRulesInput | null | undefined;
  name: string;
  /** lowest_latency when omitted. */
  path_preference?: PathPreference | null | undefined;
  /** A path that must exist; it wins over the preference while it is usable. */
  pinned_path_id?: string | null | undefined;
  /** 0-1000; higher wins, ties go to the older policy. */
  priority: number;
};

/**
 * Fields left out stay as they are; match_rules, when given, replaces the rules as a whole. pinned_path_id
 * null unpins.
 */
export type PolicyPatch = {
  description?: string | null | undefined;
  enabled?: boolean | null | undefined;
  match_rules?: MatchRulesInput | null | undefined;
  name?: string | null | undefined;
  path_preference?: PathPreference | null | undefined;
  pinned_path_id?: string | null | undefined;
  priority?: number | null | undefined;
};

export type PolicyPriorityInput = {
  policy_id: string;
  priority: number;
};

export type SiteInput = {
  location?: string | null | undefined;
  name: string;
  /** active when omitted. */
  status?: SiteStatus | null | undefined;
};

export type SitePatch = {
  location?: string | null | undefined;
  name?: string | null | undefined;
  status?: SiteStatus | null | undefined;
};

export const SiteStatus = {
  Active: 'active',
  Degraded: 'degraded',
  Maintenance: 'maintenance',
  Offline: 'offline'
} as const;

export type SiteStatus = typeof SiteStatus[keyof typeof SiteStatus];
export const StatsSource = {
  Live: 'live',
  Snapshot: 'snapshot'
} as const;

export type StatsSource = typeof StatsSource[keyof typeof StatsSource];
export const UserRole = {
  Admin: 'admin',
  Operator: 'operator',
  Viewer: 'viewer'
} as const;

export type UserRole = typeof UserRole[keyof typeof UserRole];
export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  after?: string | null | undefined;
  limit?: number | null | undefined;
}>;


export type AuditLogQuery = { audit_log: { next_cursor: string | null, entries: Array<{ id: string, at: number, actor: string, action: string, target: string, outcome: AuditOutcome, details: string, repeats: number, last_at: number | null }> } };

export type CacheStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type CacheStatsQuery = { cache_stats: Array<{ name: string, process: string, entries: number, hits: number, misses: number, evictions: number, hit_rate: number }> };

export type ClearCacheMutationVariables = Exact<{ [key: string]: never; }>;


export type ClearCacheMutation = { clearCache: { success: boolean, message: string, cleared_entries: number } };

export type CollectorHealthQueryVariables = Exact<{ [key: string]: never; }>;


export type CollectorHealthQuery = { collector_health: { problems: Array<{ kind: CollectorProblemKind, message: string, since: number }> } };

export type FlowInputQueryVariables = Exact<{
  admin: boolean;
}>;


export type FlowInputQuery = { collector_status: { receiver: string, exporters_allowed: string, datagrams_received: number, records_received: number, malformed_packets: number, insane_records: number, unsupported_version: number, socket_drops: number, unknown_exporter: number, templates: number, templates_rejected: number, templates_evicted: number, templates_expired: number, templates_throttled: number, evicted_flows: number, unknown_exporters?: Array<{ address: string, datagrams: number, error: number, last_seen: number }> } | null };

export type OverviewQueryVariables = Exact<{
  from: number;
  to: number;
}>;


export type OverviewQuery = { traffic_stats: { source: StatsSource, at: number, reason: string | null, totals: { packets: number, bytes: number, active_flows: number }, unmatched: { packets_matched: number, bytes_matched: number, active_flows: number } | null }, traffic_history: { from: number, to: number, step_ms: number, points: Array<{ at: number, packets_per_second: number | null, bytes_per_second: number | null, active_flows: number | null }>, by_policy: Array<{ policy_id: number, name: string, points: Array<{ at: number, bytes: number, bytes_per_second: number | null }> }>, other_policies: { policies: number, points: Array<{ at: number, bytes: number, bytes_per_second: number | null }> } | null }, path_health: Array<{ path_id: number, status: PathStatus }>, collector_health: { problems: Array<{ kind: CollectorProblemKind, message: string }> }, collector_status: { uptime_ms: number, live_flows: number, datagrams_received: number } | null };

export type PathDetailQueryVariables = Exact<{
  path_id: number;
  from: number;
  to: number;
  max_buckets?: number | null | undefined;
}>;


export type PathDetailQuery = { path_health_of: { path_id: number, status: PathStatus, source: { site_name: string, address: string, interface_kind: InterfaceKind }, destination: { site_name: string, address: string, interface_kind: InterfaceKind }, latest: { timestamp: number, latency_ms: number, jitter_ms: number, packet_loss_pct: number, bandwidth_mbps: number, score: number } | null } | null, path_metric_history: { step_ms: number, buckets: Array<{ start: number, samples: number, latency_ms: number, max_latency_ms: number, jitter_ms: number, packet_loss_pct: number, score: number }> } };

export type PathHealthQueryVariables = Exact<{
  site_id?: string | null | undefined;
  status?: PathStatus | null | undefined;
}>;


export type PathHealthQuery = { path_health: Array<{ path_id: number, status: PathStatus, source: { site_id: string, site_name: string, address: string, interface_kind: InterfaceKind }, destination: { site_id: string, site_name: string, address: string, interface_kind: InterfaceKind }, latest: { timestamp: number, latency_ms: number, jitter_ms: number, packet_loss_pct: number, score: number } | null }> };

export type PathSiteNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type PathSiteNamesQuery = { sites: Array<{ id: string, name: string }> };

export type PolicyChangePreviewQueryVariables = Exact<{
  change: PolicyChangeInput;
}>;


export type PolicyChangePreviewQuery = { policy_change_preview: { flows_considered: number, flows_moved: number, packets_per_second_moved: number, bits_per_second_moved: number, packets_per_second_total: number, bits_per_second_total: number, at: number, moves: Array<{ from_policy_id: string | null, from_policy_name: string | null, to_policy_id: string | null, to_policy_name: string | null, flows: number, packets_per_second: number, bits_per_second: number }>, top_flows: Array<{ source: string, destination: string, source_port: number, destination_port: number, protocol: number, dscp: number, from_policy_id: string | null, to_policy_id: string | null, packets_per_second: number, bits_per_second: number }> } };

export type PolicyFieldsFragment = { id: string, name: string, description: string, priority: number, enabled: boolean, path_preference: string, pinned_path_id: number | null, rules: { source_cidrs: Array<string>, destination_cidrs: Array<string>, source_ports: Array<string>, destination_ports: Array<string>, protocols: Array<number>, dscp: Array<number> } };

export type PolicyDetailQueryVariables = Exact<{
  id: string;
}>;


export type PolicyDetailQuery = { policy: { created_at: number, updated_at: number, packets_matched: number, bytes_matched: number, active_flows: number, id: string, name: string, description: string, priority: number, enabled: boolean, path_preference: string, pinned_path_id: number | null, rules: { source_cidrs: Array<string>, destination_cidrs: Array<string>, source_ports: Array<string>, destination_ports: Array<string>, protocols: Array<number>, dscp: Array<number> } } | null };

export type PolicyFormDependenciesQueryVariables = Exact<{
  id: string;
}>;


export type PolicyFormDependenciesQuery = { policy_dependencies: { name: string, stats_rows: number, stats_since: number | null } };

export type PolicyFormDeleteMutationVariables = Exact<{
  id: string;
}>;


export type PolicyFormDeleteMutation = { deletePolicy: { name: string, stats_rows_deleted: number } };

export type PolicyFormPathsQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyFormPathsQuery = { paths: Array<{ id: string, source_endpoint_id: number, destination_endpoint_id: number, status: string }>, sites: Array<{ id: string, name: string, endpoints: Array<{ id: string, address: string, interface_kind: InterfaceKind }> }> };

export type PolicyFormPolicyQueryVariables = Exact<{
  id: string;
}>;


export type PolicyFormPolicyQuery = { policy: { id: string, name: string, description: string, priority: number, enabled: boolean, path_preference: string, pinned_path_id: number | null, rules: { source_cidrs: Array<string>, destination_cidrs: Array<string>, source_ports: Array<string>, destination_ports: Array<string>, protocols: Array<number>, dscp: Array<number> } } | null };

export type PolicyFormCreateMutationVariables = Exact<{
  input: PolicyInput;
}>;


export type PolicyFormCreateMutation = { createPolicy: { id: string, name: string } };

export type PolicyFormUpdateMutationVariables = Exact<{
  id: string;
  patch: PolicyPatch;
}>;


export type PolicyFormUpdateMutation = { updatePolicy: { id: string, name: string, description: string, priority: number, enabled: boolean, path_preference: string, pinned_path_id: number | null, rules: { source_cidrs: Array<string>, destination_cidrs: Array<string>, source_ports: Array<string>, destination_ports: Array<string>, protocols: Array<number>, dscp: Array<number> } } };

export type PolicyFormSetEnabledMutationVariables = Exact<{
  id: string;
  enabled: boolean;
}>;


export type PolicyFormSetEnabledMutation = { setPolicyEnabled: { id: string, enabled: boolean } };

export type PolicyTopFlowsQueryVariables = Exact<{
  policy_id: string;
  limit?: number | null | undefined;
}>;


export type PolicyTopFlowsQuery = { policy_top_flows: Array<{ source: string, destination: string, source_port: number, destination_port: number, protocol: number, packets: number, bytes: number, packets_per_second: number, bits_per_second: number, last_seen: number }> };

export type PolicyCountersQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyCountersQuery = { policies: Array<{ id: string, name: string, priority: number, enabled: boolean, path_preference: string, packets_matched: number, bytes_matched: number, active_flows: number }>, traffic_stats: { source: StatsSource, at: number, reason: string | null } };

export type PolicySparklinesQueryVariables = Exact<{
  minutes: number;
}>;


export type PolicySparklinesQuery = { policy_sparklines: { policies: Array<{ policy_id: number, packets_per_second: Array<number | null> }> }, collector_status: { uptime_ms: number } | null };

export type PolicySiteChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicySiteChoicesQuery = { sites: Array<{ id: string, name: string }> };

export type SetPolicyPrioritiesMutationVariables = Exact<{
  priorities: Array<PolicyPriorityInput> | PolicyPriorityInput;
}>;


export type SetPolicyPrioritiesMutation = { setPolicyPriorities: Array<{ id: string, priority: number }> };

export type ResetPolicyCountersMutationVariables = Exact<{
  policy_id: string;
}>;


export type ResetPolicyCountersMutation = { resetPolicyCounters: { reset: boolean, packets_before: number, bytes_before: number } };

export type CreateEndpointMutationVariables = Exact<{
  input: EndpointInput;
}>;


export type CreateEndpointMutation = { createEndpoint: { id: string, address: string } };

export type UpdateEndpointMutationVariables = Exact<{
  id: string;
  input: EndpointPatch;
}>;


export type UpdateEndpointMutation = { updateEndpoint: { id: string, address: string, port: number, interface_kind: InterfaceKind, cost_per_gb: number, reachable: boolean } };

export type EndpointDependenciesQueryVariables = Exact<{
  id: string;
}>;


export type EndpointDependenciesQuery = { endpoint_dependencies: { address: string, paths: number, path_metrics: number, pinned_policies: Array<{ policy_id: number, name: string }> } };

export type DeleteEndpointMutationVariables = Exact<{
  id: string;
}>;


export type DeleteEndpointMutation = { deleteEndpoint: { address: string, paths_deleted: number, path_metrics_deleted: number, unpinned_policies: Array<{ name: string }> } };

export type CreateSiteMutationVariables = Exact<{
  input: SiteInput;
}>;


export type CreateSiteMutation = { createSite: { id: string, name: string } };

export type UpdateSiteMutationVariables = Exact<{
  id: string;
  input: SitePatch;
}>;


export type UpdateSiteMutation = { updateSite: { id: string, name: string, location: string, status: SiteStatus, updated_at: number } };

export type SitePageQueryVariables = Exact<{
  id: string;
}>;


export type SitePageQuery = { site: { id: string, name: string, location: string, status: SiteStatus, endpoint_count: number, created_at: number, updated_at: number, endpoints: Array<{ id: string, address: string, port: number, interface_kind: InterfaceKind, cost_per_gb: number, reachable: boolean }> } | null, path_health: Array<{ path_id: number, status: PathStatus, source: { site_id: string, site_name: string, endpoint_id: number, address: string, interface_kind: InterfaceKind }, destination: { site_id: string, site_name: string, endpoint_id: number, address: string, interface_kind: InterfaceKind }, latest: { timestamp: number, latency_ms: number, jitter_ms: number, packet_loss_pct: number, score: number } | null }> };

export type PathTargetsQueryVariables = Exact<{ [key: string]: never; }>;


export type PathTargetsQuery = { sites: Array<{ id: string, name: string, endpoints: Array<{ id: string, address: string, port: number, interface_kind: InterfaceKind }> }> };

export type CreatePathMutationVariables = Exact<{
  input: PathInput;
}>;


export type CreatePathMutation = { createPath: { path: { id: string }, reverse: { id: string } | null } };

export type UpdatePathStatusMutationVariables = Exact<{
  id: string;
  status: PathStatus;
}>;


export type UpdatePathStatusMutation = { updatePathStatus: { id: string, status: string } };

export type PathDependenciesQueryVariables = Exact<{
  id: string;
}>;


export type PathDependenciesQuery = { path_dependencies: { path_metrics: number, pinned_policies: Array<{ policy_id: number, name: string }> } };

export type DeletePathMutationVariables = Exact<{
  id: string;
}>;


export type DeletePathMutation = { deletePath: { path_id: string, path_metrics_deleted: number, unpinned_policies: Array<{ name: string }> } };

export type SiteLiveTrafficQueryVariables = Exact<{
  site_id: string;
}>;


export type SiteLiveTrafficQuery = { site_live_traffic: { at: number, policies: Array<{ policy_id: number, name: string, packets: number, bytes: number }> } };

export type SiteTrafficHistoryQueryVariables = Exact<{
  site_id: string;
  from: number;
  to: number;
  max_buckets?: number | null | undefined;
}>;


export type SiteTrafficHistoryQuery = { site_traffic: { step_ms: number, points: Array<{ at: number, bytes_per_second: number | null }> } };

export type SitesQueryVariables = Exact<{ [key: string]: never; }>;


export type SitesQuery = { sites: Array<{ id: string, name: string, location: string, status: SiteStatus, endpoint_count: number }> };

export type SiteDependenciesQueryVariables = Exact<{
  id: string;
}>;


export type SiteDependenciesQuery = { site_dependencies: { site_name: string, endpoints: number, paths: number, path_metrics: number, traffic_rows: number, pinned_policies: Array<{ policy_id: number, name: string }> } };

export type DeleteSiteMutationVariables = Exact<{
  id: string;
}>;


export type DeleteSiteMutation = { deleteSite: { success: boolean, message: string } };

export type PolicyNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyNamesQuery = { policies: Array<{ id: string, name: string }> };

export type TrafficHistoryQueryVariables = Exact<{
  from: number;
  to: number;
  policy_id?: number | null | undefined;
  max_buckets?: number | null | undefined;
}>;


export type TrafficHistoryQuery = { traffic_history: { from: number, to: number, step_ms: number, points: Array<{ at: number, packets: number, bytes: number, packets_per_second: number | null, bytes_per_second: number | null, active_flows: number | null, samples: number }> } };

export type UserFieldsFragment = { id: string, email: string, name: string, role: UserRole, created_at: number };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, email: string, name: string, role: UserRole, created_at: number }> };

export type CreateUserMutationVariables = Exact<{
  email: string;
  name?: string | null | undefined;
  role: UserRole;
}>;


export type CreateUserMutation = { createUser: { generated_password: string | null, user: { id: string, email: string, name: string, role: UserRole, created_at: number } } };

export type SetUserRoleMutationVariables = Exact<{
  id: string;
  role: UserRole;
}>;


export type SetUserRoleMutation = { setUserRole: { id: string, email: string, name: string, role: UserRole, created_at: number } };

export type ResetPasswordMutationVariables = Exact<{
  id: string;
}>;


export type ResetPasswordMutation = { resetPassword: { generated_password: string | null, user: { id: string, email: string, name: string, role: UserRole, created_at: number } } };

export type DeleteUserMutationVariables = Exact<{
  id: string;
}>;


export type DeleteUserMutation = { deleteUser: { id: string, email: string } };

export type WhichPolicyQueryVariables = Exact<{
  flow: FlowInput;
}>;


export type WhichPolicyQuery = { flow_policy: { reason: string, passed_over_more: number, policy: { id: string, name: string, priority: number } | null, passed_over: Array<{ policy_id: number, name: string, priority: number, failed_rule: string }> } };

export type WhichPolicyRouteQueryVariables = Exact<{
  source: string;
  destination: string;
  flow: FlowInput;
}>;


export type WhichPolicyRouteQuery = { route: { policy_id: number | null, path_id: number | null, reason: string, cache_hit: boolean } };

export const PolicyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_path_id"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"destination_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"source_ports"}},{"kind":"Field","name":{"kind":"Name","value":"destination_ports"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}}]}}]}}]} as unknown as DocumentNode<PolicyFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<UserFieldsFragment, unknown>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_log"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"repeats"}},{"kind":"Field","name":{"kind":"Name","value":"last_at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"next_cursor"}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const CacheStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CacheStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cache_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"hits"}},{"kind":"Field","name":{"kind":"Name","value":"misses"}},{"kind":"Field","name":{"kind":"Name","value":"evictions"}},{"kind":"Field","name":{"kind":"Name","value":"hit_rate"}}]}}]}}]} as unknown as DocumentNode<CacheStatsQuery, CacheStatsQueryVariables>;
export const ClearCacheDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"cleared_entries"}}]}}]}}]} as unknown as DocumentNode<ClearCacheMutation, ClearCacheMutationVariables>;
export const CollectorHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CollectorHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collector_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<CollectorHealthQuery, CollectorHealthQueryVariables>;
export const FlowInputDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowInput"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"admin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collector_status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiver"}},{"kind":"Field","name":{"kind":"Name","value":"exporters_allowed"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams_received"}},{"kind":"Field","name":{"kind":"Name","value":"records_received"}},{"kind":"Field","name":{"kind":"Name","value":"malformed_packets"}},{"kind":"Field","name":{"kind":"Name","value":"insane_records"}},{"kind":"Field","name":{"kind":"Name","value":"unsupported_version"}},{"kind":"Field","name":{"kind":"Name","value":"socket_drops"}},{"kind":"Field","name":{"kind":"Name","value":"unknown_exporter"}},{"kind":"Field","name":{"kind":"Name","value":"templates"}},{"kind":"Field","name":{"kind":"Name","value":"templates_rejected"}},{"kind":"Field","name":{"kind":"Name","value":"templates_evicted"}},{"kind":"Field","name":{"kind":"Name","value":"templates_expired"}},{"kind":"Field","name":{"kind":"Name","value":"templates_throttled"}},{"kind":"Field","name":{"kind":"Name","value":"evicted_flows"}},{"kind":"Field","name":{"kind":"Name","value":"unknown_exporters"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"admin"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"last_seen"}}]}}]}}]}}]} as unknown as DocumentNode<FlowInputQuery, FlowInputQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traffic_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packets_matched"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_matched"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"IntValue","value":"91"}},{"kind":"Argument","name":{"kind":"Name","value":"top_policies"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"by_policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"other_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"path_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collector_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"collector_status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uptime_ms"}},{"kind":"Field","name":{"kind":"Name","value":"live_flows"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams_received"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const PathDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_health_of"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth_mbps"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"path_metric_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"max_latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<PathDetailQuery, PathDetailQueryVariables>;
export const PathHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PathStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_health"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<PathHealthQuery, PathHealthQueryVariables>;
export const PathSiteNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathSiteNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PathSiteNamesQuery, PathSiteNamesQueryVariables>;
export const PolicyChangePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyChangePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"change"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_change_preview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"change"},"value":{"kind":"Variable","name":{"kind":"Name","value":"change"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows_considered"}},{"kind":"Field","name":{"kind":"Name","value":"flows_moved"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second_moved"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second_moved"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second_total"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second_total"}},{"kind":"Field","name":{"kind":"Name","value":"moves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"from_policy_name"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_name"}},{"kind":"Field","name":{"kind":"Name","value":"flows"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second"}}]}},{"kind":"Field","name":{"kind":"Name","value":"top_flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"source_port"}},{"kind":"Field","name":{"kind":"Name","value":"destination_port"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}},{"kind":"Field","name":{"kind":"Name","value":"from_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second"}}]}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<PolicyChangePreviewQuery, PolicyChangePreviewQueryVariables>;
export const PolicyDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyFields"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"updated_at"}},{"kind":"Field","name":{"kind":"Name","value":"packets_matched"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_matched"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_path_id"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"destination_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"source_ports"}},{"kind":"Field","name":{"kind":"Name","value":"destination_ports"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}}]}}]}}]} as unknown as DocumentNode<PolicyDetailQuery, PolicyDetailQueryVariables>;
export const PolicyFormDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyFormDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_dependencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stats_rows"}},{"kind":"Field","name":{"kind":"Name","value":"stats_since"}}]}}]}}]} as unknown as DocumentNode<PolicyFormDependenciesQuery, PolicyFormDependenciesQueryVariables>;
export const PolicyFormDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicyFormDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stats_rows_deleted"}}]}}]}}]} as unknown as DocumentNode<PolicyFormDeleteMutation, PolicyFormDeleteMutationVariables>;
export const PolicyFormPathsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyFormPaths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paths"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source_endpoint_id"}},{"kind":"Field","name":{"kind":"Name","value":"destination_endpoint_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}}]}}]}}]} as unknown as DocumentNode<PolicyFormPathsQuery, PolicyFormPathsQueryVariables>;
export const PolicyFormPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyFormPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_path_id"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"destination_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"source_ports"}},{"kind":"Field","name":{"kind":"Name","value":"destination_ports"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}}]}}]}}]} as unknown as DocumentNode<PolicyFormPolicyQuery, PolicyFormPolicyQueryVariables>;
export const PolicyFormCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicyFormCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PolicyFormCreateMutation, PolicyFormCreateMutationVariables>;
export const PolicyFormUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicyFormUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PolicyFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PolicyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Policy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_path_id"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"destination_cidrs"}},{"kind":"Field","name":{"kind":"Name","value":"source_ports"}},{"kind":"Field","name":{"kind":"Name","value":"destination_ports"}},{"kind":"Field","name":{"kind":"Name","value":"protocols"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}}]}}]}}]} as unknown as DocumentNode<PolicyFormUpdateMutation, PolicyFormUpdateMutationVariables>;
export const PolicyFormSetEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicyFormSetEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPolicyEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<PolicyFormSetEnabledMutation, PolicyFormSetEnabledMutationVariables>;
export const PolicyTopFlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyTopFlows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_top_flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"source_port"}},{"kind":"Field","name":{"kind":"Name","value":"destination_port"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"last_seen"}}]}}]}}]} as unknown as DocumentNode<PolicyTopFlowsQuery, PolicyTopFlowsQueryVariables>;
export const PolicyCountersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyCounters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"packets_matched"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_matched"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PolicyCountersQuery, PolicyCountersQueryVariables>;
export const PolicySparklinesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicySparklines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_sparklines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"minutes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"collector_status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uptime_ms"}}]}}]}}]} as unknown as DocumentNode<PolicySparklinesQuery, PolicySparklinesQueryVariables>;
export const PolicySiteChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicySiteChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PolicySiteChoicesQuery, PolicySiteChoicesQueryVariables>;
export const SetPolicyPrioritiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPolicyPriorities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"priorities"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyPriorityInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPolicyPriorities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"priorities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"priorities"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}}]}}]} as unknown as DocumentNode<SetPolicyPrioritiesMutation, SetPolicyPrioritiesMutationVariables>;
export const ResetPolicyCountersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPolicyCounters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPolicyCounters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reset"}},{"kind":"Field","name":{"kind":"Name","value":"packets_before"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_before"}}]}}]}}]} as unknown as DocumentNode<ResetPolicyCountersMutation, ResetPolicyCountersMutationVariables>;
export const CreateEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]} as unknown as DocumentNode<CreateEndpointMutation, CreateEndpointMutationVariables>;
export const UpdateEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndpointPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpoint_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}},{"kind":"Field","name":{"kind":"Name","value":"cost_per_gb"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}}]}}]}}]} as unknown as DocumentNode<UpdateEndpointMutation, UpdateEndpointMutationVariables>;
export const EndpointDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndpointDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endpoint_dependencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpoint_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"paths"}},{"kind":"Field","name":{"kind":"Name","value":"path_metrics"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<EndpointDependenciesQuery, EndpointDependenciesQueryVariables>;
export const DeleteEndpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpoint_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"paths_deleted"}},{"kind":"Field","name":{"kind":"Name","value":"path_metrics_deleted"}},{"kind":"Field","name":{"kind":"Name","value":"unpinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteEndpointMutation, DeleteEndpointMutationVariables>;
export const CreateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateSiteMutation, CreateSiteMutationVariables>;
export const UpdateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SitePatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updated_at"}}]}}]}}]} as unknown as DocumentNode<UpdateSiteMutation, UpdateSiteMutationVariables>;
export const SitePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SitePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint_count"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"updated_at"}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}},{"kind":"Field","name":{"kind":"Name","value":"cost_per_gb"}},{"kind":"Field","name":{"kind":"Name","value":"reachable"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"path_health"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint_id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint_id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<SitePageQuery, SitePageQueryVariables>;
export const PathTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}}]}}]}}]} as unknown as DocumentNode<PathTargetsQuery, PathTargetsQueryVariables>;
export const CreatePathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PathInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePathMutation, CreatePathMutationVariables>;
export const UpdatePathStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePathStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PathStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePathStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UpdatePathStatusMutation, UpdatePathStatusMutationVariables>;
export const PathDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_dependencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_metrics"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PathDependenciesQuery, PathDependenciesQueryVariables>;
export const DeletePathDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"path_metrics_deleted"}},{"kind":"Field","name":{"kind":"Name","value":"unpinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeletePathMutation, DeletePathMutationVariables>;
export const SiteLiveTrafficDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteLiveTraffic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_live_traffic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]} as unknown as DocumentNode<SiteLiveTrafficQuery, SiteLiveTrafficQueryVariables>;
export const SiteTrafficHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteTrafficHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_traffic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}}]}}]}}]}}]} as unknown as DocumentNode<SiteTrafficHistoryQuery, SiteTrafficHistoryQueryVariables>;
export const SitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint_count"}}]}}]}}]} as unknown as DocumentNode<SitesQuery, SitesQueryVariables>;
export const SiteDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_dependencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"}},{"kind":"Field","name":{"kind":"Name","value":"paths"}},{"kind":"Field","name":{"kind":"Name","value":"path_metrics"}},{"kind":"Field","name":{"kind":"Name","value":"traffic_rows"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SiteDependenciesQuery, SiteDependenciesQueryVariables>;
export const DeleteSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeleteSiteMutation, DeleteSiteMutationVariables>;
export const PolicyNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PolicyNamesQuery, PolicyNamesQueryVariables>;
export const TrafficHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traffic_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]} as unknown as DocumentNode<TrafficHistoryQuery, TrafficHistoryQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generated_password"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const SetUserRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generated_password"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const WhichPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhichPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flow"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_policy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"flow"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flow"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"passed_over"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"failed_rule"}}]}},{"kind":"Field","name":{"kind":"Name","value":"passed_over_more"}}]}}]}}]} as unknown as DocumentNode<WhichPolicyQuery, WhichPolicyQueryVariables>;
export const WhichPolicyRouteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhichPolicyRoute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"destination"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"flow"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"route"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source_site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"destination_site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"destination"}}},{"kind":"Argument","name":{"kind":"Name","value":"flow"},"value":{"kind":"Variable","name":{"kind":"Name","value":"flow"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"cache_hit"}}]}}]}}]} as unknown as DocumentNode<WhichPolicyRouteQuery, WhichPolicyRouteQueryVariables>;