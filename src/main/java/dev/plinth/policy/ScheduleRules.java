package dev.plinth.policy;

import static dev.plinth.policy.Rule.PROD;
import static dev.plinth.policy.Severity.MANDATORY;

import dev.plinth.plan.RecordedResource;
import java.util.List;

/** Schedules that stop part of the platform: office hours (plinth:officeHours). */
final class ScheduleRules {
  private ScheduleRules() {}

  static List<Rule> all() {
    return List.of(noOfficeHoursInProd());
  }

  /**
   * Seed 001 stops dev and staging outside hours ("Auto-shutdown: Stop dev/staging environments
   * outside hours"), never production, whose users come at any hour: in prod no schedule may scale
   * a node group to zero or stop a database instance.
   */
  static Rule noOfficeHoursInProd() {
    return Rule.of(
        "SCHED-01",
        "no office-hours schedule stops prod's nodes or database",
        MANDATORY,
        PROD,
        "seed 001 (auto-shutdown of dev/staging outside hours)",
        List.of(Types.NODE_GROUP, Types.RDS),
        (r, ctx) -> {
          List<RecordedResource> stops = Resources.stoppingSchedules(ctx.graph(), r);
          return Problems.of(r)
              .require(
                  stops.isEmpty(),
                  "schedule",
                  "stopped outside office hours by "
                      + stops.stream().map(RecordedResource::name).toList(),
                  "set plinth:officeHours.enabled to false in prod")
              .list();
        });
  }
}
