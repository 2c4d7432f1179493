package dev.plinth.recovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.Json;
import dev.plinth.recovery.RecoveryModel.Part;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The expected recovery of a primary and its standby, per part, as {@code plan} shows it after the
 * cost estimate (text) and under {@code recovery} (JSON); or, when the other stack's file is not in
 * the project, a report that says so and has no parts.
 *
 * @param primaryStack the primary's stack name
 * @param standbyStack the standby's stack name
 * @param mode the standby's {@code plinth:dr.mode}; null when the pair could not be read
 * @param cache the standby's {@code plinth:dr.cache}; null likewise
 * @param automaticDns whether Route 53 fails the domain over by itself (a hosted zone in both)
 * @param parts per part, the expected RTO and RPO against the targets
 * @param notes what the reader must know besides the table (manual DNS, a missing stack file)
 * @param figures the figures the model added up (their sources are in the CSV)
 */
public record RecoveryReport(
    String primaryStack,
    String standbyStack,
    String mode,
    String cache,
    boolean automaticDns,
    List<Part> parts,
    List<String> notes,
    RecoveryFigures figures) {

  public RecoveryReport {
    parts = List.copyOf(parts);
    notes = List.copyOf(notes);
  }

  /** A pair whose other stack's file is absent or does not load: only the reason. */
  static RecoveryReport unreadable(String primary, String standby, String why) {
    return new RecoveryReport(primary, standby, null, null, false, List.of(), List.of(why), null);
  }

  /** Minutes as the report writes them: whole when whole, else one decimal. */
  static String minutes(double m) {
    if (m < 0.1 && m > 0) {
      return "< 0.1 min";
    }
    return (m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m))
        + " min";
  }

  public void print(PrintStream out) {
    out.println(
        "Recovery of "
            + primaryStack
            + " from its standby "
            + standbyStack
            + (mode == null
                ? ":"
                : " ("
                    + mode
                    + ", cache "
                    + cache
                    + ", DNS failover "
                    + (automaticDns ? "by Route 53 health check" : "by hand")
                    + "):"));
    if (!parts.isEmpty()) {
      out.println(
          String.format(
              Locale.ROOT,
              "    %-14s %-10s %-7s %-9s %-10s %-7s %s",
              "part",
              "RTO",
              "target",
              "",
              "RPO",
              "target",
              ""));
      for (Part p : parts) {
        out.println(
            row(
                p.name(),
                p.rto().shown(),
                target(p.rto()),
                p.rto().verdict().label(),
                p.rpo().shown(),
                target(p.rpo()),
                p.rpo().verdict().label()));
      }
    }
    for (String note : notes) {
      out.println("    " + note);
    }
    if (!parts.isEmpty()) {
      out.println(
          "    figures: src/main/resources/dev/plinth/recovery/recovery-figures.csv (each with its"
              + " source; assumed ones are to be replaced by what a drill measures)");
    }
  }

  private static String row(String... cells) {
    return String.format(Locale.ROOT, "    %-14s %-10s %-7s %-9s %-10s %-7s %s", (Object[]) cells)
        .stripTrailing();
  }

  private static String target(Estimate e) {
    return e.applies() && e.targetMinutes() > 0 ? e.targetMinutes() + " min" : "-";
  }

  public ObjectNode toJson() {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("primaryStack", primaryStack);
    doc.put("standbyStack", standbyStack);
    doc.put("mode", mode);
    doc.put("cache", cache);
    doc.put("dnsFailover", mode == null ? null : automaticDns ? "automatic" : "manual");
    ArrayNode list = doc.putArray("parts");
    for (Part p : parts) {
      ObjectNode part = list.addObject();
      part.put("part", p.name());
      part.set("rto", estimate(p.rto()));
      part.set("rpo", estimate(p.rpo()));
    }
    ArrayNode n = doc.putArray("notes");
    notes.forEach(n::add);
    return doc;
  }

  private static ObjectNode estimate(Estimate e) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    if (e.minutes().isPresent()) {
      o.put("minutes", e.minutes().getAsDouble());
    } else {
      o.putNull("minutes");
    }
    o.put("targetMinutes", e.targetMinutes());
    o.put("verdict", e.verdict().label());
    o.put("basis", e.basis());
    return o;
  }
}
