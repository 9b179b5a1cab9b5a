import type { InterfaceKind } from '@patronus/core/sites/interface-kinds';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Policy as PolicyModel } from '@patronus/core/policies';
import type { PathDetail as PathDetailModel, SiteSummary as SiteSummaryModel } from '@patronus/core/sites';
import type { CollectorStatusReport as CollectorStatusReportModel } from '@patronus/core/traffic/control';
import type { AuthedContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string | number; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A WAN interface kind: fiber, cable, dsl, lte, 5g, satellite or mpls. A scalar, not an enum, because an
   * enum value cannot start with a digit (5g); any other value is refused before a resolver runs.
   */
  InterfaceKind: { input: InterfaceKind; output: string; }
};

export type ApiToken = {
  __typename?: 'ApiToken';
  created_at: Scalars['Float']['output'];
  /** Null: never expires. */
  expires_at?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  last_used_at?: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  scope: ApiTokenScope;
};

/** What an API token may do (docs/api.md, Metrics tokens). */
export type ApiTokenScope =
  /** Everything its user's role allows. */
  | 'full'
  /** Only path-metrics ingest: recordPathMetrics and POST /api/metrics/paths. */
  | 'metrics';

export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['Float']['output'];
  /** The action's own record (counts, before/after, error) as a JSON object. */
  details: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The latest of those attempts; null while there is only one. */
  last_at?: Maybe<Scalars['Float']['output']>;
  outcome: AuditOutcome;
  /** Attempts the row stands for: above 1 for repeated denials coalesced into it. */
  repeats: Scalars['Int']['output'];
  target: Scalars['String']['output'];
};

/** Exact matches on each field given; from and to (epoch ms, inclusive) on when the row was written. */
export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Float']['input']>;
  outcome?: InputMaybe<AuditOutcome>;
  target?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['Float']['input']>;
};

export type AuditOutcome =
  | 'denied'
  | 'failed'
  | 'not_found'
  | 'success';

export type AuditPage = {
  __typename?: 'AuditPage';
  entries: Array<AuditEntry>;
  /** Pass as after for the next, older page; null on the last page. */
  next_cursor?: Maybe<Scalars['ID']['output']>;
};

export type CacheStats = {
  __typename?: 'CacheStats';
  /** Stored entries, including expired ones not yet swept. */
  entries: Scalars['Int']['output'];
  evictions: Scalars['Float']['output'];
  /** Null when the process does not report it. */
  expired?: Maybe<Scalars['Int']['output']>;
  /** hits / (hits + misses); 0 before the first lookup. */
  hit_rate: Scalars['Float']['output'];
  hits: Scalars['Float']['output'];
  max?: Maybe<Scalars['Int']['output']>;
  misses: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  /** web or collector */
  process: Scalars['String']['output'];
};

export type ClearCacheResult = {
  __typename?: 'ClearCacheResult';
  /** Entries removed, summed over every process reached. */
  cleared_entries: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** True once the web caches are cleared, even when the collector could not be reached (message says so). */
  success: Scalars['Boolean']['output'];
};

export type CollectorHealth = {
  __typename?: 'CollectorHealth';
  checked_at: Scalars['Float']['output'];
  problems: Array<CollectorProblem>;
};

export type CollectorProblem = {
  __typename?: 'CollectorProblem';
  kind: CollectorProblemKind;
  /** One sentence for the banner. */
  message: Scalars['String']['output'];
  /** When it was first seen (epoch ms); for stale snapshots, the last snapshot. */
  since: Scalars['Float']['output'];
};

export type CollectorProblemKind =
  | 'malformed'
  | 'socket_drops'
  | 'stale_snapshots'
  | 'unknown_exporters'
  | 'unreachable';

export type CollectorStatus = {
  __typename?: 'CollectorStatus';
  datagrams_received: Scalars['Float']['output'];
  /** Whether the collector feeds itself demo flows (PATRONUS_DEMO_TRAFFIC; auto: only with the demo network). */
  demo_traffic: Scalars['Boolean']['output'];
  evicted_flows: Scalars['Float']['output'];
  /** Who may send flows: endpoint addresses, PATRONUS_FLOW_EXPORTERS prefixes, loopback, or any. */
  exporters_allowed: Scalars['String']['output'];
  flow_listener: Scalars['String']['output'];
  /** Records refused because their counts are impossible (octets for their packets) or their sampling rate absurd. */
  insane_records: Scalars['Float']['output'];
  last_snapshot_at?: Maybe<Scalars['Float']['output']>;
  live_flows: Scalars['Int']['output'];
  malformed_packets: Scalars['Float']['output'];
  max_flows: Scalars['Int']['output'];
  /** Most live flows one exporter may hold (PATRONUS_EXPORTER_FLOW_SHARE of max_flows). */
  max_flows_per_exporter: Scalars['Int']['output'];
  /** recvmmsg (batched receive through the udp-batch addon) or dgram (Node's socket, the fallback) */
  receiver: Scalars['String']['output'];
  records_received: Scalars['Float']['output'];
  snapshot_failures: Scalars['Int']['output'];
  socket_drops: Scalars['Float']['output'];
  templates: Scalars['Int']['output'];
  /** Templates replaced to stay within the per-domain or global cap. */
  templates_evicted: Scalars['Float']['output'];
  /** Templates forgotten after PATRONUS_TEMPLATE_IDLE_TIMEOUT_MS unused. */
  templates_expired: Scalars['Float']['output'];
  /** Template definitions refused as invalid. */
  templates_rejected: Scalars['Float']['output'];
  /** New template definitions refused past PATRONUS_TEMPLATE_CHANGES_PER_SECOND. */
  templates_throttled: Scalars['Float']['output'];
  /** Datagrams dropped undecoded because their source is not an allowed exporter (docs/operations.md). */
  unknown_exporter: Scalars['Float']['output'];
  /** The unknown sources that sent the most, most first, to allow a new edge. Admin only. */
  unknown_exporters: Array<UnknownExporter>;
  unknown_template_sets: Scalars['Float']['output'];
  unsupported_version: Scalars['Float']['output'];
  uptime_ms: Scalars['Float']['output'];
};

export type CreatePathResult = {
  __typename?: 'CreatePathResult';
  path: Path;
  /** The path back, when create_reverse was asked for. */
  reverse?: Maybe<Path>;
};

export type DeleteEndpointResult = {
  __typename?: 'DeleteEndpointResult';
  address: Scalars['String']['output'];
  /** The audit_log row of the deletion. */
  audit_id: Scalars['Int']['output'];
  endpoint_id: Scalars['ID']['output'];
  path_metrics_deleted: Scalars['Int']['output'];
  paths_deleted: Scalars['Int']['output'];
  site_id: Scalars['ID']['output'];
  unpinned_policies: Array<PolicyRef>;
};

export type DeletePathResult = {
  __typename?: 'DeletePathResult';
  audit_id: Scalars['Int']['output'];
  path_id: Scalars['ID']['output'];
  path_metrics_deleted: Scalars['Int']['output'];
  unpinned_policies: Array<PolicyRef>;
};

export type DeletePolicyResult = {
  __typename?: 'DeletePolicyResult';
  audit_id: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  policy_id: Scalars['ID']['output'];
  stats_rows_deleted: Scalars['Int']['output'];
};

export type DeleteSiteResult = {
  __typename?: 'DeleteSiteResult';
  /** The audit_log row of the deletion. */
  audit_id?: Maybe<Scalars['Int']['output']>;
  /** NOT_FOUND or VALIDATION when success is false. */
  code?: Maybe<Scalars['String']['output']>;
  endpoints_deleted: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  path_metrics_deleted: Scalars['Int']['output'];
  paths_deleted: Scalars['Int']['output'];
  site_id?: Maybe<Scalars['ID']['output']>;
  site_name?: Maybe<Scalars['String']['output']>;
  success: Scalars['Boolean']['output'];
  unpinned_policies: Array<PolicyRef>;
};

export type Endpoint = {
  __typename?: 'Endpoint';
  /** An IPv4 or IPv6 literal. */
  address: Scalars['String']['output'];
  cost_per_gb: Scalars['Float']['output'];
  created_at: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  interface_kind: Scalars['InterfaceKind']['output'];
  port: Scalars['Int']['output'];
  reachable: Scalars['Boolean']['output'];
  site_id: Scalars['ID']['output'];
};

export type EndpointDependencies = {
  __typename?: 'EndpointDependencies';
  address: Scalars['String']['output'];
  endpoint_id: Scalars['ID']['output'];
  path_metrics: Scalars['Int']['output'];
  paths: Scalars['Int']['output'];
  /** Policies pinned to one of those paths: kept, unpinned, falling back to their path preference. */
  pinned_policies: Array<PolicyRef>;
  site_id: Scalars['ID']['output'];
};

export type EndpointInput = {
  address: Scalars['String']['input'];
  /** 0 when omitted. */
  cost_per_gb?: InputMaybe<Scalars['Float']['input']>;
  interface_kind: Scalars['InterfaceKind']['input'];
  port: Scalars['Int']['input'];
  /** true when omitted. */
  reachable?: InputMaybe<Scalars['Boolean']['input']>;
  site_id: Scalars['ID']['input'];
};

export type EndpointPatch = {
  address?: InputMaybe<Scalars['String']['input']>;
  cost_per_gb?: InputMaybe<Scalars['Float']['input']>;
  interface_kind?: InputMaybe<Scalars['InterfaceKind']['input']>;
  port?: InputMaybe<Scalars['Int']['input']>;
  reachable?: InputMaybe<Scalars['Boolean']['input']>;
};

export type FlowInput = {
  destination: Scalars['String']['input'];
  destination_port: Scalars['Int']['input'];
  /** 0 when omitted. */
  dscp?: InputMaybe<Scalars['Int']['input']>;
  /** IP protocol number (6 TCP, 17 UDP). */
  protocol: Scalars['Int']['input'];
  /** IPv4 or IPv6 address, without a zone id. */
  source: Scalars['String']['input'];
  source_port: Scalars['Int']['input'];
};

export type FlowPolicyMatch = {
  __typename?: 'FlowPolicyMatch';
  /** Enabled policies ranked above the match (every enabled policy when none matched), highest first, at most 20. */
  passed_over: Array<PassedOverPolicy>;
  /** How many more passed the flow over than are listed. */
  passed_over_more: Scalars['Int']['output'];
  /** Null when no enabled policy matches: the flow is counted as unmatched. */
  policy?: Maybe<Policy>;
  /** Why, in one sentence. */
  reason: Scalars['String']['output'];
};

/** One live flow as the collector counts it; times are epoch ms. */
export type LiveFlow = {
  __typename?: 'LiveFlow';
  bits_per_second: Scalars['Float']['output'];
  bytes: Scalars['Float']['output'];
  destination: Scalars['String']['output'];
  destination_port: Scalars['Int']['output'];
  first_seen: Scalars['Float']['output'];
  last_seen: Scalars['Float']['output'];
  packets: Scalars['Float']['output'];
  /** Over the span the collector has seen the flow (at least 1 s), as in a policy change preview. */
  packets_per_second: Scalars['Float']['output'];
  protocol: Scalars['Int']['output'];
  source: Scalars['String']['output'];
  source_port: Scalars['Int']['output'];
};

/** What a policy matches. An empty list matches anything; a flow must match every non-empty list. */
export type MatchRules = {
  __typename?: 'MatchRules';
  destination_cidrs: Array<Scalars['String']['output']>;
  destination_ports: Array<Scalars['String']['output']>;
  dscp: Array<Scalars['Int']['output']>;
  protocols: Array<Scalars['Int']['output']>;
  source_cidrs: Array<Scalars['String']['output']>;
  /** "443" or "10000-20000", as MatchRulesInput takes them. */
  source_ports: Array<Scalars['String']['output']>;
};

/**
 * What a policy matches. A rule left out, or given as an empty list, matches anything; a rule with entries
 * matches when any entry does; a flow must match every rule given.
 */
export type MatchRulesInput = {
  destination_cidrs?: InputMaybe<Array<Scalars['String']['input']>>;
  destination_ports?: InputMaybe<Array<Scalars['String']['input']>>;
  /** DSCP values, 0-63 (46 EF, 34 AF41, 8 CS1). */
  dscp?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** IP protocol numbers, 0-255 (6 TCP, 17 UDP). */
  protocols?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** IPv4 or IPv6 CIDR blocks with host bits zero, e.g. 10.0.0.0/8. An IPv4 list never matches IPv6 traffic. */
  source_cidrs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Ports or ranges: "443" or "10000-20000". */
  source_ports?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One live flow that would move. */
export type MovedFlow = {
  __typename?: 'MovedFlow';
  bits_per_second: Scalars['Float']['output'];
  destination: Scalars['String']['output'];
  destination_port: Scalars['Int']['output'];
  dscp: Scalars['Int']['output'];
  from_policy_id?: Maybe<Scalars['ID']['output']>;
  packets_per_second: Scalars['Float']['output'];
  protocol: Scalars['Int']['output'];
  source: Scalars['String']['output'];
  source_port: Scalars['Int']['output'];
  to_policy_id?: Maybe<Scalars['ID']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Clears every cache of the web process and the collector. Operators and admins; audited. */
  clearCache: ClearCacheResult;
  /**
   * Mints an API token for the caller, or for the user with this email; the token is shown only here. A metrics
   * token may only post path metrics, whatever its user's role. Admin only; audited.
   */
  createApiToken: NewApiToken;
  /** Adds a WAN endpoint (an IP literal and a port) to a site. Operators and admins. */
  createEndpoint: Endpoint;
  /** Creates a path between endpoints of two sites, and with create_reverse the path back too (or neither). Operators and admins. */
  createPath: CreatePathResult;
  /** Creates a routing policy. Operators and admins. */
  createPolicy: Policy;
  /** Creates a site; its name must be free. Admin only. */
  createSite: Site;
  /** Creates an account; without a password one is generated and returned, only here. Admin only; audited. */
  createUser: UserWithPassword;
  /** Deletes an endpoint, every path from or to it and their metrics; pinned policies are unpinned. Operators and admins. */
  deleteEndpoint: DeleteEndpointResult;
  /** Deletes one direction of a path and its metrics; pinned policies are unpinned. Operators and admins. */
  deletePath: DeletePathResult;
  /** Deletes a policy and its traffic history (policy_dependencies says how much first). Operators and admins. */
  deletePolicy: DeletePolicyResult;
  /**
   * Deletes a site with its endpoints, every path touching them (other sites' paths included) and those
   * paths' metrics, in one transaction. Admin only; audited, including refusals and failures; every open
   * dashboard hears of it at once. A bad or unknown site_id gives success false and says why.
   */
  deleteSite: DeleteSiteResult;
  /** Deletes an account and its API tokens. Refused (CONFLICT) for your own account and the last admin. Admin only; audited. */
  deleteUser: User;
  /**
   * Records a batch of path measurements (1-1000 samples) from a probe or edge device, in one transaction:
   * each path's status follows its newest sample, the metrics cache gets the new figures and routing
   * decisions are recomputed. One bad sample refuses the whole batch (VALIDATION, naming it). Operators
   * and admins, signed in or with an API token.
   */
  recordPathMetrics: RecordPathMetricsResult;
  /** Sets a new password, generated when none is given and returned only here. Admin only; audited. */
  resetPassword: UserWithPassword;
  /**
   * Zeroes a policy's live packet and byte counters and those of its flows; its flows stay tracked and its
   * history is kept (charts read the drop as a counter reset, not as negative traffic). Operators and
   * admins; audited with the counts before the reset. COLLECTOR_UNAVAILABLE when the collector is down.
   */
  resetPolicyCounters: ResetPolicyCountersResult;
  /** Deletes an API token; false when there is none with this id. Admin only; audited. */
  revokeApiToken: Scalars['Boolean']['output'];
  /** Turns a policy on or off; off keeps its rules and history. Operators and admins. */
  setPolicyEnabled: Policy;
  /** Sets the priorities of several policies in one transaction; returns every policy in the new order. Operators and admins. */
  setPolicyPriorities: Array<Policy>;
  /** Changes an account's role, in effect from its next request. Refused (CONFLICT) for the last admin. Admin only; audited. */
  setUserRole: User;
  /** Changes an endpoint; fields left out stay. Operators and admins. */
  updateEndpoint: Endpoint;
  /** Sets a path's status. Operators and admins. */
  updatePathStatus: Path;
  /** Edits a policy; fields left out stay, and its counters stay with it. Operators and admins. */
  updatePolicy: Policy;
  /** Changes a site's name, location or status; fields left out stay. Admin only. */
  updateSite: Site;
};


export type MutationCreateApiTokenArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  expires_in_days?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  scope?: InputMaybe<ApiTokenScope>;
};


export type MutationCreateEndpointArgs = {
  input: EndpointInput;
};


export type MutationCreatePathArgs = {
  input: PathInput;
};


export type MutationCreatePolicyArgs = {
  input: PolicyInput;
};


export type MutationCreateSiteArgs = {
  input: SiteInput;
};


export type MutationCreateUserArgs = {
  email: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  role: UserRole;
};


export type MutationDeleteEndpointArgs = {
  endpoint_id: Scalars['ID']['input'];
};


export type MutationDeletePathArgs = {
  path_id: Scalars['ID']['input'];
};


export type MutationDeletePolicyArgs = {
  policy_id: Scalars['ID']['input'];
};


export type MutationDeleteSiteArgs = {
  site_id: Scalars['ID']['input'];
};


export type MutationDeleteUserArgs = {
  user_id: Scalars['ID']['input'];
};


export type MutationRecordPathMetricsArgs = {
  samples: Array<PathMetricSampleInput>;
};


export type MutationResetPasswordArgs = {
  password?: InputMaybe<Scalars['String']['input']>;
  user_id: Scalars['ID']['input'];
};


export type MutationResetPolicyCountersArgs = {
  policy_id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetPolicyEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  policy_id: Scalars['ID']['input'];
};


export type MutationSetPolicyPrioritiesArgs = {
  priorities: Array<PolicyPriorityInput>;
};


export type MutationSetUserRoleArgs = {
  role: UserRole;
  user_id: Scalars['ID']['input'];
};


export type MutationUpdateEndpointArgs = {
  endpoint_id: Scalars['ID']['input'];
  input: EndpointPatch;
};


export type MutationUpdatePathStatusArgs = {
  path_id: Scalars['ID']['input'];
  status: PathStatus;
};


export type MutationUpdatePolicyArgs = {
  input: PolicyPatch;
  policy_id: Scalars['ID']['input'];
};


export type MutationUpdateSiteArgs = {
  input: SitePatch;
  site_id: Scalars['ID']['input'];
};

export type NewApiToken = {
  __typename?: 'NewApiToken';
  /** The owner's email. */
  email: Scalars['String']['output'];
  expires_at?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  scope: ApiTokenScope;
  /** Send as 'Authorization: Bearer <token>'. Shown once; only its hash is stored. */
  token: Scalars['String']['output'];
};

/** The policies past traffic_history's top_policies, summed: with by_policy, their traffic adds up to points'. */
export type OtherPoliciesHistory = {
  __typename?: 'OtherPoliciesHistory';
  /** Rates are each policy's rate summed; a gap is a gap for every policy. */
  points: Array<TrafficPoint>;
  /** How many policies are summed. */
  policies: Scalars['Int']['output'];
};

export type PassedOverPolicy = {
  __typename?: 'PassedOverPolicy';
  /** The first rule the flow fails: source_cidrs, destination_cidrs, source_ports, destination_ports, protocols or dscp. */
  failed_rule: Scalars['String']['output'];
  name: Scalars['String']['output'];
  policy_id: Scalars['Int']['output'];
  priority: Scalars['Int']['output'];
};

export type Path = {
  __typename?: 'Path';
  destination_endpoint_id: Scalars['Int']['output'];
  destination_site_id: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** The latest measurement, read through the path-metrics cache. */
  latest_metrics?: Maybe<PathMetrics>;
  source_endpoint_id: Scalars['Int']['output'];
  source_site_id: Scalars['ID']['output'];
  status: Scalars['String']['output'];
};

export type PathDependencies = {
  __typename?: 'PathDependencies';
  path_id: Scalars['ID']['output'];
  path_metrics: Scalars['Int']['output'];
  pinned_policies: Array<PolicyRef>;
};

export type PathEnd = {
  __typename?: 'PathEnd';
  address: Scalars['String']['output'];
  endpoint_id: Scalars['Int']['output'];
  interface_kind: Scalars['InterfaceKind']['output'];
  site_id: Scalars['ID']['output'];
  site_name: Scalars['String']['output'];
};

export type PathHealth = {
  __typename?: 'PathHealth';
  destination: PathEnd;
  /** Null before the first measurement. */
  latest?: Maybe<PathLatest>;
  path_id: Scalars['Int']['output'];
  source: PathEnd;
  status: PathStatus;
};

export type PathInput = {
  /** Also create the path from destination to source, in the same transaction. */
  create_reverse?: InputMaybe<Scalars['Boolean']['input']>;
  destination_endpoint_id: Scalars['ID']['input'];
  source_endpoint_id: Scalars['ID']['input'];
  /** up when omitted. */
  status?: InputMaybe<PathStatus>;
};

export type PathLatest = {
  __typename?: 'PathLatest';
  bandwidth_mbps: Scalars['Float']['output'];
  jitter_ms: Scalars['Float']['output'];
  latency_ms: Scalars['Float']['output'];
  packet_loss_pct: Scalars['Float']['output'];
  /** 0-100, higher is better. */
  score: Scalars['Int']['output'];
  /** Epoch ms. */
  timestamp: Scalars['Float']['output'];
};

export type PathMetricBucket = {
  __typename?: 'PathMetricBucket';
  jitter_ms: Scalars['Float']['output'];
  latency_ms: Scalars['Float']['output'];
  max_latency_ms: Scalars['Float']['output'];
  packet_loss_pct: Scalars['Float']['output'];
  samples: Scalars['Int']['output'];
  score: Scalars['Float']['output'];
  /** Start of the bucket, epoch ms. */
  start: Scalars['Float']['output'];
};

export type PathMetricHistory = {
  __typename?: 'PathMetricHistory';
  buckets: Array<PathMetricBucket>;
  step_ms: Scalars['Float']['output'];
};

export type PathMetricSampleInput = {
  /** The path's previous figure (else 0) when omitted. */
  bandwidth_mbps?: InputMaybe<Scalars['Float']['input']>;
  /** 0 to 60000. */
  jitter_ms: Scalars['Float']['input'];
  /** 0 to 60000. */
  latency_ms: Scalars['Float']['input'];
  mtu?: InputMaybe<Scalars['Int']['input']>;
  /** 0 to 100. */
  packet_loss_pct: Scalars['Float']['input'];
  path_id: Scalars['Int']['input'];
  /** 0-100; computed from latency, jitter and loss when omitted. */
  score?: InputMaybe<Scalars['Int']['input']>;
  /** Epoch ms; the time of arrival when omitted. At most 5 minutes ahead and 7 days old. */
  timestamp?: InputMaybe<Scalars['Float']['input']>;
};

export type PathMetrics = {
  __typename?: 'PathMetrics';
  bandwidth_mbps: Scalars['Float']['output'];
  jitter_ms: Scalars['Float']['output'];
  latency_ms: Scalars['Float']['output'];
  mtu: Scalars['Int']['output'];
  packet_loss_pct: Scalars['Float']['output'];
  score: Scalars['Int']['output'];
  timestamp: Scalars['Float']['output'];
};

export type PathPreference =
  | 'highest_bandwidth'
  | 'lowest_cost'
  | 'lowest_latency'
  | 'lowest_loss';

export type PathStatus =
  | 'degraded'
  | 'down'
  | 'up';

export type PathStatusChange = {
  __typename?: 'PathStatusChange';
  path_id: Scalars['Int']['output'];
  status: PathStatus;
};

export type Policy = {
  __typename?: 'Policy';
  active_flows: Scalars['Int']['output'];
  bytes_matched: Scalars['Float']['output'];
  /** Epoch ms. */
  created_at: Scalars['Float']['output'];
  description: Scalars['String']['output'];
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The match rules as JSON (source/destination CIDRs, ports, protocols, DSCP). */
  match_rules: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Packets counted under this policy (live, or the latest snapshot when the collector is down). */
  packets_matched: Scalars['Float']['output'];
  path_preference: Scalars['String']['output'];
  pinned_path_id?: Maybe<Scalars['Int']['output']>;
  priority: Scalars['Int']['output'];
  /** The match rules, typed: what a form edits and a page puts in words. */
  rules: MatchRules;
  updated_at: Scalars['Float']['output'];
};

/**
 * A policy change not yet saved, as the mutation that would save it takes it: `input` for create, `policy_id` and
 * `patch` for update, `policy_id` and `enabled` for set_enabled, `policy_id` for delete, `priorities` for
 * reorder.
 */
export type PolicyChangeInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  input?: InputMaybe<PolicyInput>;
  kind: PolicyChangeKind;
  patch?: InputMaybe<PolicyPatch>;
  policy_id?: InputMaybe<Scalars['ID']['input']>;
  priorities?: InputMaybe<Array<PolicyPriorityInput>>;
};

/** The kinds of policy change a preview can show (see PolicyChangeInput). */
export type PolicyChangeKind =
  | 'create'
  | 'delete'
  | 'reorder'
  | 'set_enabled'
  | 'update';

/** What a policy change would do to the live flows (see policy_change_preview). */
export type PolicyChangePreview = {
  __typename?: 'PolicyChangePreview';
  /** When the collector evaluated the draft (epoch ms). */
  at: Scalars['Float']['output'];
  bits_per_second_moved: Scalars['Float']['output'];
  bits_per_second_total: Scalars['Float']['output'];
  /** Live flows in the collector's table that the preview looked at. */
  flows_considered: Scalars['Int']['output'];
  /** Flows whose policy would change. */
  flows_moved: Scalars['Int']['output'];
  /** The moves summed per (from, to) pair of policies, the highest bit rate first. */
  moves: Array<PolicyMove>;
  /**
   * The moved flows' rates summed. A flow's rate is what the collector counted of it over the span it has
   * seen it (last seen - first seen, at least 1 s): docs/architecture.md, "Policy change preview".
   */
  packets_per_second_moved: Scalars['Float']['output'];
  /** Every considered flow's rate summed, to read the moved rates against. */
  packets_per_second_total: Scalars['Float']['output'];
  /** The busiest flows that would move (at most 10), the highest bit rate first. */
  top_flows: Array<MovedFlow>;
};

export type PolicyCounters = {
  __typename?: 'PolicyCounters';
  active_flows: Scalars['Int']['output'];
  bytes_matched: Scalars['Float']['output'];
  last_updated: Scalars['Float']['output'];
  packets_matched: Scalars['Float']['output'];
  policy_id: Scalars['Int']['output'];
};

export type PolicyDependencies = {
  __typename?: 'PolicyDependencies';
  name: Scalars['String']['output'];
  policy_id: Scalars['ID']['output'];
  /** Traffic snapshot rows (sdwan_policy_stats) that go with the policy. */
  stats_rows: Scalars['Int']['output'];
  /** The oldest of them (epoch ms); null when there is none. */
  stats_since?: Maybe<Scalars['Float']['output']>;
};

export type PolicyInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** true when omitted. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  match_rules?: InputMaybe<MatchRulesInput>;
  name: Scalars['String']['input'];
  /** lowest_latency when omitted. */
  path_preference?: InputMaybe<PathPreference>;
  /** A path that must exist; it wins over the preference while it is usable. */
  pinned_path_id?: InputMaybe<Scalars['ID']['input']>;
  /** 0-1000; higher wins, ties go to the older policy. */
  priority: Scalars['Int']['input'];
};

/** Flows that would move from one policy to another; a null policy is unmatched traffic. */
export type PolicyMove = {
  __typename?: 'PolicyMove';
  bits_per_second: Scalars['Float']['output'];
  flows: Scalars['Int']['output'];
  from_policy_id?: Maybe<Scalars['ID']['output']>;
  from_policy_name?: Maybe<Scalars['String']['output']>;
  packets_per_second: Scalars['Float']['output'];
  to_policy_id?: Maybe<Scalars['ID']['output']>;
  to_policy_name?: Maybe<Scalars['String']['output']>;
};

/**
 * Fields left out stay as they are; match_rules, when given, replaces the rules as a whole. pinned_path_id
 * null unpins.
 */
export type PolicyPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  match_rules?: InputMaybe<MatchRulesInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  path_preference?: InputMaybe<PathPreference>;
  pinned_path_id?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Scalars['Int']['input']>;
};

export type PolicyPriorityInput = {
  policy_id: Scalars['ID']['input'];
  priority: Scalars['Int']['input'];
};

export type PolicyRef = {
  __typename?: 'PolicyRef';
  name: Scalars['String']['output'];
  policy_id: Scalars['Int']['output'];
};

export type PolicySparkline = {
  __typename?: 'PolicySparkline';
  /** Packets per second in each minute, oldest first; null when nothing was recorded (the collector was down). */
  packets_per_second: Array<Maybe<Scalars['Float']['output']>>;
  policy_id: Scalars['Int']['output'];
};

export type PolicySparklines = {
  __typename?: 'PolicySparklines';
  /** Start of the first minute (epoch ms); point i covers the snapshots taken in (from + i * step_ms, from + (i + 1) * step_ms]. */
  from: Scalars['Float']['output'];
  /** Every policy, by id. */
  policies: Array<PolicySparkline>;
  step_ms: Scalars['Float']['output'];
};

export type PolicyTrafficHistory = {
  __typename?: 'PolicyTrafficHistory';
  name: Scalars['String']['output'];
  points: Array<TrafficPoint>;
  policy_id: Scalars['Int']['output'];
};

/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type Query = {
  __typename?: 'Query';
  /** The API tokens of the caller, newest first (never the tokens themselves). */
  api_tokens: Array<ApiToken>;
  /** The audit log, newest first, a page (limit 1-500) after the cursor of the page before. Admin only. */
  audit_log: AuditPage;
  /** Every cache of the web process and of the collector. Operators and admins. */
  cache_stats: Array<CacheStats>;
  /** What is wrong with the collector now, for the banner every page shows; no problems when nothing is. */
  collector_health: CollectorHealth;
  /** The collector sidecar's status; null when it cannot be reached. */
  collector_status?: Maybe<CollectorStatus>;
  /** What deleting the endpoint would remove right now: every path from or to it, their metrics, pins. */
  endpoint_dependencies: EndpointDependencies;
  /**
   * The enabled policy the collector's matcher counts a flow under, with the policies ranked above it that
   * passed it over and the first rule of each the flow fails. Needs no sites; route adds the path. Any
   * signed-in user.
   */
  flow_policy: FlowPolicyMatch;
  /** What deleting the path would remove right now: its metrics, pins (not its reverse). */
  path_dependencies: PathDependencies;
  /** Paths with their ends and latest metrics, worst first (down, degraded, up; lowest score first); optionally only those touching a site, or in one status. */
  path_health: Array<PathHealth>;
  /** One path with its ends and latest metrics; null when there is none with this id. */
  path_health_of?: Maybe<PathHealth>;
  /**
   * A path's latency, jitter, loss and score between from and to (epoch ms), averaged into at most
   * max_buckets (2-1000) buckets of a round width; buckets without a sample are left out.
   */
  path_metric_history: PathMetricHistory;
  paths: Array<Path>;
  /** Routing policies, highest priority first. */
  policies: Array<Policy>;
  /** One policy; null when there is none with that id. */
  policy?: Maybe<Policy>;
  /**
   * What a policy change would do to the traffic flowing now, before it is saved: the collector runs a draft
   * matcher over its live flow table without touching the counters. Operators and admins.
   */
  policy_change_preview: PolicyChangePreview;
  /** How much traffic history deleting the policy would remove right now. */
  policy_dependencies: PolicyDependencies;
  /**
   * Every policy's packet rate per minute over the last `minutes` (1-60, the current minute included), from
   * the minute rollups: a whole table's sparklines in one query.
   */
  policy_sparklines: PolicySparklines;
  /**
   * The policy's busiest live flows in the collector's flow table (limit 1-100), the most bytes first. An
   * error with extensions.code COLLECTOR_UNAVAILABLE when the collector cannot be reached.
   */
  policy_top_flows: Array<LiveFlow>;
  /** Which policy and path a flow between two sites takes, through the routing cache. Any signed-in user. */
  route: RouteDecision;
  site?: Maybe<Site>;
  /** What deleting the site would remove right now: the deletion dialog shows exactly this. */
  site_dependencies: SiteDependencies;
  /** Live traffic of every exporting site, summed over policies, and the exporters that are no endpoint. */
  site_live_totals: SiteLiveTotals;
  /**
   * Live traffic from a site's edge per policy (site_id empty: exporters that are no endpoint), since the
   * collector started or the policy's last reset. Fails with COLLECTOR_UNAVAILABLE when the collector is down.
   */
  site_live_traffic: SiteLiveTraffic;
  /**
   * Traffic from a site's edge (site_id empty: from exporters that are no endpoint) between from and to
   * (epoch ms), in at most max_buckets (2-1000) buckets of at least a minute: all its policies, or one's.
   */
  site_traffic: SiteTrafficHistory;
  /** Every site, by name. */
  sites: Array<Site>;
  /**
   * Traffic between from and to (epoch ms) from the collector's snapshots, in at most max_buckets
   * (2-1000) buckets of a round width: totals across every policy, or one policy's. by_policy holds the
   * top_policies policies that carried the most bytes (top_policies x max_buckets at most 4,000);
   * other_policies sums the rest.
   */
  traffic_history: TrafficHistory;
  /** Per-policy traffic counters: live from the collector, or its latest snapshots when it is down. */
  traffic_stats: TrafficStats;
  /** Every account, by email. Admin only. */
  users: Array<User>;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryAudit_LogArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<AuditFilter>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryEndpoint_DependenciesArgs = {
  endpoint_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryFlow_PolicyArgs = {
  flow: FlowInput;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPath_DependenciesArgs = {
  path_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPath_HealthArgs = {
  site_id?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<PathStatus>;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPath_Health_OfArgs = {
  path_id: Scalars['Int']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPath_Metric_HistoryArgs = {
  from: Scalars['Float']['input'];
  max_buckets?: InputMaybe<Scalars['Int']['input']>;
  path_id: Scalars['Int']['input'];
  to: Scalars['Float']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPolicyArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPolicy_Change_PreviewArgs = {
  change: PolicyChangeInput;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPolicy_DependenciesArgs = {
  policy_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPolicy_SparklinesArgs = {
  minutes?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryPolicy_Top_FlowsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  policy_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryRouteArgs = {
  destination_site_id: Scalars['ID']['input'];
  flow: FlowInput;
  source_site_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QuerySiteArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QuerySite_DependenciesArgs = {
  site_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QuerySite_Live_TrafficArgs = {
  site_id: Scalars['ID']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QuerySite_TrafficArgs = {
  from: Scalars['Float']['input'];
  max_buckets?: InputMaybe<Scalars['Int']['input']>;
  policy_id?: InputMaybe<Scalars['Int']['input']>;
  site_id: Scalars['ID']['input'];
  to: Scalars['Float']['input'];
};


/**
 * Patronus SD-WAN API. Field names are snake_case, as in the examples docs/api.md keeps working verbatim.
 * Every query needs a signed-in user or an API token (any role); clearing caches and editing endpoints,
 * paths and policies need the operator role, every other mutation the admin role (docs/api.md, Roles).
 * Refusals are errors with extensions.code UNAUTHENTICATED or FORBIDDEN. A refused input is an error with
 * extensions.code VALIDATION, NOT_FOUND or CONFLICT and extensions.field, the input's path
 * ("match_rules.source_cidrs[2]"), so a form can show it beside its input.
 */
export type QueryTraffic_HistoryArgs = {
  from: Scalars['Float']['input'];
  max_buckets?: InputMaybe<Scalars['Int']['input']>;
  policy_id?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['Float']['input'];
  top_policies?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordPathMetricsResult = {
  __typename?: 'RecordPathMetricsResult';
  recorded: Scalars['Int']['output'];
  /** Paths whose status the batch changed. */
  status_changes: Array<PathStatusChange>;
};

export type ResetPolicyCountersResult = {
  __typename?: 'ResetPolicyCountersResult';
  /** The audit_log row of the reset. */
  audit_id: Scalars['Int']['output'];
  bytes_before: Scalars['Float']['output'];
  /** The live counters just before the reset. */
  packets_before: Scalars['Float']['output'];
  policy_id: Scalars['ID']['output'];
  /** False when the collector had no counters for the policy (no traffic since it started). */
  reset: Scalars['Boolean']['output'];
};

export type RouteDecision = {
  __typename?: 'RouteDecision';
  /** Whether the routing cache answered. */
  cache_hit: Scalars['Boolean']['output'];
  /** When the decision was made (epoch ms); older than now when it came from the cache. */
  decided_at: Scalars['Float']['output'];
  /** Null when no policy matched or no usable path joins the sites. */
  path_id?: Maybe<Scalars['Int']['output']>;
  /** Null when no enabled policy matches. */
  policy_id?: Maybe<Scalars['Int']['output']>;
  reason: Scalars['String']['output'];
};

export type Site = {
  __typename?: 'Site';
  created_at: Scalars['Float']['output'];
  endpoint_count: Scalars['Int']['output'];
  /** The site's WAN endpoints, oldest first. */
  endpoints: Array<Endpoint>;
  id: Scalars['ID']['output'];
  location: Scalars['String']['output'];
  name: Scalars['String']['output'];
  status: SiteStatus;
  updated_at: Scalars['Float']['output'];
};

export type SiteDependencies = {
  __typename?: 'SiteDependencies';
  endpoints: Scalars['Int']['output'];
  path_metrics: Scalars['Int']['output'];
  /** Every path that starts or ends at one of the site's endpoints, other sites' paths included. */
  paths: Scalars['Int']['output'];
  /** Policies pinned to one of those paths: they are kept, unpinned, and fall back to their path preference. */
  pinned_policies: Array<PolicyRef>;
  site_id: Scalars['ID']['output'];
  site_name: Scalars['String']['output'];
  /** Rows of the site's traffic history (per policy, minute and hour levels), removed with it. */
  traffic_rows: Scalars['Int']['output'];
};

export type SiteInput = {
  location?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** active when omitted. */
  status?: InputMaybe<SiteStatus>;
};

export type SiteLiveTotal = {
  __typename?: 'SiteLiveTotal';
  bytes: Scalars['Float']['output'];
  packets: Scalars['Float']['output'];
  /** Empty: exporters that are no endpoint. */
  site_id: Scalars['ID']['output'];
  /** Null for exporters that are no endpoint. */
  site_name?: Maybe<Scalars['String']['output']>;
};

export type SiteLiveTotals = {
  __typename?: 'SiteLiveTotals';
  at: Scalars['Float']['output'];
  /** Some admitted exporters that are no endpoint (at most 10; loopback sources are one, 'loopback'). */
  other_exporters: Array<Scalars['String']['output']>;
  /** One per site that counted traffic, most bytes first. */
  sites: Array<SiteLiveTotal>;
};

/** A site's live traffic, per policy (docs/api.md, Traffic per site). */
export type SiteLiveTraffic = {
  __typename?: 'SiteLiveTraffic';
  /** When the collector answered (epoch ms). */
  at: Scalars['Float']['output'];
  /** The policies with traffic from the site, most bytes first; policy_id 0 is traffic no policy matched. */
  policies: Array<SitePolicyTraffic>;
  /** Empty: exporters that are no endpoint. */
  site_id: Scalars['ID']['output'];
};

export type SitePatch = {
  location?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<SiteStatus>;
};

export type SitePolicyTraffic = {
  __typename?: 'SitePolicyTraffic';
  bytes: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  packets: Scalars['Float']['output'];
  policy_id: Scalars['Int']['output'];
};

export type SiteStatus =
  | 'active'
  | 'degraded'
  | 'maintenance'
  | 'offline';

/**
 * A site's traffic over time: what each of its policies' counters rose by in records its edge exported,
 * per bucket of the minute or hour rollups, so the sites' series add up to the policy's traffic_history.
 */
export type SiteTrafficHistory = {
  __typename?: 'SiteTrafficHistory';
  /** The range's traffic per policy, most bytes first. */
  by_policy: Array<SitePolicyTraffic>;
  from: Scalars['Float']['output'];
  /** Every bucket of the range, oldest first. */
  points: Array<SiteTrafficPoint>;
  policy_id?: Maybe<Scalars['Int']['output']>;
  site_id: Scalars['ID']['output'];
  /** Bucket width in ms, a minute or more. */
  step_ms: Scalars['Float']['output'];
  to: Scalars['Float']['output'];
};

export type SiteTrafficPoint = {
  __typename?: 'SiteTrafficPoint';
  /** Bucket start (epoch ms); the bucket holds the snapshots taken in (at, at + step_ms]. */
  at: Scalars['Float']['output'];
  bytes: Scalars['Float']['output'];
  bytes_per_second?: Maybe<Scalars['Float']['output']>;
  packets: Scalars['Float']['output'];
  /** The bucket's traffic over its width; null when the collector recorded nothing in it (a gap). */
  packets_per_second?: Maybe<Scalars['Float']['output']>;
};

export type StatsSource =
  | 'live'
  | 'snapshot';

/**
 * Traffic over time. Snapshot counters are cumulative: a bucket's traffic is how much they rose in it
 * (a drop is a counter reset, not negative traffic). Each snapshot counts in the bucket it was taken in,
 * so buckets narrower than the snapshot interval (10 s) alternate between empty and full.
 */
export type TrafficHistory = {
  __typename?: 'TrafficHistory';
  /**
   * The same per policy, by id: one series for each of the top_policies policies with the most bytes in
   * the range (ties to the lower id), among those with snapshots in it.
   */
  by_policy: Array<PolicyTrafficHistory>;
  from: Scalars['Float']['output'];
  /** Every other policy with snapshots in the range, summed; null when by_policy holds them all. */
  other_policies?: Maybe<OtherPoliciesHistory>;
  /** Every bucket of the range, oldest first; empty when the range holds no snapshot. */
  points: Array<TrafficPoint>;
  /** Null: totals across every policy. */
  policy_id?: Maybe<Scalars['Int']['output']>;
  /** Bucket width in ms. */
  step_ms: Scalars['Float']['output'];
  to: Scalars['Float']['output'];
};

export type TrafficPoint = {
  __typename?: 'TrafficPoint';
  /** At each policy's last snapshot in the bucket, summed; null when the bucket holds no snapshot. */
  active_flows?: Maybe<Scalars['Int']['output']>;
  /** Bucket start (epoch ms); the bucket holds the snapshots taken in (at, at + step_ms]. */
  at: Scalars['Float']['output'];
  bytes: Scalars['Float']['output'];
  bytes_per_second?: Maybe<Scalars['Float']['output']>;
  packets: Scalars['Float']['output'];
  /** Each policy's rise over the time it took, summed; null when the collector recorded nothing in the bucket (a gap). */
  packets_per_second?: Maybe<Scalars['Float']['output']>;
  /** Snapshot rows in the bucket; 0: nothing recorded (no traffic, or the collector was down). */
  samples: Scalars['Int']['output'];
};

/** GraphQL's Int is 32-bit; counters pass 2^31, so they are Float (exact up to 2^53). */
export type TrafficStats = {
  __typename?: 'TrafficStats';
  /** When the figures were taken (epoch ms). */
  at: Scalars['Float']['output'];
  policies: Array<PolicyCounters>;
  /** Why live figures are missing, when source is snapshot. */
  reason?: Maybe<Scalars['String']['output']>;
  source: StatsSource;
  totals: TrafficTotals;
  /** Traffic that matched no enabled policy (live only). */
  unmatched?: Maybe<PolicyCounters>;
};

export type TrafficTotals = {
  __typename?: 'TrafficTotals';
  active_flows: Scalars['Int']['output'];
  bytes: Scalars['Float']['output'];
  packets: Scalars['Float']['output'];
};

export type UnknownExporter = {
  __typename?: 'UnknownExporter';
  address: Scalars['String']['output'];
  /** At most this many datagrams and at least this minus error (a bounded table keeps only the heaviest sources). */
  datagrams: Scalars['Float']['output'];
  error: Scalars['Float']['output'];
  last_seen: Scalars['Float']['output'];
};

export type User = {
  __typename?: 'User';
  created_at: Scalars['Float']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: UserRole;
};

export type UserRole =
  | 'admin'
  | 'operator'
  | 'viewer';

export type UserWithPassword = {
  __typename?: 'UserWithPassword';
  /** The generated password, shown only in this answer; null when the caller chose one. */
  generated_password?: Maybe<Scalars['String']['output']>;
  user: User;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiToken: ResolverTypeWrapper<ApiToken>;
  ApiTokenScope: ApiTokenScope;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditFilter: AuditFilter;
  AuditOutcome: AuditOutcome;
  AuditPage: ResolverTypeWrapper<AuditPage>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheStats: ResolverTypeWrapper<CacheStats>;
  ClearCacheResult: ResolverTypeWrapper<ClearCacheResult>;
  CollectorHealth: ResolverTypeWrapper<CollectorHealth>;
  CollectorProblem: ResolverTypeWrapper<CollectorProblem>;
  CollectorProblemKind: CollectorProblemKind;
  CollectorStatus: ResolverTypeWrapper<CollectorStatusReportModel>;
  CreatePathResult: ResolverTypeWrapper<Omit<CreatePathResult, 'path' | 'reverse'> & { path: ResolversTypes['Path'], reverse?: Maybe<ResolversTypes['Path']> }>;
  DeleteEndpointResult: ResolverTypeWrapper<DeleteEndpointResult>;
  DeletePathResult: ResolverTypeWrapper<DeletePathResult>;
  DeletePolicyResult: ResolverTypeWrapper<DeletePolicyResult>;
  DeleteSiteResult: ResolverTypeWrapper<DeleteSiteResult>;
  Endpoint: ResolverTypeWrapper<Endpoint>;
  EndpointDependencies: ResolverTypeWrapper<EndpointDependencies>;
  EndpointInput: EndpointInput;
  EndpointPatch: EndpointPatch;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FlowInput: FlowInput;
  FlowPolicyMatch: ResolverTypeWrapper<Omit<FlowPolicyMatch, 'policy'> & { policy?: Maybe<ResolversTypes['Policy']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InterfaceKind: ResolverTypeWrapper<Scalars['InterfaceKind']['output']>;
  LiveFlow: ResolverTypeWrapper<LiveFlow>;
  MatchRules: ResolverTypeWrapper<MatchRules>;
  MatchRulesInput: MatchRulesInput;
  MovedFlow: ResolverTypeWrapper<MovedFlow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NewApiToken: ResolverTypeWrapper<NewApiToken>;
  OtherPoliciesHistory: ResolverTypeWrapper<OtherPoliciesHistory>;
  PassedOverPolicy: ResolverTypeWrapper<PassedOverPolicy>;
  Path: ResolverTypeWrapper<PathDetailModel>;
  PathDependencies: ResolverTypeWrapper<PathDependencies>;
  PathEnd: ResolverTypeWrapper<PathEnd>;
  PathHealth: ResolverTypeWrapper<PathHealth>;
  PathInput: PathInput;
  PathLatest: ResolverTypeWrapper<PathLatest>;
  PathMetricBucket: ResolverTypeWrapper<PathMetricBucket>;
  PathMetricHistory: ResolverTypeWrapper<PathMetricHistory>;
  PathMetricSampleInput: PathMetricSampleInput;
  PathMetrics: ResolverTypeWrapper<PathMetrics>;
  PathPreference: PathPreference;
  PathStatus: PathStatus;
  PathStatusChange: ResolverTypeWrapper<PathStatusChange>;
  Policy: ResolverTypeWrapper<PolicyModel>;
  PolicyChangeInput: PolicyChangeInput;
  PolicyChangeKind: PolicyChangeKind;
  PolicyChangePreview: ResolverTypeWrapper<PolicyChangePreview>;
  PolicyCounters: ResolverTypeWrapper<PolicyCounters>;
  PolicyDependencies: ResolverTypeWrapper<PolicyDependencies>;
  PolicyInput: PolicyInput;
  PolicyMove: ResolverTypeWrapper<PolicyMove>;
  PolicyPatch: PolicyPatch;
  PolicyPriorityInput: PolicyPriorityInput;
  PolicyRef: ResolverTypeWrapper<PolicyRef>;
  PolicySparkline: ResolverTypeWrapper<PolicySparkline>;
  PolicySparklines: ResolverTypeWrapper<PolicySparklines>;
  PolicyTrafficHistory: ResolverTypeWrapper<PolicyTrafficHistory>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordPathMetricsResult: ResolverTypeWrapper<RecordPathMetricsResult>;
  ResetPolicyCountersResult: ResolverTypeWrapper<ResetPolicyCountersResult>;
  RouteDecision: ResolverTypeWrapper<RouteDecision>;
  Site: ResolverTypeWrapper<SiteSummaryModel>;
  SiteDependencies: ResolverTypeWrapper<SiteDependencies>;
  SiteInput: SiteInput;
  SiteLiveTotal: ResolverTypeWrapper<SiteLiveTotal>;
  SiteLiveTotals: ResolverTypeWrapper<SiteLiveTotals>;
  SiteLiveTraffic: ResolverTypeWrapper<SiteLiveTraffic>;
  SitePatch: SitePatch;
  SitePolicyTraffic: ResolverTypeWrapper<SitePolicyTraffic>;
  SiteStatus: SiteStatus;
  SiteTrafficHistory: ResolverTypeWrapper<SiteTrafficHistory>;
  SiteTrafficPoint: ResolverTypeWrapper<SiteTrafficPoint>;
  StatsSource: StatsSource;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TrafficHistory: ResolverTypeWrapper<TrafficHistory>;
  TrafficPoint: ResolverTypeWrapper<TrafficPoint>;
  TrafficStats: ResolverTypeWrapper<TrafficStats>;
  TrafficTotals: ResolverTypeWrapper<TrafficTotals>;
  UnknownExporter: ResolverTypeWrapper<UnknownExporter>;
  User: ResolverTypeWrapper<User>;
  UserRole: UserRole;
  UserWithPassword: ResolverTypeWrapper<UserWithPassword>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiToken: ApiToken;
  AuditEntry: AuditEntry;
  AuditFilter: AuditFilter;
  AuditPage: AuditPage;
  Boolean: Scalars['Boolean']['output'];
  CacheStats: CacheStats;
  ClearCacheResult: ClearCacheResult;
  CollectorHealth: CollectorHealth;
  CollectorProblem: CollectorProblem;
  CollectorStatus: CollectorStatusReportModel;
  CreatePathResult: Omit<CreatePathResult, 'path' | 'reverse'> & { path: ResolversParentTypes['Path'], reverse?: Maybe<ResolversParentTypes['Path']> };
  DeleteEndpointResult: DeleteEndpointResult;
  DeletePathResult: DeletePathResult;
  DeletePolicyResult: DeletePolicyResult;
  DeleteSiteResult: DeleteSiteResult;
  Endpoint: Endpoint;
  EndpointDependencies: EndpointDependencies;
  EndpointInput: EndpointInput;
  EndpointPatch: EndpointPatch;
  Float: Scalars['Float']['output'];
  FlowInput: FlowInput;
  FlowPolicyMatch: Omit<FlowPolicyMatch, 'policy'> & { policy?: Maybe<ResolversParentTypes['Policy']> };
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  InterfaceKind: Scalars['InterfaceKind']['output'];
  LiveFlow: LiveFlow;
  MatchRules: MatchRules;
  MatchRulesInput: MatchRulesInput;
  MovedFlow: MovedFlow;
  Mutation: Record<PropertyKey, never>;
  NewApiToken: NewApiToken;
  OtherPoliciesHistory: OtherPoliciesHistory;
  PassedOverPolicy: PassedOverPolicy;
  Path: PathDetailModel;
  PathDependencies: PathDependencies;
  PathEnd: PathEnd;
  PathHealth: PathHealth;
  PathInput: PathInput;
  PathLatest: PathLatest;
  PathMetricBucket: PathMetricBucket;
  PathMetricHistory: PathMetricHistory;
  PathMetricSampleInput: PathMetricSampleInput;
  PathMetrics: PathMetrics;
  PathStatusChange: PathStatusChange;
  Policy: PolicyModel;
  PolicyChangeInput: PolicyChangeInput;
  PolicyChangePreview: PolicyChangePreview;
  PolicyCounters: PolicyCounters;
  PolicyDependencies: PolicyDependencies;
  PolicyInput: PolicyInput;
  PolicyMove: PolicyMove;
  PolicyPatch: PolicyPatch;
  PolicyPriorityInput: PolicyPriorityInput;
  PolicyRef: PolicyRef;
  PolicySparkline: PolicySparkline;
  PolicySparklines: PolicySparklines;
  PolicyTrafficHistory: PolicyTrafficHistory;
  Query: Record<PropertyKey, never>;
  RecordPathMetricsResult: RecordPathMetricsResult;
  ResetPolicyCountersResult: ResetPolicyCountersResult;
  RouteDecision: RouteDecision;
  Site: SiteSummaryModel;
  SiteDependencies: SiteDependencies;
  SiteInput: SiteInput;
  SiteLiveTotal: SiteLiveTotal;
  SiteLiveTotals: SiteLiveTotals;
  SiteLiveTraffic: SiteLiveTraffic;
  SitePatch: SitePatch;
  SitePolicyTraffic: SitePolicyTraffic;
  SiteTrafficHistory: SiteTrafficHistory;
  SiteTrafficPoint: SiteTrafficPoint;
  String: Scalars['String']['output'];
  TrafficHistory: TrafficHistory;
  TrafficPoint: TrafficPoint;
  TrafficStats: TrafficStats;
  TrafficTotals: TrafficTotals;
  UnknownExporter: UnknownExporter;
  User: User;
  UserWithPassword: UserWithPassword;
};

export type MaxLengthDirectiveArgs = {
  max: Scalars['Int']['input'];
};

export type MaxLengthDirectiveResolver<Result, Parent, ContextType = AuthedContext, Args = MaxLengthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiTokenResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  created_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  expires_at?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  last_used_at?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ApiTokenScope'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  last_at?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['AuditOutcome'], ParentType, ContextType>;
  repeats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditPageResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['AuditPage'] = ResolversParentTypes['AuditPage']> = {
  entries?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  next_cursor?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type CacheStatsResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['CacheStats'] = ResolversParentTypes['CacheStats']> = {
  entries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evictions?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  expired?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hit_rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  misses?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  process?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClearCacheResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['ClearCacheResult'] = ResolversParentTypes['ClearCacheResult']> = {
  cleared_entries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CollectorHealthResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['CollectorHealth'] = ResolversParentTypes['CollectorHealth']> = {
  checked_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['CollectorProblem']>, ParentType, ContextType>;
};

export type CollectorProblemResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['CollectorProblem'] = ResolversParentTypes['CollectorProblem']> = {
  kind?: Resolver<ResolversTypes['CollectorProblemKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CollectorStatusResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['CollectorStatus'] = ResolversParentTypes['CollectorStatus']> = {
  datagrams_received?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  demo_traffic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  evicted_flows?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  exporters_allowed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  flow_listener?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  insane_records?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  last_snapshot_at?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  live_flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  malformed_packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  max_flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max_flows_per_exporter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  receiver?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records_received?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  snapshot_failures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  socket_drops?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  templates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  templates_evicted?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  templates_expired?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  templates_rejected?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  templates_throttled?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unknown_exporter?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unknown_exporters?: Resolver<Array<ResolversTypes['UnknownExporter']>, ParentType, ContextType>;
  unknown_template_sets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unsupported_version?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uptime_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CreatePathResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['CreatePathResult'] = ResolversParentTypes['CreatePathResult']> = {
  path?: Resolver<ResolversTypes['Path'], ParentType, ContextType>;
  reverse?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType>;
};

export type DeleteEndpointResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['DeleteEndpointResult'] = ResolversParentTypes['DeleteEndpointResult']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  audit_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endpoint_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path_metrics_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paths_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unpinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
};

export type DeletePathResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['DeletePathResult'] = ResolversParentTypes['DeletePathResult']> = {
  audit_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  path_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path_metrics_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unpinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
};

export type DeletePolicyResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['DeletePolicyResult'] = ResolversParentTypes['DeletePolicyResult']> = {
  audit_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stats_rows_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DeleteSiteResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['DeleteSiteResult'] = ResolversParentTypes['DeleteSiteResult']> = {
  audit_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endpoints_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path_metrics_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paths_deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  site_id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  site_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unpinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
};

export type EndpointResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Endpoint'] = ResolversParentTypes['Endpoint']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cost_per_gb?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  created_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interface_kind?: Resolver<ResolversTypes['InterfaceKind'], ParentType, ContextType>;
  port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type EndpointDependenciesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['EndpointDependencies'] = ResolversParentTypes['EndpointDependencies']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endpoint_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path_metrics?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type FlowPolicyMatchResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['FlowPolicyMatch'] = ResolversParentTypes['FlowPolicyMatch']> = {
  passed_over?: Resolver<Array<ResolversTypes['PassedOverPolicy']>, ParentType, ContextType>;
  passed_over_more?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  policy?: Resolver<Maybe<ResolversTypes['Policy']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface InterfaceKindScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['InterfaceKind'], any> {
  name: 'InterfaceKind';
}

export type LiveFlowResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['LiveFlow'] = ResolversParentTypes['LiveFlow']> = {
  bits_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  destination?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  destination_port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  first_seen?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  last_seen?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  protocol?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source_port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MatchRulesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['MatchRules'] = ResolversParentTypes['MatchRules']> = {
  destination_cidrs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  destination_ports?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dscp?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  protocols?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  source_cidrs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  source_ports?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MovedFlowResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['MovedFlow'] = ResolversParentTypes['MovedFlow']> = {
  bits_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  destination?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  destination_port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dscp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from_policy_id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  packets_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  protocol?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source_port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to_policy_id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  clearCache?: Resolver<ResolversTypes['ClearCacheResult'], ParentType, ContextType>;
  createApiToken?: Resolver<ResolversTypes['NewApiToken'], ParentType, ContextType, RequireFields<MutationCreateApiTokenArgs, 'name' | 'scope'>>;
  createEndpoint?: Resolver<ResolversTypes['Endpoint'], ParentType, ContextType, RequireFields<MutationCreateEndpointArgs, 'input'>>;
  createPath?: Resolver<ResolversTypes['CreatePathResult'], ParentType, ContextType, RequireFields<MutationCreatePathArgs, 'input'>>;
  createPolicy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<MutationCreatePolicyArgs, 'input'>>;
  createSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType, RequireFields<MutationCreateSiteArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['UserWithPassword'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'email' | 'role'>>;
  deleteEndpoint?: Resolver<ResolversTypes['DeleteEndpointResult'], ParentType, ContextType, RequireFields<MutationDeleteEndpointArgs, 'endpoint_id'>>;
  deletePath?: Resolver<ResolversTypes['DeletePathResult'], ParentType, ContextType, RequireFields<MutationDeletePathArgs, 'path_id'>>;
  deletePolicy?: Resolver<ResolversTypes['DeletePolicyResult'], ParentType, ContextType, RequireFields<MutationDeletePolicyArgs, 'policy_id'>>;
  deleteSite?: Resolver<ResolversTypes['DeleteSiteResult'], ParentType, ContextType, RequireFields<MutationDeleteSiteArgs, 'site_id'>>;
  deleteUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'user_id'>>;
  recordPathMetrics?: Resolver<ResolversTypes['RecordPathMetricsResult'], ParentType, ContextType, RequireFields<MutationRecordPathMetricsArgs, 'samples'>>;
  resetPassword?: Resolver<ResolversTypes['UserWithPassword'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'user_id'>>;
  resetPolicyCounters?: Resolver<ResolversTypes['ResetPolicyCountersResult'], ParentType, ContextType, RequireFields<MutationResetPolicyCountersArgs, 'policy_id'>>;
  revokeApiToken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeApiTokenArgs, 'id'>>;
  setPolicyEnabled?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<MutationSetPolicyEnabledArgs, 'enabled' | 'policy_id'>>;
  setPolicyPriorities?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType, RequireFields<MutationSetPolicyPrioritiesArgs, 'priorities'>>;
  setUserRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetUserRoleArgs, 'role' | 'user_id'>>;
  updateEndpoint?: Resolver<ResolversTypes['Endpoint'], ParentType, ContextType, RequireFields<MutationUpdateEndpointArgs, 'endpoint_id' | 'input'>>;
  updatePathStatus?: Resolver<ResolversTypes['Path'], ParentType, ContextType, RequireFields<MutationUpdatePathStatusArgs, 'path_id' | 'status'>>;
  updatePolicy?: Resolver<ResolversTypes['Policy'], ParentType, ContextType, RequireFields<MutationUpdatePolicyArgs, 'input' | 'policy_id'>>;
  updateSite?: Resolver<ResolversTypes['Site'], ParentType, ContextType, RequireFields<MutationUpdateSiteArgs, 'input' | 'site_id'>>;
};

export type NewApiTokenResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['NewApiToken'] = ResolversParentTypes['NewApiToken']> = {
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expires_at?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ApiTokenScope'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OtherPoliciesHistoryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['OtherPoliciesHistory'] = ResolversParentTypes['OtherPoliciesHistory']> = {
  points?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType>;
  policies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PassedOverPolicyResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PassedOverPolicy'] = ResolversParentTypes['PassedOverPolicy']> = {
  failed_rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PathResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  destination_endpoint_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  destination_site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latest_metrics?: Resolver<Maybe<ResolversTypes['PathMetrics']>, ParentType, ContextType>;
  source_endpoint_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source_site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PathDependenciesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathDependencies'] = ResolversParentTypes['PathDependencies']> = {
  path_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path_metrics?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
};

export type PathEndResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathEnd'] = ResolversParentTypes['PathEnd']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endpoint_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interface_kind?: Resolver<ResolversTypes['InterfaceKind'], ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  site_name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PathHealthResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathHealth'] = ResolversParentTypes['PathHealth']> = {
  destination?: Resolver<ResolversTypes['PathEnd'], ParentType, ContextType>;
  latest?: Resolver<Maybe<ResolversTypes['PathLatest']>, ParentType, ContextType>;
  path_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['PathEnd'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PathStatus'], ParentType, ContextType>;
};

export type PathLatestResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathLatest'] = ResolversParentTypes['PathLatest']> = {
  bandwidth_mbps?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  jitter_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latency_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packet_loss_pct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PathMetricBucketResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathMetricBucket'] = ResolversParentTypes['PathMetricBucket']> = {
  jitter_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latency_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  max_latency_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packet_loss_pct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PathMetricHistoryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathMetricHistory'] = ResolversParentTypes['PathMetricHistory']> = {
  buckets?: Resolver<Array<ResolversTypes['PathMetricBucket']>, ParentType, ContextType>;
  step_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PathMetricsResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathMetrics'] = ResolversParentTypes['PathMetrics']> = {
  bandwidth_mbps?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  jitter_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latency_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mtu?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  packet_loss_pct?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timestamp?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PathStatusChangeResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PathStatusChange'] = ResolversParentTypes['PathStatusChange']> = {
  path_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PathStatus'], ParentType, ContextType>;
};

export type PolicyResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Policy'] = ResolversParentTypes['Policy']> = {
  active_flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes_matched?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  created_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  match_rules?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  packets_matched?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  path_preference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pinned_path_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['MatchRules'], ParentType, ContextType>;
  updated_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PolicyChangePreviewResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyChangePreview'] = ResolversParentTypes['PolicyChangePreview']> = {
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bits_per_second_moved?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bits_per_second_total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  flows_considered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  flows_moved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  moves?: Resolver<Array<ResolversTypes['PolicyMove']>, ParentType, ContextType>;
  packets_per_second_moved?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_per_second_total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  top_flows?: Resolver<Array<ResolversTypes['MovedFlow']>, ParentType, ContextType>;
};

export type PolicyCountersResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyCounters'] = ResolversParentTypes['PolicyCounters']> = {
  active_flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes_matched?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  last_updated?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_matched?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicyDependenciesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyDependencies'] = ResolversParentTypes['PolicyDependencies']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  stats_rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stats_since?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type PolicyMoveResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyMove'] = ResolversParentTypes['PolicyMove']> = {
  bits_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from_policy_id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  from_policy_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  packets_per_second?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to_policy_id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  to_policy_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PolicyRefResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyRef'] = ResolversParentTypes['PolicyRef']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicySparklineResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicySparkline'] = ResolversParentTypes['PolicySparkline']> = {
  packets_per_second?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PolicySparklinesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicySparklines'] = ResolversParentTypes['PolicySparklines']> = {
  from?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['PolicySparkline']>, ParentType, ContextType>;
  step_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type PolicyTrafficHistoryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['PolicyTrafficHistory'] = ResolversParentTypes['PolicyTrafficHistory']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  api_tokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  audit_log?: Resolver<ResolversTypes['AuditPage'], ParentType, ContextType, RequireFields<QueryAudit_LogArgs, 'limit'>>;
  cache_stats?: Resolver<Array<ResolversTypes['CacheStats']>, ParentType, ContextType>;
  collector_health?: Resolver<ResolversTypes['CollectorHealth'], ParentType, ContextType>;
  collector_status?: Resolver<Maybe<ResolversTypes['CollectorStatus']>, ParentType, ContextType>;
  endpoint_dependencies?: Resolver<ResolversTypes['EndpointDependencies'], ParentType, ContextType, RequireFields<QueryEndpoint_DependenciesArgs, 'endpoint_id'>>;
  flow_policy?: Resolver<ResolversTypes['FlowPolicyMatch'], ParentType, ContextType, RequireFields<QueryFlow_PolicyArgs, 'flow'>>;
  path_dependencies?: Resolver<ResolversTypes['PathDependencies'], ParentType, ContextType, RequireFields<QueryPath_DependenciesArgs, 'path_id'>>;
  path_health?: Resolver<Array<ResolversTypes['PathHealth']>, ParentType, ContextType, Partial<QueryPath_HealthArgs>>;
  path_health_of?: Resolver<Maybe<ResolversTypes['PathHealth']>, ParentType, ContextType, RequireFields<QueryPath_Health_OfArgs, 'path_id'>>;
  path_metric_history?: Resolver<ResolversTypes['PathMetricHistory'], ParentType, ContextType, RequireFields<QueryPath_Metric_HistoryArgs, 'from' | 'max_buckets' | 'path_id' | 'to'>>;
  paths?: Resolver<Array<ResolversTypes['Path']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['Policy']>, ParentType, ContextType>;
  policy?: Resolver<Maybe<ResolversTypes['Policy']>, ParentType, ContextType, RequireFields<QueryPolicyArgs, 'id'>>;
  policy_change_preview?: Resolver<ResolversTypes['PolicyChangePreview'], ParentType, ContextType, RequireFields<QueryPolicy_Change_PreviewArgs, 'change'>>;
  policy_dependencies?: Resolver<ResolversTypes['PolicyDependencies'], ParentType, ContextType, RequireFields<QueryPolicy_DependenciesArgs, 'policy_id'>>;
  policy_sparklines?: Resolver<ResolversTypes['PolicySparklines'], ParentType, ContextType, RequireFields<QueryPolicy_SparklinesArgs, 'minutes'>>;
  policy_top_flows?: Resolver<Array<ResolversTypes['LiveFlow']>, ParentType, ContextType, RequireFields<QueryPolicy_Top_FlowsArgs, 'limit' | 'policy_id'>>;
  route?: Resolver<ResolversTypes['RouteDecision'], ParentType, ContextType, RequireFields<QueryRouteArgs, 'destination_site_id' | 'flow' | 'source_site_id'>>;
  site?: Resolver<Maybe<ResolversTypes['Site']>, ParentType, ContextType, RequireFields<QuerySiteArgs, 'id'>>;
  site_dependencies?: Resolver<ResolversTypes['SiteDependencies'], ParentType, ContextType, RequireFields<QuerySite_DependenciesArgs, 'site_id'>>;
  site_live_totals?: Resolver<ResolversTypes['SiteLiveTotals'], ParentType, ContextType>;
  site_live_traffic?: Resolver<ResolversTypes['SiteLiveTraffic'], ParentType, ContextType, RequireFields<QuerySite_Live_TrafficArgs, 'site_id'>>;
  site_traffic?: Resolver<ResolversTypes['SiteTrafficHistory'], ParentType, ContextType, RequireFields<QuerySite_TrafficArgs, 'from' | 'max_buckets' | 'site_id' | 'to'>>;
  sites?: Resolver<Array<ResolversTypes['Site']>, ParentType, ContextType>;
  traffic_history?: Resolver<ResolversTypes['TrafficHistory'], ParentType, ContextType, RequireFields<QueryTraffic_HistoryArgs, 'from' | 'max_buckets' | 'to' | 'top_policies'>>;
  traffic_stats?: Resolver<ResolversTypes['TrafficStats'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RecordPathMetricsResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['RecordPathMetricsResult'] = ResolversParentTypes['RecordPathMetricsResult']> = {
  recorded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status_changes?: Resolver<Array<ResolversTypes['PathStatusChange']>, ParentType, ContextType>;
};

export type ResetPolicyCountersResultResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['ResetPolicyCountersResult'] = ResolversParentTypes['ResetPolicyCountersResult']> = {
  audit_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes_before?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_before?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RouteDecisionResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['RouteDecision'] = ResolversParentTypes['RouteDecision']> = {
  cache_hit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decided_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  path_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  policy_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SiteResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['Site'] = ResolversParentTypes['Site']> = {
  created_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  endpoint_count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endpoints?: Resolver<Array<ResolversTypes['Endpoint']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SiteStatus'], ParentType, ContextType>;
  updated_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SiteDependenciesResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteDependencies'] = ResolversParentTypes['SiteDependencies']> = {
  endpoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  path_metrics?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pinned_policies?: Resolver<Array<ResolversTypes['PolicyRef']>, ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  site_name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  traffic_rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SiteLiveTotalResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteLiveTotal'] = ResolversParentTypes['SiteLiveTotal']> = {
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  site_name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SiteLiveTotalsResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteLiveTotals'] = ResolversParentTypes['SiteLiveTotals']> = {
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  other_exporters?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['SiteLiveTotal']>, ParentType, ContextType>;
};

export type SiteLiveTrafficResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteLiveTraffic'] = ResolversParentTypes['SiteLiveTraffic']> = {
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['SitePolicyTraffic']>, ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SitePolicyTrafficResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SitePolicyTraffic'] = ResolversParentTypes['SitePolicyTraffic']> = {
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policy_id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SiteTrafficHistoryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteTrafficHistory'] = ResolversParentTypes['SiteTrafficHistory']> = {
  by_policy?: Resolver<Array<ResolversTypes['SitePolicyTraffic']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['SiteTrafficPoint']>, ParentType, ContextType>;
  policy_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  site_id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  step_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SiteTrafficPointResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['SiteTrafficPoint'] = ResolversParentTypes['SiteTrafficPoint']> = {
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytes_per_second?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_per_second?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type TrafficHistoryResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['TrafficHistory'] = ResolversParentTypes['TrafficHistory']> = {
  by_policy?: Resolver<Array<ResolversTypes['PolicyTrafficHistory']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  other_policies?: Resolver<Maybe<ResolversTypes['OtherPoliciesHistory']>, ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['TrafficPoint']>, ParentType, ContextType>;
  policy_id?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  step_ms?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TrafficPointResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['TrafficPoint'] = ResolversParentTypes['TrafficPoint']> = {
  active_flows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bytes_per_second?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets_per_second?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrafficStatsResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['TrafficStats'] = ResolversParentTypes['TrafficStats']> = {
  at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['PolicyCounters']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['StatsSource'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['TrafficTotals'], ParentType, ContextType>;
  unmatched?: Resolver<Maybe<ResolversTypes['PolicyCounters']>, ParentType, ContextType>;
};

export type TrafficTotalsResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['TrafficTotals'] = ResolversParentTypes['TrafficTotals']> = {
  active_flows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  packets?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type UnknownExporterResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['UnknownExporter'] = ResolversParentTypes['UnknownExporter']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datagrams?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  error?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  last_seen?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  created_at?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
};

export type UserWithPasswordResolvers<ContextType = AuthedContext, ParentType extends ResolversParentTypes['UserWithPassword'] = ResolversParentTypes['UserWithPassword']> = {
  generated_password?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = AuthedContext> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditPage?: AuditPageResolvers<ContextType>;
  CacheStats?: CacheStatsResolvers<ContextType>;
  ClearCacheResult?: ClearCacheResultResolvers<ContextType>;
  CollectorHealth?: CollectorHealthResolvers<ContextType>;
  CollectorProblem?: CollectorProblemResolvers<ContextType>;
  CollectorStatus?: CollectorStatusResolvers<ContextType>;
  CreatePathResult?: CreatePathResultResolvers<ContextType>;
  DeleteEndpointResult?: DeleteEndpointResultResolvers<ContextType>;
  DeletePathResult?: DeletePathResultResolvers<ContextType>;
  DeletePolicyResult?: DeletePolicyResultResolvers<ContextType>;
  DeleteSiteResult?: DeleteSiteResultResolvers<ContextType>;
  Endpoint?: EndpointResolvers<ContextType>;
  EndpointDependencies?: EndpointDependenciesResolvers<ContextType>;
  FlowPolicyMatch?: FlowPolicyMatchResolvers<ContextType>;
  InterfaceKind?: GraphQLScalarType;
  LiveFlow?: LiveFlowResolvers<ContextType>;
  MatchRules?: MatchRulesResolvers<ContextType>;
  MovedFlow?: MovedFlowResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NewApiToken?: NewApiTokenResolvers<ContextType>;
  OtherPoliciesHistory?: OtherPoliciesHistoryResolvers<ContextType>;
  PassedOverPolicy?: PassedOverPolicyResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  PathDependencies?: PathDependenciesResolvers<ContextType>;
  PathEnd?: PathEndResolvers<ContextType>;
  PathHealth?: PathHealthResolvers<ContextType>;
  PathLatest?: PathLatestResolvers<ContextType>;
  PathMetricBucket?: PathMetricBucketResolvers<ContextType>;
  PathMetricHistory?: PathMetricHistoryResolvers<ContextType>;
  PathMetrics?: PathMetricsResolvers<ContextType>;
  PathStatusChange?: PathStatusChangeResolvers<ContextType>;
  Policy?: PolicyResolvers<ContextType>;
  PolicyChangePreview?: PolicyChangePreviewResolvers<ContextType>;
  PolicyCounters?: PolicyCountersResolvers<ContextType>;
  PolicyDependencies?: PolicyDependenciesResolvers<ContextType>;
  PolicyMove?: PolicyMoveResolvers<ContextType>;
  PolicyRef?: PolicyRefResolvers<ContextType>;
  PolicySparkline?: PolicySparklineResolvers<ContextType>;
  PolicySparklines?: PolicySparklinesResolvers<ContextType>;
  PolicyTrafficHistory?: PolicyTrafficHistoryResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordPathMetricsResult?: RecordPathMetricsResultResolvers<ContextType>;
  ResetPolicyCountersResult?: ResetPolicyCountersResultResolvers<ContextType>;
  RouteDecision?: RouteDecisionResolvers<ContextType>;
  Site?: SiteResolvers<ContextType>;
  SiteDependencies?: SiteDependenciesResolvers<ContextType>;
  SiteLiveTotal?: SiteLiveTotalResolvers<ContextType>;
  SiteLiveTotals?: SiteLiveTotalsResolvers<ContextType>;
  SiteLiveTraffic?: SiteLiveTrafficResolvers<ContextType>;
  SitePolicyTraffic?: SitePolicyTrafficResolvers<ContextType>;
  SiteTrafficHistory?: SiteTrafficHistoryResolvers<ContextType>;
  SiteTrafficPoint?: SiteTrafficPointResolvers<ContextType>;
  TrafficHistory?: TrafficHistoryResolvers<ContextType>;
  TrafficPoint?: TrafficPointResolvers<ContextType>;
  TrafficStats?: TrafficStatsResolvers<ContextType>;
  TrafficTotals?: TrafficTotalsResolvers<ContextType>;
  UnknownExporter?: UnknownExporterResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserWithPassword?: UserWithPasswordResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = AuthedContext> = {
  maxLength?: MaxLengthDirectiveResolver<any, any, ContextType>;
};
