package dev.plinth.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How many vCPUs an RDS DB instance class has, which RDS Proxy is priced by. Neither the AWS SDK
 * for Java v2 nor botocore lists them for RDS classes (the rds model's DBInstanceClass is a plain
 * string), so they come from the RDS User Guide's table: "DB instance classes", "Hardware
 * specifications for DB instance classes", column vCPU (awsdocs/amazon-rds-user-guide,
 * doc_source/Concepts.DBInstanceClass.md, commit 0219b24f, read 2026-12-03 through the search
 * tool's stored copy), the same table {@link InstanceMemory} reads memory from.
 */
public final class InstanceVcpus {
  private InstanceVcpus() {}

  /** vCPUs by DB instance class. */
  static final Map<String, Integer> RDS = rds();

  private static Map<String, Integer> rds() {
    Map<String, Integer> m = new LinkedHashMap<>();
    // db.t3 and db.t4g: micro, small, medium and large have 2 vCPUs; xlarge 4; 2xlarge 8.
    for (String f : new String[] {"db.t3", "db.t4g"}) {
      for (String size : new String[] {"micro", "small", "medium", "large"}) {
        m.put(f + "." + size, 2);
      }
      m.put(f + ".xlarge", 4);
      m.put(f + ".2xlarge", 8);
    }
    // General purpose and memory optimized: large 2, and each size up as many as its name says
    // (xlarge 4, 2xlarge 8, 4xlarge 16, 8xlarge 32, 12xlarge 48, 16xlarge 64, 24xlarge 96,
    // 32xlarge 128), in the rows of db.m5, db.m6g, db.m6i, db.r5, db.r6g and db.r6i.
    String[] names = {"large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"};
    int[] vcpus = {2, 4, 8, 16, 32, 48, 64};
    for (String f : new String[] {"db.m5", "db.m6g", "db.m6i", "db.r5", "db.r6g", "db.r6i"}) {
      for (int i = 0; i < names.length; i++) {
        m.put(f + "." + names[i], vcpus[i]);
      }
    }
    for (String f : new String[] {"db.m5", "db.m6i", "db.r5", "db.r6i"}) {
      m.put(f + ".24xlarge", 96);
    }
    m.put("db.m6i.32xlarge", 128);
    m.put("db.r6i.32xlarge", 128);
    return Collections.unmodifiableMap(m);
  }

  /** The class's vCPUs, if the table has it. */
  public static OptionalInt of(String instanceClass) {
    Integer n = RDS.get(instanceClass);
    return n == null ? OptionalInt.empty() : OptionalInt.of(n);
  }
}
