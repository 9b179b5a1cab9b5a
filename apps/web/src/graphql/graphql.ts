/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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


export type OverviewQuery = { traffic_stats: { source: StatsSource, at: number, reason: string | null, totals: { packets: number, bytes: number, active_flows: number }, unmatched: { packets_matched: number, bytes_matched: number, active_flows: number } | null }, traffic_history: { from: number, to: number, step_ms: number, points: Array<{ at: number, packets_per_second: number | null, bytes_per_second: number | null, active_flows: number | null }>, by_policy: Array<{ policy_id: number, name: string, points: Array<{ at: number, bytes: number, bytes_per_second: number | null }> }> }, path_health: Array<{ path_id: number, status: PathStatus }>, collector_health: { problems: Array<{ kind: CollectorProblemKind, message: string }> }, collector_status: { uptime_ms: number, live_flows: number, datagrams_received: number } | null };

export type PathDetailQueryVariables = Exact<{
  path_id: number;
  from: number;
  to: number;
  max_buckets?: number | null | undefined;
}>;


export type PathDetailQuery = { path_health_of: { path_id: number, status: PathStatus, source: { site_name: string, address: string, interface_kind: string }, destination: { site_name: string, address: string, interface_kind: string }, latest: { timestamp: number, latency_ms: number, jitter_ms: number, packet_loss_pct: number, bandwidth_mbps: number, score: number } | null } | null, path_metric_history: { step_ms: number, buckets: Array<{ start: number, samples: number, latency_ms: number, max_latency_ms: number, jitter_ms: number, packet_loss_pct: number, score: number }> } };

export type PathHealthQueryVariables = Exact<{
  site_id?: string | null | undefined;
  status?: PathStatus | null | undefined;
}>;


export type PathHealthQuery = { path_health: Array<{ path_id: number, status: PathStatus, source: { site_id: string, site_name: string, address: string, interface_kind: string }, destination: { site_id: string, site_name: string, address: string, interface_kind: string }, latest: { timestamp: number, latency_ms: number, jitter_ms: number, packet_loss_pct: number, score: number } | null }> };

export type PathSiteNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type PathSiteNamesQuery = { sites: Array<{ id: string, name: string }> };

export type PolicyChangePreviewQueryVariables = Exact<{
  change: PolicyChangeInput;
}>;


export type PolicyChangePreviewQuery = { policy_change_preview: { flows_considered: number, flows_moved: number, packets_per_second_moved: number, bits_per_second_moved: number, at: number, moves: Array<{ from_policy_id: string | null, from_policy_name: string | null, to_policy_id: string | null, to_policy_name: string | null, flows: number, packets_per_second: number, bits_per_second: number }>, top_flows: Array<{ source: string, destination: string, source_port: number, destination_port: number, protocol: number, dscp: number, from_policy_id: string | null, to_policy_id: string | null, packets_per_second: number, bits_per_second: number }> } };

export type PolicyCountersQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyCountersQuery = { policies: Array<{ id: string, name: string, priority: number, enabled: boolean, path_preference: string, packets_matched: number, bytes_matched: number, active_flows: number }>, traffic_stats: { source: StatsSource, at: number, reason: string | null } };

export type SitesQueryVariables = Exact<{ [key: string]: never; }>;


export type SitesQuery = { sites: Array<{ id: string, name: string, location: string, status: SiteStatus, endpoint_count: number }> };

export type SiteDependenciesQueryVariables = Exact<{
  id: string;
}>;


export type SiteDependenciesQuery = { site_dependencies: { site_name: string, endpoints: number, paths: number, path_metrics: number, pinned_policies: Array<{ policy_id: number, name: string }> } };

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

export const UserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<UserFieldsFragment, unknown>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audit_log"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"repeats"}},{"kind":"Field","name":{"kind":"Name","value":"last_at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"next_cursor"}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const CacheStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CacheStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cache_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"entries"}},{"kind":"Field","name":{"kind":"Name","value":"hits"}},{"kind":"Field","name":{"kind":"Name","value":"misses"}},{"kind":"Field","name":{"kind":"Name","value":"evictions"}},{"kind":"Field","name":{"kind":"Name","value":"hit_rate"}}]}}]}}]} as unknown as DocumentNode<CacheStatsQuery, CacheStatsQueryVariables>;
export const ClearCacheDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearCache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"cleared_entries"}}]}}]}}]} as unknown as DocumentNode<ClearCacheMutation, ClearCacheMutationVariables>;
export const CollectorHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CollectorHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collector_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode<CollectorHealthQuery, CollectorHealthQueryVariables>;
export const FlowInputDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowInput"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"admin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collector_status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiver"}},{"kind":"Field","name":{"kind":"Name","value":"exporters_allowed"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams_received"}},{"kind":"Field","name":{"kind":"Name","value":"records_received"}},{"kind":"Field","name":{"kind":"Name","value":"malformed_packets"}},{"kind":"Field","name":{"kind":"Name","value":"insane_records"}},{"kind":"Field","name":{"kind":"Name","value":"unsupported_version"}},{"kind":"Field","name":{"kind":"Name","value":"socket_drops"}},{"kind":"Field","name":{"kind":"Name","value":"unknown_exporter"}},{"kind":"Field","name":{"kind":"Name","value":"templates"}},{"kind":"Field","name":{"kind":"Name","value":"templates_rejected"}},{"kind":"Field","name":{"kind":"Name","value":"templates_evicted"}},{"kind":"Field","name":{"kind":"Name","value":"templates_expired"}},{"kind":"Field","name":{"kind":"Name","value":"templates_throttled"}},{"kind":"Field","name":{"kind":"Name","value":"evicted_flows"}},{"kind":"Field","name":{"kind":"Name","value":"unknown_exporters"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"admin"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"last_seen"}}]}}]}}]}}]} as unknown as DocumentNode<FlowInputQuery, FlowInputQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traffic_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packets_matched"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_matched"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"IntValue","value":"91"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"by_policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"path_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collector_health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"collector_status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uptime_ms"}},{"kind":"Field","name":{"kind":"Name","value":"live_flows"}},{"kind":"Field","name":{"kind":"Name","value":"datagrams_received"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const PathDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_health_of"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"bandwidth_mbps"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"path_metric_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"max_latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<PathDetailQuery, PathDetailQueryVariables>;
export const PathHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PathStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_health"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"site_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path_id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"destination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_id"}},{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"interface_kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"latency_ms"}},{"kind":"Field","name":{"kind":"Name","value":"jitter_ms"}},{"kind":"Field","name":{"kind":"Name","value":"packet_loss_pct"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<PathHealthQuery, PathHealthQueryVariables>;
export const PathSiteNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PathSiteNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PathSiteNamesQuery, PathSiteNamesQueryVariables>;
export const PolicyChangePreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyChangePreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"change"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PolicyChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_change_preview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"change"},"value":{"kind":"Variable","name":{"kind":"Name","value":"change"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flows_considered"}},{"kind":"Field","name":{"kind":"Name","value":"flows_moved"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second_moved"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second_moved"}},{"kind":"Field","name":{"kind":"Name","value":"moves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"from_policy_name"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_name"}},{"kind":"Field","name":{"kind":"Name","value":"flows"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second"}}]}},{"kind":"Field","name":{"kind":"Name","value":"top_flows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"destination"}},{"kind":"Field","name":{"kind":"Name","value":"source_port"}},{"kind":"Field","name":{"kind":"Name","value":"destination_port"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"dscp"}},{"kind":"Field","name":{"kind":"Name","value":"from_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"to_policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bits_per_second"}}]}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<PolicyChangePreviewQuery, PolicyChangePreviewQueryVariables>;
export const PolicyCountersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyCounters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"path_preference"}},{"kind":"Field","name":{"kind":"Name","value":"packets_matched"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_matched"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"traffic_stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<PolicyCountersQuery, PolicyCountersQueryVariables>;
export const SitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint_count"}}]}}]}}]} as unknown as DocumentNode<SitesQuery, SitesQueryVariables>;
export const SiteDependenciesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteDependencies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_dependencies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site_name"}},{"kind":"Field","name":{"kind":"Name","value":"endpoints"}},{"kind":"Field","name":{"kind":"Name","value":"paths"}},{"kind":"Field","name":{"kind":"Name","value":"path_metrics"}},{"kind":"Field","name":{"kind":"Name","value":"pinned_policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policy_id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SiteDependenciesQuery, SiteDependenciesQueryVariables>;
export const DeleteSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"site_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DeleteSiteMutation, DeleteSiteMutationVariables>;
export const PolicyNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PolicyNamesQuery, PolicyNamesQueryVariables>;
export const TrafficHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrafficHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"traffic_history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"policy_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"policy_id"}}},{"kind":"Argument","name":{"kind":"Name","value":"max_buckets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"max_buckets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"step_ms"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"packets"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"packets_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"bytes_per_second"}},{"kind":"Field","name":{"kind":"Name","value":"active_flows"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]} as unknown as DocumentNode<TrafficHistoryQuery, TrafficHistoryQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generated_password"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const SetUserRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generated_password"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"user_id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;