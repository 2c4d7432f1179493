package dev.plinth.policy;

import static dev.plinth.policy.Rule.ALL;
import static dev.plinth.policy.Rule.STAGING_AND_PROD;
import static dev.plinth.policy.Severity.MANDATORY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plinth.network.ZoneIds;
import java.util.Arrays;
import java.util.List;

/**
 * Deployability: the constraints that make AWS refuse a create or an update, for network, zones,
 * the edge, budgets and account-wide names and singletons within one stack (DEP-40 to DEP-59). Each
 * rule cites the API reference or service model field it encodes.
 *
 * <p>What a stack owns for its whole account and region it declares in the stack output {@code
 * accountSingletons} ({@code guardDuty}: create, existing or off; {@code costAllocationTag}:
 * activate or existing); {@code plan --all} compares those declarations across the stacks that
 * share an account.
 */
final class NetworkDeployRules {
  private NetworkDeployRules() {}

  /**
   * Elastic IP addresses per account and region by default: five (EC2 user guide, "Elastic IP
   * addresses", section "Elastic IP address quota"; Service Quotas L-0263D0A3 "EC2-VPC Elastic
   * IPs"). AllocateAddress past it fails with AddressLimitExceeded.
   */
  static final int ELASTIC_IP_QUOTA = 5;

  static List<Rule> all() {
    return List.of(
        repositoryNames(),
        guardDutyOwner(),
        subnetZones(),
        budgetTagActivated(),
        alertSubscriptions(),
        elasticIps());
  }

  /** What the stack declares it owns for the account ({@code accountSingletons.<name>}). */
  static String declared(PolicyContext ctx, String singleton) {
    return ctx.graph().outputs().path("accountSingletons").path(singleton).asText("");
  }

  static Rule repositoryNames() {
    return Rule.of(
        "DEP-40",
        "ECR repository names carry the stack's name (unique per account and region)",
        MANDATORY,
        ALL,
        "ECR CreateRepository repositoryName (RepositoryAlreadyExistsException)",
        List.of(Types.ECR),
        (r, ctx) -> {
          String env = ctx.graph().stack();
          // Absent: Pulumi auto-names it with a random suffix, which is unique too.
          return In.text(r, "name")
              .map(
                  name ->
                      Problems.of(r)
                          .require(
                              Arrays.asList(name.split("/")).contains(env),
                              "name",
                              "repository name "
                                  + name
                                  + " is the same in every stack; the second stack in the"
                                  + " account fails with RepositoryAlreadyExistsException",
                              "name it plinth/" + env + "/<repository> (compute/Registry)")
                          .list())
              .orElse(List.of());
        });
  }

  static Rule guardDutyOwner() {
    return Rule.of(
        "DEP-41",
        "a GuardDuty detector only in the stack that owns the account's detector",
        MANDATORY,
        ALL,
        "GuardDuty CreateDetector (one detector per account per Region)",
        List.of(Types.GUARDDUTY),
        (r, ctx) -> {
          String owner = declared(ctx, "guardDuty");
          return Problems.of(r)
              .require(
                  owner.equals("create"),
                  "owner",
                  "creates a detector although the stack declares guardDuty '"
                      + owner
                      + "' (accountSingletons): another stack or the organisation holds the"
                      + " account's only detector and CreateDetector is refused",
                  "set plinth:observability.guardDuty: create in one stack per account and"
                      + " region, existing or off in the others")
              .require(
                  ctx.ofType(Types.GUARDDUTY).size() == 1,
                  "count",
                  ctx.ofType(Types.GUARDDUTY).size() + " detectors in one stack",
                  "create one detector")
              .list();
        });
  }

  static Rule subnetZones() {
    return Rule.of(
        "DEP-42",
        "subnets placed by zone id, never in a zone EKS does not support",
        MANDATORY,
        ALL,
        "EC2 CreateSubnet AvailabilityZoneId, EKS CreateCluster subnetIds"
            + " (UnsupportedAvailabilityZoneException), EKS user guide View Amazon EKS networking"
            + " requirements for VPC and subnets",
        List.of(Types.SUBNET),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          var id = In.text(r, "availabilityZoneId");
          p.require(
              id.isPresent(),
              "zone-id",
              "is placed by zone name ("
                  + In.text(r, "availabilityZone").orElse("AWS's choice")
                  + "), which each account maps to a different zone id, possibly one EKS refuses",
              "set availabilityZoneId (network/Network chooses zones by id)");
          id.ifPresent(
              zone ->
                  p.require(
                      !ZoneIds.eksRefuses(zone),
                      "eks",
                      "lies in " + zone + ", where EKS does not place a cluster's subnets",
                      "choose another zone id (plinth:network.availabilityZoneIds)"));
          return p.list();
        });
  }

  static Rule budgetTagActivated() {
    return Rule.of(
        "DEP-43",
        "a budget's tag filter uses an activated cost allocation tag",
        MANDATORY,
        ALL,
        "Budgets CreateBudget CostFilters TagKeyValue, Cost Explorer"
            + " UpdateCostAllocationTagsStatus, Billing user guide Using user-defined cost"
            + " allocation tags",
        List.of(Types.BUDGET),
        (r, ctx) -> {
          Problems p = Problems.of(r);
          boolean elsewhere = declared(ctx, "costAllocationTag").equals("existing");
          for (JsonNode filter : In.list(r, "costFilters")) {
            if (!filter.path("name").asText().equals("TagKeyValue")) {
              continue;
            }
            for (String value : In.texts(filter.get("values"))) {
              // user:<key>$<value>
              String key = value.replaceFirst("^user:", "").replaceFirst("\\$.*$", "");
              boolean activated =
                  ctx.ofType(Types.COST_ALLOCATION_TAG).stream()
                      .anyMatch(
                          t ->
                              In.text(t, "tagKey").orElse("").equals(key)
                                  && In.text(t, "status").orElse("").equals("Active"));
              p.require(
                  activated || elsewhere,
                  "tag",
                  "filters on tag "
                      + key
                      + ", which nothing activates as a cost allocation tag: the budget would"
                      + " track nothing",
                  "activate it (plinth:observability.costAllocationTag: activate in one stack,"
                      + " existing in the others)");
            }
          }
          return p.list();
        });
  }

  static Rule alertSubscriptions() {
    return Rule.of(
        "DEP-44",
        "the alert topic has a subscription",
        MANDATORY,
        STAGING_AND_PROD,
        "SNS Publish (delivers to each endpoint that is subscribed to the topic), SNS Subscribe (an email endpoint must ConfirmSubscription)",
        List.of(Types.TOPIC),
        (topic, ctx) ->
            Problems.of(topic)
                .require(
                    !ctx.referring(topic, Types.TOPIC_SUBSCRIPTION).isEmpty(),
                    "subscription",
                    "no one subscribes to this topic: alarms and budget notifications go nowhere",
                    "set plinth:observability.alertEmails")
                .list());
  }

  static Rule elasticIps() {
    return Rule.of(
        "DEP-45",
        "the stack's Elastic IPs stay under the default quota of " + ELASTIC_IP_QUOTA,
        MANDATORY,
        ALL,
        "EC2 AllocateAddress (AddressLimitExceeded), EC2 user guide Elastic IP address quota",
        List.of(Types.EIP),
        (eip, ctx) -> {
          int count = ctx.ofType(Types.EIP).size();
          return Problems.of(eip)
              .require(
                  count < ELASTIC_IP_QUOTA,
                  "quota",
                  "one of "
                      + count
                      + " Elastic IPs in this stack: the default quota is "
                      + ELASTIC_IP_QUOTA
                      + " per account and region, leaving nothing for the other stacks",
                  "use fewer NAT gateways (plinth:network.natGateways: single) or request an"
                      + " increase of L-0263D0A3 and record an exception")
              .list();
        });
  }
}
