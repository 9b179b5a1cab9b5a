/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilter, $after: ID, $limit: Int) {\n    audit_log(filter: $filter, after: $after, limit: $limit) {\n      entries {\n        id\n        at\n        actor\n        action\n        target\n        outcome\n        details\n        repeats\n        last_at\n      }\n      next_cursor\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query CacheStats {\n    cache_stats {\n      name\n      process\n      entries\n      hits\n      misses\n      evictions\n      hit_rate\n    }\n  }\n": typeof types.CacheStatsDocument,
    "\n  mutation ClearCache {\n    clearCache {\n      success\n      message\n      cleared_entries\n    }\n  }\n": typeof types.ClearCacheDocument,
    "\n  query CollectorHealth {\n    collector_health {\n      problems {\n        kind\n        message\n        since\n      }\n    }\n  }\n": typeof types.CollectorHealthDocument,
    "\n  query FlowInput($admin: Boolean!) {\n    collector_status {\n      receiver\n      exporters_allowed\n      datagrams_received\n      records_received\n      malformed_packets\n      insane_records\n      unsupported_version\n      socket_drops\n      unknown_exporter\n      templates\n      templates_rejected\n      templates_evicted\n      templates_expired\n      templates_throttled\n      evicted_flows\n      unknown_exporters @include(if: $admin) {\n        address\n        datagrams\n        error\n        last_seen\n      }\n    }\n  }\n": typeof types.FlowInputDocument,
    "\n  query Overview($from: Float!, $to: Float!) {\n    traffic_stats {\n      source\n      at\n      reason\n      totals {\n        packets\n        bytes\n        active_flows\n      }\n      unmatched {\n        packets_matched\n        bytes_matched\n        active_flows\n      }\n    }\n    traffic_history(from: $from, to: $to, max_buckets: 91, top_policies: 5) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets_per_second\n        bytes_per_second\n        active_flows\n      }\n      by_policy {\n        policy_id\n        name\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n      other_policies {\n        policies\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n    }\n    path_health {\n      path_id\n      status\n    }\n    collector_health {\n      problems {\n        kind\n        message\n      }\n    }\n    collector_status {\n      uptime_ms\n      live_flows\n      datagrams_received\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query PathDetail($path_id: Int!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    path_health_of(path_id: $path_id) {\n      path_id\n      status\n      source {\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        bandwidth_mbps\n        score\n      }\n    }\n    path_metric_history(path_id: $path_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      buckets {\n        start\n        samples\n        latency_ms\n        max_latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": typeof types.PathDetailDocument,
    "\n  query PathHealth($site_id: ID, $status: PathStatus) {\n    path_health(site_id: $site_id, status: $status) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": typeof types.PathHealthDocument,
    "\n  query PathSiteNames {\n    sites {\n      id\n      name\n    }\n  }\n": typeof types.PathSiteNamesDocument,
    "\n  query PolicyChangePreview($change: PolicyChangeInput!) {\n    policy_change_preview(change: $change) {\n      flows_considered\n      flows_moved\n      packets_per_second_moved\n      bits_per_second_moved\n      packets_per_second_total\n      bits_per_second_total\n      moves {\n        from_policy_id\n        from_policy_name\n        to_policy_id\n        to_policy_name\n        flows\n        packets_per_second\n        bits_per_second\n      }\n      top_flows {\n        source\n        destination\n        source_port\n        destination_port\n        protocol\n        dscp\n        from_policy_id\n        to_policy_id\n        packets_per_second\n        bits_per_second\n      }\n      at\n    }\n  }\n": typeof types.PolicyChangePreviewDocument,
    "\n  fragment PolicyFields on Policy {\n    id\n    name\n    description\n    priority\n    enabled\n    path_preference\n    pinned_path_id\n    rules {\n      source_cidrs\n      destination_cidrs\n      source_ports\n      destination_ports\n      protocols\n      dscp\n    }\n  }\n": typeof types.PolicyFieldsFragmentDoc,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n      created_at\n      updated_at\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n  }\n": typeof types.PolicyDetailDocument,
    "\n  query PolicyFormDependencies($id: ID!) {\n    policy_dependencies(policy_id: $id) {\n      name\n      stats_rows\n      stats_since\n    }\n  }\n": typeof types.PolicyFormDependenciesDocument,
    "\n  mutation PolicyFormDelete($id: ID!) {\n    deletePolicy(policy_id: $id) {\n      name\n      stats_rows_deleted\n    }\n  }\n": typeof types.PolicyFormDeleteDocument,
    "\n  query PolicyFormPaths {\n    paths {\n      id\n      source_endpoint_id\n      destination_endpoint_id\n      status\n    }\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        interface_kind\n      }\n    }\n  }\n": typeof types.PolicyFormPathsDocument,
    "\n  query PolicyFormPolicy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n": typeof types.PolicyFormPolicyDocument,
    "\n  mutation PolicyFormCreate($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.PolicyFormCreateDocument,
    "\n  mutation PolicyFormUpdate($id: ID!, $patch: PolicyPatch!) {\n    updatePolicy(policy_id: $id, input: $patch) {\n      ...PolicyFields\n    }\n  }\n": typeof types.PolicyFormUpdateDocument,
    "\n  mutation PolicyFormSetEnabled($id: ID!, $enabled: Boolean!) {\n    setPolicyEnabled(policy_id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n": typeof types.PolicyFormSetEnabledDocument,
    "\n  query PolicyTopFlows($policy_id: ID!, $limit: Int) {\n    policy_top_flows(policy_id: $policy_id, limit: $limit) {\n      source\n      destination\n      source_port\n      destination_port\n      protocol\n      packets\n      bytes\n      packets_per_second\n      bits_per_second\n      last_seen\n    }\n  }\n": typeof types.PolicyTopFlowsDocument,
    "\n  query PolicyCounters {\n    policies {\n      id\n      name\n      priority\n      enabled\n      path_preference\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n    traffic_stats {\n      source\n      at\n      reason\n    }\n  }\n": typeof types.PolicyCountersDocument,
    "\n  query PolicySparklines($minutes: Int!) {\n    policy_sparklines(minutes: $minutes) {\n      policies {\n        policy_id\n        packets_per_second\n      }\n    }\n    collector_status {\n      uptime_ms\n    }\n  }\n": typeof types.PolicySparklinesDocument,
    "\n  query PolicySiteChoices {\n    sites {\n      id\n      name\n    }\n  }\n": typeof types.PolicySiteChoicesDocument,
    "\n  mutation SetPolicyPriorities($priorities: [PolicyPriorityInput!]!) {\n    setPolicyPriorities(priorities: $priorities) {\n      id\n      priority\n    }\n  }\n": typeof types.SetPolicyPrioritiesDocument,
    "\n  mutation ResetPolicyCounters($policy_id: ID!) {\n    resetPolicyCounters(policy_id: $policy_id) {\n      reset\n      packets_before\n      bytes_before\n    }\n  }\n": typeof types.ResetPolicyCountersDocument,
    "\n  mutation CreateEndpoint($input: EndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      address\n    }\n  }\n": typeof types.CreateEndpointDocument,
    "\n  mutation UpdateEndpoint($id: ID!, $input: EndpointPatch!) {\n    updateEndpoint(endpoint_id: $id, input: $input) {\n      id\n      address\n      port\n      interface_kind\n      cost_per_gb\n      reachable\n    }\n  }\n": typeof types.UpdateEndpointDocument,
    "\n  query EndpointDependencies($id: ID!) {\n    endpoint_dependencies(endpoint_id: $id) {\n      address\n      paths\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": typeof types.EndpointDependenciesDocument,
    "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(endpoint_id: $id) {\n      address\n      paths_deleted\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n": typeof types.DeleteEndpointDocument,
    "\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: SitePatch!) {\n    updateSite(site_id: $id, input: $input) {\n      id\n      name\n      location\n      status\n      updated_at\n    }\n  }\n": typeof types.UpdateSiteDocument,
    "\n  query SitePage($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      location\n      status\n      endpoint_count\n      created_at\n      updated_at\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n        cost_per_gb\n        reachable\n      }\n    }\n    path_health(site_id: $id) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": typeof types.SitePageDocument,
    "\n  query PathTargets {\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n      }\n    }\n  }\n": typeof types.PathTargetsDocument,
    "\n  mutation CreatePath($input: PathInput!) {\n    createPath(input: $input) {\n      path {\n        id\n      }\n      reverse {\n        id\n      }\n    }\n  }\n": typeof types.CreatePathDocument,
    "\n  mutation UpdatePathStatus($id: ID!, $status: PathStatus!) {\n    updatePathStatus(path_id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": typeof types.UpdatePathStatusDocument,
    "\n  query PathDependencies($id: ID!) {\n    path_dependencies(path_id: $id) {\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": typeof types.PathDependenciesDocument,
    "\n  mutation DeletePath($id: ID!) {\n    deletePath(path_id: $id) {\n      path_id\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n": typeof types.DeletePathDocument,
    "\n  query SiteLiveTraffic($site_id: ID!) {\n    site_live_traffic(site_id: $site_id) {\n      at\n      policies {\n        policy_id\n        name\n        packets\n        bytes\n      }\n    }\n  }\n": typeof types.SiteLiveTrafficDocument,
    "\n  query SiteTrafficHistory($site_id: ID!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    site_traffic(site_id: $site_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      points {\n        at\n        bytes_per_second\n      }\n    }\n  }\n": typeof types.SiteTrafficHistoryDocument,
    "\n  query Sites {\n    sites {\n      id\n      name\n      location\n      status\n      endpoint_count\n    }\n  }\n": typeof types.SitesDocument,
    "\n  query SiteDependencies($id: ID!) {\n    site_dependencies(site_id: $id) {\n      site_name\n      endpoints\n      paths\n      path_metrics\n      traffic_rows\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": typeof types.SiteDependenciesDocument,
    "\n  mutation DeleteSite($id: ID!) {\n    deleteSite(site_id: $id) {\n      success\n      message\n    }\n  }\n": typeof types.DeleteSiteDocument,
    "\n  query PolicyNames {\n    policies {\n      id\n      name\n    }\n  }\n": typeof types.PolicyNamesDocument,
    "\n  query TrafficHistory($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {\n    traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets\n        bytes\n        packets_per_second\n        bytes_per_second\n        active_flows\n        samples\n      }\n    }\n  }\n": typeof types.TrafficHistoryDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    created_at\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($email: String!, $name: String, $role: UserRole!) {\n    createUser(email: $email, name: $name, role: $role) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation SetUserRole($id: ID!, $role: UserRole!) {\n    setUserRole(user_id: $id, role: $role) {\n      ...UserFields\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(user_id: $id) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(user_id: $id) {\n      id\n      email\n    }\n  }\n": typeof types.DeleteUserDocument,
    "\n  query WhichPolicy($flow: FlowInput!) {\n    flow_policy(flow: $flow) {\n      policy {\n        id\n        name\n        priority\n      }\n      reason\n      passed_over {\n        policy_id\n        name\n        priority\n        failed_rule\n      }\n      passed_over_more\n    }\n  }\n": typeof types.WhichPolicyDocument,
    "\n  query WhichPolicyRoute($source: ID!, $destination: ID!, $flow: FlowInput!) {\n    route(source_site_id: $source, destination_site_id: $destination, flow: $flow) {\n      policy_id\n      path_id\n      reason\n      cache_hit\n    }\n  }\n": typeof types.WhichPolicyRouteDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $after: ID, $limit: Int) {\n    audit_log(filter: $filter, after: $after, limit: $limit) {\n      entries {\n        id\n        at\n        actor\n        action\n        target\n        outcome\n        details\n        repeats\n        last_at\n      }\n      next_cursor\n    }\n  }\n": types.AuditLogDocument,
    "\n  query CacheStats {\n    cache_stats {\n      name\n      process\n      entries\n      hits\n      misses\n      evictions\n      hit_rate\n    }\n  }\n": types.CacheStatsDocument,
    "\n  mutation ClearCache {\n    clearCache {\n      success\n      message\n      cleared_entries\n    }\n  }\n": types.ClearCacheDocument,
    "\n  query CollectorHealth {\n    collector_health {\n      problems {\n        kind\n        message\n        since\n      }\n    }\n  }\n": types.CollectorHealthDocument,
    "\n  query FlowInput($admin: Boolean!) {\n    collector_status {\n      receiver\n      exporters_allowed\n      datagrams_received\n      records_received\n      malformed_packets\n      insane_records\n      unsupported_version\n      socket_drops\n      unknown_exporter\n      templates\n      templates_rejected\n      templates_evicted\n      templates_expired\n      templates_throttled\n      evicted_flows\n      unknown_exporters @include(if: $admin) {\n        address\n        datagrams\n        error\n        last_seen\n      }\n    }\n  }\n": types.FlowInputDocument,
    "\n  query Overview($from: Float!, $to: Float!) {\n    traffic_stats {\n      source\n      at\n      reason\n      totals {\n        packets\n        bytes\n        active_flows\n      }\n      unmatched {\n        packets_matched\n        bytes_matched\n        active_flows\n      }\n    }\n    traffic_history(from: $from, to: $to, max_buckets: 91, top_policies: 5) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets_per_second\n        bytes_per_second\n        active_flows\n      }\n      by_policy {\n        policy_id\n        name\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n      other_policies {\n        policies\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n    }\n    path_health {\n      path_id\n      status\n    }\n    collector_health {\n      problems {\n        kind\n        message\n      }\n    }\n    collector_status {\n      uptime_ms\n      live_flows\n      datagrams_received\n    }\n  }\n": types.OverviewDocument,
    "\n  query PathDetail($path_id: Int!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    path_health_of(path_id: $path_id) {\n      path_id\n      status\n      source {\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        bandwidth_mbps\n        score\n      }\n    }\n    path_metric_history(path_id: $path_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      buckets {\n        start\n        samples\n        latency_ms\n        max_latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": types.PathDetailDocument,
    "\n  query PathHealth($site_id: ID, $status: PathStatus) {\n    path_health(site_id: $site_id, status: $status) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": types.PathHealthDocument,
    "\n  query PathSiteNames {\n    sites {\n      id\n      name\n    }\n  }\n": types.PathSiteNamesDocument,
    "\n  query PolicyChangePreview($change: PolicyChangeInput!) {\n    policy_change_preview(change: $change) {\n      flows_considered\n      flows_moved\n      packets_per_second_moved\n      bits_per_second_moved\n      packets_per_second_total\n      bits_per_second_total\n      moves {\n        from_policy_id\n        from_policy_name\n        to_policy_id\n        to_policy_name\n        flows\n        packets_per_second\n        bits_per_second\n      }\n      top_flows {\n        source\n        destination\n        source_port\n        destination_port\n        protocol\n        dscp\n        from_policy_id\n        to_policy_id\n        packets_per_second\n        bits_per_second\n      }\n      at\n    }\n  }\n": types.PolicyChangePreviewDocument,
    "\n  fragment PolicyFields on Policy {\n    id\n    name\n    description\n    priority\n    enabled\n    path_preference\n    pinned_path_id\n    rules {\n      source_cidrs\n      destination_cidrs\n      source_ports\n      destination_ports\n      protocols\n      dscp\n    }\n  }\n": types.PolicyFieldsFragmentDoc,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n      created_at\n      updated_at\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n  }\n": types.PolicyDetailDocument,
    "\n  query PolicyFormDependencies($id: ID!) {\n    policy_dependencies(policy_id: $id) {\n      name\n      stats_rows\n      stats_since\n    }\n  }\n": types.PolicyFormDependenciesDocument,
    "\n  mutation PolicyFormDelete($id: ID!) {\n    deletePolicy(policy_id: $id) {\n      name\n      stats_rows_deleted\n    }\n  }\n": types.PolicyFormDeleteDocument,
    "\n  query PolicyFormPaths {\n    paths {\n      id\n      source_endpoint_id\n      destination_endpoint_id\n      status\n    }\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        interface_kind\n      }\n    }\n  }\n": types.PolicyFormPathsDocument,
    "\n  query PolicyFormPolicy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n": types.PolicyFormPolicyDocument,
    "\n  mutation PolicyFormCreate($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      id\n      name\n    }\n  }\n": types.PolicyFormCreateDocument,
    "\n  mutation PolicyFormUpdate($id: ID!, $patch: PolicyPatch!) {\n    updatePolicy(policy_id: $id, input: $patch) {\n      ...PolicyFields\n    }\n  }\n": types.PolicyFormUpdateDocument,
    "\n  mutation PolicyFormSetEnabled($id: ID!, $enabled: Boolean!) {\n    setPolicyEnabled(policy_id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n": types.PolicyFormSetEnabledDocument,
    "\n  query PolicyTopFlows($policy_id: ID!, $limit: Int) {\n    policy_top_flows(policy_id: $policy_id, limit: $limit) {\n      source\n      destination\n      source_port\n      destination_port\n      protocol\n      packets\n      bytes\n      packets_per_second\n      bits_per_second\n      last_seen\n    }\n  }\n": types.PolicyTopFlowsDocument,
    "\n  query PolicyCounters {\n    policies {\n      id\n      name\n      priority\n      enabled\n      path_preference\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n    traffic_stats {\n      source\n      at\n      reason\n    }\n  }\n": types.PolicyCountersDocument,
    "\n  query PolicySparklines($minutes: Int!) {\n    policy_sparklines(minutes: $minutes) {\n      policies {\n        policy_id\n        packets_per_second\n      }\n    }\n    collector_status {\n      uptime_ms\n    }\n  }\n": types.PolicySparklinesDocument,
    "\n  query PolicySiteChoices {\n    sites {\n      id\n      name\n    }\n  }\n": types.PolicySiteChoicesDocument,
    "\n  mutation SetPolicyPriorities($priorities: [PolicyPriorityInput!]!) {\n    setPolicyPriorities(priorities: $priorities) {\n      id\n      priority\n    }\n  }\n": types.SetPolicyPrioritiesDocument,
    "\n  mutation ResetPolicyCounters($policy_id: ID!) {\n    resetPolicyCounters(policy_id: $policy_id) {\n      reset\n      packets_before\n      bytes_before\n    }\n  }\n": types.ResetPolicyCountersDocument,
    "\n  mutation CreateEndpoint($input: EndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      address\n    }\n  }\n": types.CreateEndpointDocument,
    "\n  mutation UpdateEndpoint($id: ID!, $input: EndpointPatch!) {\n    updateEndpoint(endpoint_id: $id, input: $input) {\n      id\n      address\n      port\n      interface_kind\n      cost_per_gb\n      reachable\n    }\n  }\n": types.UpdateEndpointDocument,
    "\n  query EndpointDependencies($id: ID!) {\n    endpoint_dependencies(endpoint_id: $id) {\n      address\n      paths\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": types.EndpointDependenciesDocument,
    "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(endpoint_id: $id) {\n      address\n      paths_deleted\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n": types.DeleteEndpointDocument,
    "\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateSiteDocument,
    "\n  mutation UpdateSite($id: ID!, $input: SitePatch!) {\n    updateSite(site_id: $id, input: $input) {\n      id\n      name\n      location\n      status\n      updated_at\n    }\n  }\n": types.UpdateSiteDocument,
    "\n  query SitePage($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      location\n      status\n      endpoint_count\n      created_at\n      updated_at\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n        cost_per_gb\n        reachable\n      }\n    }\n    path_health(site_id: $id) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n": types.SitePageDocument,
    "\n  query PathTargets {\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n      }\n    }\n  }\n": types.PathTargetsDocument,
    "\n  mutation CreatePath($input: PathInput!) {\n    createPath(input: $input) {\n      path {\n        id\n      }\n      reverse {\n        id\n      }\n    }\n  }\n": types.CreatePathDocument,
    "\n  mutation UpdatePathStatus($id: ID!, $status: PathStatus!) {\n    updatePathStatus(path_id: $id, status: $status) {\n      id\n      status\n    }\n  }\n": types.UpdatePathStatusDocument,
    "\n  query PathDependencies($id: ID!) {\n    path_dependencies(path_id: $id) {\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": types.PathDependenciesDocument,
    "\n  mutation DeletePath($id: ID!) {\n    deletePath(path_id: $id) {\n      path_id\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n": types.DeletePathDocument,
    "\n  query SiteLiveTraffic($site_id: ID!) {\n    site_live_traffic(site_id: $site_id) {\n      at\n      policies {\n        policy_id\n        name\n        packets\n        bytes\n      }\n    }\n  }\n": types.SiteLiveTrafficDocument,
    "\n  query SiteTrafficHistory($site_id: ID!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    site_traffic(site_id: $site_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      points {\n        at\n        bytes_per_second\n      }\n    }\n  }\n": types.SiteTrafficHistoryDocument,
    "\n  query Sites {\n    sites {\n      id\n      name\n      location\n      status\n      endpoint_count\n    }\n  }\n": types.SitesDocument,
    "\n  query SiteDependencies($id: ID!) {\n    site_dependencies(site_id: $id) {\n      site_name\n      endpoints\n      paths\n      path_metrics\n      traffic_rows\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n": types.SiteDependenciesDocument,
    "\n  mutation DeleteSite($id: ID!) {\n    deleteSite(site_id: $id) {\n      success\n      message\n    }\n  }\n": types.DeleteSiteDocument,
    "\n  query PolicyNames {\n    policies {\n      id\n      name\n    }\n  }\n": types.PolicyNamesDocument,
    "\n  query TrafficHistory($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {\n    traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets\n        bytes\n        packets_per_second\n        bytes_per_second\n        active_flows\n        samples\n      }\n    }\n  }\n": types.TrafficHistoryDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    created_at\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($email: String!, $name: String, $role: UserRole!) {\n    createUser(email: $email, name: $name, role: $role) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation SetUserRole($id: ID!, $role: UserRole!) {\n    setUserRole(user_id: $id, role: $role) {\n      ...UserFields\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(user_id: $id) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(user_id: $id) {\n      id\n      email\n    }\n  }\n": types.DeleteUserDocument,
    "\n  query WhichPolicy($flow: FlowInput!) {\n    flow_policy(flow: $flow) {\n      policy {\n        id\n        name\n        priority\n      }\n      reason\n      passed_over {\n        policy_id\n        name\n        priority\n        failed_rule\n      }\n      passed_over_more\n    }\n  }\n": types.WhichPolicyDocument,
    "\n  query WhichPolicyRoute($source: ID!, $destination: ID!, $flow: FlowInput!) {\n    route(source_site_id: $source, destination_site_id: $destination, flow: $flow) {\n      policy_id\n      path_id\n      reason\n      cache_hit\n    }\n  }\n": types.WhichPolicyRouteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $after: ID, $limit: Int) {\n    audit_log(filter: $filter, after: $after, limit: $limit) {\n      entries {\n        id\n        at\n        actor\n        action\n        target\n        outcome\n        details\n        repeats\n        last_at\n      }\n      next_cursor\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $after: ID, $limit: Int) {\n    audit_log(filter: $filter, after: $after, limit: $limit) {\n      entries {\n        id\n        at\n        actor\n        action\n        target\n        outcome\n        details\n        repeats\n        last_at\n      }\n      next_cursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheStats {\n    cache_stats {\n      name\n      process\n      entries\n      hits\n      misses\n      evictions\n      hit_rate\n    }\n  }\n"): (typeof documents)["\n  query CacheStats {\n    cache_stats {\n      name\n      process\n      entries\n      hits\n      misses\n      evictions\n      hit_rate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearCache {\n    clearCache {\n      success\n      message\n      cleared_entries\n    }\n  }\n"): (typeof documents)["\n  mutation ClearCache {\n    clearCache {\n      success\n      message\n      cleared_entries\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CollectorHealth {\n    collector_health {\n      problems {\n        kind\n        message\n        since\n      }\n    }\n  }\n"): (typeof documents)["\n  query CollectorHealth {\n    collector_health {\n      problems {\n        kind\n        message\n        since\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowInput($admin: Boolean!) {\n    collector_status {\n      receiver\n      exporters_allowed\n      datagrams_received\n      records_received\n      malformed_packets\n      insane_records\n      unsupported_version\n      socket_drops\n      unknown_exporter\n      templates\n      templates_rejected\n      templates_evicted\n      templates_expired\n      templates_throttled\n      evicted_flows\n      unknown_exporters @include(if: $admin) {\n        address\n        datagrams\n        error\n        last_seen\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowInput($admin: Boolean!) {\n    collector_status {\n      receiver\n      exporters_allowed\n      datagrams_received\n      records_received\n      malformed_packets\n      insane_records\n      unsupported_version\n      socket_drops\n      unknown_exporter\n      templates\n      templates_rejected\n      templates_evicted\n      templates_expired\n      templates_throttled\n      evicted_flows\n      unknown_exporters @include(if: $admin) {\n        address\n        datagrams\n        error\n        last_seen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($from: Float!, $to: Float!) {\n    traffic_stats {\n      source\n      at\n      reason\n      totals {\n        packets\n        bytes\n        active_flows\n      }\n      unmatched {\n        packets_matched\n        bytes_matched\n        active_flows\n      }\n    }\n    traffic_history(from: $from, to: $to, max_buckets: 91, top_policies: 5) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets_per_second\n        bytes_per_second\n        active_flows\n      }\n      by_policy {\n        policy_id\n        name\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n      other_policies {\n        policies\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n    }\n    path_health {\n      path_id\n      status\n    }\n    collector_health {\n      problems {\n        kind\n        message\n      }\n    }\n    collector_status {\n      uptime_ms\n      live_flows\n      datagrams_received\n    }\n  }\n"): (typeof documents)["\n  query Overview($from: Float!, $to: Float!) {\n    traffic_stats {\n      source\n      at\n      reason\n      totals {\n        packets\n        bytes\n        active_flows\n      }\n      unmatched {\n        packets_matched\n        bytes_matched\n        active_flows\n      }\n    }\n    traffic_history(from: $from, to: $to, max_buckets: 91, top_policies: 5) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets_per_second\n        bytes_per_second\n        active_flows\n      }\n      by_policy {\n        policy_id\n        name\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n      other_policies {\n        policies\n        points {\n          at\n          bytes\n          bytes_per_second\n        }\n      }\n    }\n    path_health {\n      path_id\n      status\n    }\n    collector_health {\n      problems {\n        kind\n        message\n      }\n    }\n    collector_status {\n      uptime_ms\n      live_flows\n      datagrams_received\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathDetail($path_id: Int!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    path_health_of(path_id: $path_id) {\n      path_id\n      status\n      source {\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        bandwidth_mbps\n        score\n      }\n    }\n    path_metric_history(path_id: $path_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      buckets {\n        start\n        samples\n        latency_ms\n        max_latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query PathDetail($path_id: Int!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    path_health_of(path_id: $path_id) {\n      path_id\n      status\n      source {\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        bandwidth_mbps\n        score\n      }\n    }\n    path_metric_history(path_id: $path_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      buckets {\n        start\n        samples\n        latency_ms\n        max_latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathHealth($site_id: ID, $status: PathStatus) {\n    path_health(site_id: $site_id, status: $status) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query PathHealth($site_id: ID, $status: PathStatus) {\n    path_health(site_id: $site_id, status: $status) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathSiteNames {\n    sites {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PathSiteNames {\n    sites {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyChangePreview($change: PolicyChangeInput!) {\n    policy_change_preview(change: $change) {\n      flows_considered\n      flows_moved\n      packets_per_second_moved\n      bits_per_second_moved\n      packets_per_second_total\n      bits_per_second_total\n      moves {\n        from_policy_id\n        from_policy_name\n        to_policy_id\n        to_policy_name\n        flows\n        packets_per_second\n        bits_per_second\n      }\n      top_flows {\n        source\n        destination\n        source_port\n        destination_port\n        protocol\n        dscp\n        from_policy_id\n        to_policy_id\n        packets_per_second\n        bits_per_second\n      }\n      at\n    }\n  }\n"): (typeof documents)["\n  query PolicyChangePreview($change: PolicyChangeInput!) {\n    policy_change_preview(change: $change) {\n      flows_considered\n      flows_moved\n      packets_per_second_moved\n      bits_per_second_moved\n      packets_per_second_total\n      bits_per_second_total\n      moves {\n        from_policy_id\n        from_policy_name\n        to_policy_id\n        to_policy_name\n        flows\n        packets_per_second\n        bits_per_second\n      }\n      top_flows {\n        source\n        destination\n        source_port\n        destination_port\n        protocol\n        dscp\n        from_policy_id\n        to_policy_id\n        packets_per_second\n        bits_per_second\n      }\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyFields on Policy {\n    id\n    name\n    description\n    priority\n    enabled\n    path_preference\n    pinned_path_id\n    rules {\n      source_cidrs\n      destination_cidrs\n      source_ports\n      destination_ports\n      protocols\n      dscp\n    }\n  }\n"): (typeof documents)["\n  fragment PolicyFields on Policy {\n    id\n    name\n    description\n    priority\n    enabled\n    path_preference\n    pinned_path_id\n    rules {\n      source_cidrs\n      destination_cidrs\n      source_ports\n      destination_ports\n      protocols\n      dscp\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n      created_at\n      updated_at\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n  }\n"): (typeof documents)["\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n      created_at\n      updated_at\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyFormDependencies($id: ID!) {\n    policy_dependencies(policy_id: $id) {\n      name\n      stats_rows\n      stats_since\n    }\n  }\n"): (typeof documents)["\n  query PolicyFormDependencies($id: ID!) {\n    policy_dependencies(policy_id: $id) {\n      name\n      stats_rows\n      stats_since\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyFormDelete($id: ID!) {\n    deletePolicy(policy_id: $id) {\n      name\n      stats_rows_deleted\n    }\n  }\n"): (typeof documents)["\n  mutation PolicyFormDelete($id: ID!) {\n    deletePolicy(policy_id: $id) {\n      name\n      stats_rows_deleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyFormPaths {\n    paths {\n      id\n      source_endpoint_id\n      destination_endpoint_id\n      status\n    }\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        interface_kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyFormPaths {\n    paths {\n      id\n      source_endpoint_id\n      destination_endpoint_id\n      status\n    }\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        interface_kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyFormPolicy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  query PolicyFormPolicy($id: ID!) {\n    policy(id: $id) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyFormCreate($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation PolicyFormCreate($input: PolicyInput!) {\n    createPolicy(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyFormUpdate($id: ID!, $patch: PolicyPatch!) {\n    updatePolicy(policy_id: $id, input: $patch) {\n      ...PolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation PolicyFormUpdate($id: ID!, $patch: PolicyPatch!) {\n    updatePolicy(policy_id: $id, input: $patch) {\n      ...PolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PolicyFormSetEnabled($id: ID!, $enabled: Boolean!) {\n    setPolicyEnabled(policy_id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation PolicyFormSetEnabled($id: ID!, $enabled: Boolean!) {\n    setPolicyEnabled(policy_id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyTopFlows($policy_id: ID!, $limit: Int) {\n    policy_top_flows(policy_id: $policy_id, limit: $limit) {\n      source\n      destination\n      source_port\n      destination_port\n      protocol\n      packets\n      bytes\n      packets_per_second\n      bits_per_second\n      last_seen\n    }\n  }\n"): (typeof documents)["\n  query PolicyTopFlows($policy_id: ID!, $limit: Int) {\n    policy_top_flows(policy_id: $policy_id, limit: $limit) {\n      source\n      destination\n      source_port\n      destination_port\n      protocol\n      packets\n      bytes\n      packets_per_second\n      bits_per_second\n      last_seen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyCounters {\n    policies {\n      id\n      name\n      priority\n      enabled\n      path_preference\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n    traffic_stats {\n      source\n      at\n      reason\n    }\n  }\n"): (typeof documents)["\n  query PolicyCounters {\n    policies {\n      id\n      name\n      priority\n      enabled\n      path_preference\n      packets_matched\n      bytes_matched\n      active_flows\n    }\n    traffic_stats {\n      source\n      at\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicySparklines($minutes: Int!) {\n    policy_sparklines(minutes: $minutes) {\n      policies {\n        policy_id\n        packets_per_second\n      }\n    }\n    collector_status {\n      uptime_ms\n    }\n  }\n"): (typeof documents)["\n  query PolicySparklines($minutes: Int!) {\n    policy_sparklines(minutes: $minutes) {\n      policies {\n        policy_id\n        packets_per_second\n      }\n    }\n    collector_status {\n      uptime_ms\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicySiteChoices {\n    sites {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PolicySiteChoices {\n    sites {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPolicyPriorities($priorities: [PolicyPriorityInput!]!) {\n    setPolicyPriorities(priorities: $priorities) {\n      id\n      priority\n    }\n  }\n"): (typeof documents)["\n  mutation SetPolicyPriorities($priorities: [PolicyPriorityInput!]!) {\n    setPolicyPriorities(priorities: $priorities) {\n      id\n      priority\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPolicyCounters($policy_id: ID!) {\n    resetPolicyCounters(policy_id: $policy_id) {\n      reset\n      packets_before\n      bytes_before\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPolicyCounters($policy_id: ID!) {\n    resetPolicyCounters(policy_id: $policy_id) {\n      reset\n      packets_before\n      bytes_before\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEndpoint($input: EndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      address\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEndpoint($input: EndpointInput!) {\n    createEndpoint(input: $input) {\n      id\n      address\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEndpoint($id: ID!, $input: EndpointPatch!) {\n    updateEndpoint(endpoint_id: $id, input: $input) {\n      id\n      address\n      port\n      interface_kind\n      cost_per_gb\n      reachable\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEndpoint($id: ID!, $input: EndpointPatch!) {\n    updateEndpoint(endpoint_id: $id, input: $input) {\n      id\n      address\n      port\n      interface_kind\n      cost_per_gb\n      reachable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointDependencies($id: ID!) {\n    endpoint_dependencies(endpoint_id: $id) {\n      address\n      paths\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query EndpointDependencies($id: ID!) {\n    endpoint_dependencies(endpoint_id: $id) {\n      address\n      paths\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(endpoint_id: $id) {\n      address\n      paths_deleted\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteEndpoint($id: ID!) {\n    deleteEndpoint(endpoint_id: $id) {\n      address\n      paths_deleted\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSite($id: ID!, $input: SitePatch!) {\n    updateSite(site_id: $id, input: $input) {\n      id\n      name\n      location\n      status\n      updated_at\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSite($id: ID!, $input: SitePatch!) {\n    updateSite(site_id: $id, input: $input) {\n      id\n      name\n      location\n      status\n      updated_at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SitePage($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      location\n      status\n      endpoint_count\n      created_at\n      updated_at\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n        cost_per_gb\n        reachable\n      }\n    }\n    path_health(site_id: $id) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query SitePage($id: ID!) {\n    site(id: $id) {\n      id\n      name\n      location\n      status\n      endpoint_count\n      created_at\n      updated_at\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n        cost_per_gb\n        reachable\n      }\n    }\n    path_health(site_id: $id) {\n      path_id\n      status\n      source {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      destination {\n        site_id\n        site_name\n        endpoint_id\n        address\n        interface_kind\n      }\n      latest {\n        timestamp\n        latency_ms\n        jitter_ms\n        packet_loss_pct\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathTargets {\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query PathTargets {\n    sites {\n      id\n      name\n      endpoints {\n        id\n        address\n        port\n        interface_kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePath($input: PathInput!) {\n    createPath(input: $input) {\n      path {\n        id\n      }\n      reverse {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePath($input: PathInput!) {\n    createPath(input: $input) {\n      path {\n        id\n      }\n      reverse {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePathStatus($id: ID!, $status: PathStatus!) {\n    updatePathStatus(path_id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePathStatus($id: ID!, $status: PathStatus!) {\n    updatePathStatus(path_id: $id, status: $status) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PathDependencies($id: ID!) {\n    path_dependencies(path_id: $id) {\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PathDependencies($id: ID!) {\n    path_dependencies(path_id: $id) {\n      path_metrics\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePath($id: ID!) {\n    deletePath(path_id: $id) {\n      path_id\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePath($id: ID!) {\n    deletePath(path_id: $id) {\n      path_id\n      path_metrics_deleted\n      unpinned_policies {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteLiveTraffic($site_id: ID!) {\n    site_live_traffic(site_id: $site_id) {\n      at\n      policies {\n        policy_id\n        name\n        packets\n        bytes\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteLiveTraffic($site_id: ID!) {\n    site_live_traffic(site_id: $site_id) {\n      at\n      policies {\n        policy_id\n        name\n        packets\n        bytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteTrafficHistory($site_id: ID!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    site_traffic(site_id: $site_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      points {\n        at\n        bytes_per_second\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteTrafficHistory($site_id: ID!, $from: Float!, $to: Float!, $max_buckets: Int) {\n    site_traffic(site_id: $site_id, from: $from, to: $to, max_buckets: $max_buckets) {\n      step_ms\n      points {\n        at\n        bytes_per_second\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sites {\n    sites {\n      id\n      name\n      location\n      status\n      endpoint_count\n    }\n  }\n"): (typeof documents)["\n  query Sites {\n    sites {\n      id\n      name\n      location\n      status\n      endpoint_count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteDependencies($id: ID!) {\n    site_dependencies(site_id: $id) {\n      site_name\n      endpoints\n      paths\n      path_metrics\n      traffic_rows\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SiteDependencies($id: ID!) {\n    site_dependencies(site_id: $id) {\n      site_name\n      endpoints\n      paths\n      path_metrics\n      traffic_rows\n      pinned_policies {\n        policy_id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSite($id: ID!) {\n    deleteSite(site_id: $id) {\n      success\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSite($id: ID!) {\n    deleteSite(site_id: $id) {\n      success\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyNames {\n    policies {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query PolicyNames {\n    policies {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrafficHistory($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {\n    traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets\n        bytes\n        packets_per_second\n        bytes_per_second\n        active_flows\n        samples\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrafficHistory($from: Float!, $to: Float!, $policy_id: Int, $max_buckets: Int) {\n    traffic_history(from: $from, to: $to, policy_id: $policy_id, max_buckets: $max_buckets) {\n      from\n      to\n      step_ms\n      points {\n        at\n        packets\n        bytes\n        packets_per_second\n        bytes_per_second\n        active_flows\n        samples\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    created_at\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    name\n    role\n    created_at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($email: String!, $name: String, $role: UserRole!) {\n    createUser(email: $email, name: $name, role: $role) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($email: String!, $name: String, $role: UserRole!) {\n    createUser(email: $email, name: $name, role: $role) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($id: ID!, $role: UserRole!) {\n    setUserRole(user_id: $id, role: $role) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($id: ID!, $role: UserRole!) {\n    setUserRole(user_id: $id, role: $role) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(user_id: $id) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!) {\n    resetPassword(user_id: $id) {\n      generated_password\n      user {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($id: ID!) {\n    deleteUser(user_id: $id) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUser($id: ID!) {\n    deleteUser(user_id: $id) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhichPolicy($flow: FlowInput!) {\n    flow_policy(flow: $flow) {\n      policy {\n        id\n        name\n        priority\n      }\n      reason\n      passed_over {\n        policy_id\n        name\n        priority\n        failed_rule\n      }\n      passed_over_more\n    }\n  }\n"): (typeof documents)["\n  query WhichPolicy($flow: FlowInput!) {\n    flow_policy(flow: $flow) {\n      policy {\n        id\n        name\n        priority\n      }\n      reason\n      passed_over {\n        policy_id\n        name\n        priority\n        failed_rule\n      }\n      passed_over_more\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhichPolicyRoute($source: ID!, $destination: ID!, $flow: FlowInput!) {\n    route(source_site_id: $source, destination_site_id: $destination, flow: $flow) {\n      policy_id\n      path_id\n      reason\n      cache_hit\n    }\n  }\n"): (typeof documents)["\n  query WhichPolicyRoute($source: ID!, $destination: ID!, $flow: FlowInput!) {\n    route(source_site_id: $source, destination_site_id: $destination, flow: $flow) {\n      policy_id\n      path_id\n      reason\n      cache_hit\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;