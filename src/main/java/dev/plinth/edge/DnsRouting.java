package dev.plinth.edge;

/**
 * How the domain's alias record routes: a simple record when the stack stands alone, or one half of
 * a Route 53 failover pair when the stack is a primary with a standby, or that standby (seeds 002
 * and 003: DNS failover). The set identifier is the stack's name, unique within the pair.
 *
 * <p>Route 53 model (botocore route53 2013-04-01, {@code ResourceRecordSet.Failover}): "you add the
 * Failover element to two resource record sets", PRIMARY and SECONDARY; "For failover alias
 * resource record sets, you must also include the EvaluateTargetHealth element and set the value to
 * true"; and "You can't create non-failover resource record sets that have the same values for the
 * Name and Type elements as failover resource record sets" (so the primary's simple record must
 * become PRIMARY before the standby's SECONDARY is created: docs/runbooks.md, "Set up the pair").
 *
 * @param role simple, primary or secondary
 * @param setIdentifier the record's {@code SetIdentifier} (the stack's name); null for a simple
 *     record
 */
public record DnsRouting(Role role, String setIdentifier) {

  /** The record's part in failover routing. */
  public enum Role {
    SIMPLE,
    PRIMARY,
    SECONDARY
  }

  public DnsRouting {
    if ((role == Role.SIMPLE) != (setIdentifier == null)) {
      throw new IllegalArgumentException(
          "a failover record needs a set identifier and a simple record has none (role "
              + role
              + ", set identifier "
              + setIdentifier
              + ")");
    }
  }

  public static DnsRouting simple() {
    return new DnsRouting(Role.SIMPLE, null);
  }

  /**
   * The routing of a stack's record from its disaster-recovery role: a standby is SECONDARY, a
   * primary that names a standby is PRIMARY, any other stack simple.
   *
   * @param stack the stack's name, the set identifier
   * @param standby whether the stack is a standby ({@code plinth:dr.role: standby})
   * @param namesAStandby whether the stack is a primary with {@code plinth:dr.standbyStack}
   */
  public static DnsRouting of(String stack, boolean standby, boolean namesAStandby) {
    if (standby) {
      return new DnsRouting(Role.SECONDARY, stack);
    }
    return namesAStandby ? new DnsRouting(Role.PRIMARY, stack) : simple();
  }

  public boolean failover() {
    return role != Role.SIMPLE;
  }
}
