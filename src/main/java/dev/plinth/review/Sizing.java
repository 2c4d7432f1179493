package dev.plinth.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Json;
import dev.plinth.config.Capacity;
import dev.plinth.config.PlatformConfig;
import dev.plinth.config.Tier;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What a planned stack is sized for: its tier ({@code plinth:tier}, and where it came from) and,
 * with {@code plinth:capacity.concurrentUsers}, each figure seed 001's formulas derive from the
 * load, with its formula and what the stack's classes give against it. {@code plan} prints it after
 * the cost estimate and adds it to its JSON as {@code sizing}.
 *
 * @param tier the stack's tier, or null (dev, and staging without one)
 * @param source where the tier comes from: the load, or {@code plinth:tier} (prod's default being
 *     medium)
 * @param users the load, 0 when not given
 * @param derived the derived figures (empty without a load)
 */
public record Sizing(Tier tier, String source, int users, List<Capacity.Derived> derived) {

  public static Sizing of(PlatformConfig config) {
    int users = config.capacity().concurrentUsers();
    Tier tier = config.tier();
    String source =
        tier == null
            ? config.environment().key()
            : users > 0
                ? "the tier plinth:capacity.concurrentUsers needs"
                : config.environment() == dev.plinth.config.Environment.PROD
                        && tier == Tier.PROD_DEFAULT
                    ? "plinth:tier, or prod's default"
                    : "plinth:tier";
    return new Sizing(tier, source, users, users > 0 ? Capacity.derive(users, config) : List.of());
  }

  public void print(PrintStream out) {
    if (tier == null) {
      out.println(
          "Sizing: no tier ("
              + (source.equals("dev")
                  ? "dev takes none; seed 001: a single server"
                  : "plinth:tier makes staging a reduced mirror of a production tier")
              + ")");
      return;
    }
    out.println(
        "Sizing: tier "
            + tier.key()
            + " ("
            + tier.users()
            + " concurrent users, seed 001; "
            + source
            + ")");
    if (users > 0) {
      out.println(
          String.format(
              Locale.ROOT,
              "    load: %,d concurrent users (plinth:capacity.concurrentUsers); seed 001's formulas:",
              users));
    }
    for (Capacity.Derived d : derived) {
      out.println(
          "    " + d.name() + " = " + d.formula() + " = " + d.value() + "; has: " + d.against());
    }
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (tier == null) {
      node.putNull("tier");
    } else {
      node.put("tier", tier.key());
      node.put("users", tier.users());
    }
    node.put("source", source);
    if (users > 0) {
      node.put("concurrentUsers", users);
    }
    ArrayNode figures = node.putArray("derived");
    for (Capacity.Derived d : derived) {
      ObjectNode f = figures.addObject();
      f.put("name", d.name());
      f.put("formula", d.formula());
      f.put("value", d.value());
      f.put("against", d.against());
    }
    return node;
  }
}
