package dev.plinth.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.config.CostSettings;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The monthly estimate of one stack: lines, totals by component, the total against the budget. */
public record CostReport(
    String stack,
    String region,
    String priceDate,
    CostSettings assumptions,
    List<CostLine> lines,
    List<String> notes) {

  public CostReport {
    lines = List.copyOf(lines);
    notes = List.copyOf(notes);
  }

  /**
   * The sum of the lines, exact before its one rounding to a double, so that it does not depend on
   * the order of the lines (a floating-point sum does, by a cent here and there).
   */
  public double total() {
    return exactSum(lines.stream().mapToDouble(CostLine::monthlyUsd).boxed().toList());
  }

  static double exactSum(List<Double> values) {
    return values.stream()
        .map(java.math.BigDecimal::new)
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
        .doubleValue();
  }

  public double budget() {
    return assumptions.budgetMonthlyUsd();
  }

  public boolean withinBudget() {
    return total() <= budget();
  }

  public Map<String, Double> byComponent() {
    Map<String, List<Double>> parts = new TreeMap<>();
    lines.forEach(
        l ->
            parts
                .computeIfAbsent(l.component(), c -> new java.util.ArrayList<>())
                .add(l.monthlyUsd()));
    Map<String, Double> out = new TreeMap<>();
    parts.forEach((component, values) -> out.put(component, exactSum(values)));
    return out;
  }

  static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.2f", v);
  }

  public String budgetVerdict() {
    double share = budget() > 0 ? 100 * total() / budget() : 0;
    return withinBudget()
        ? String.format(Locale.ROOT, "within the budget of %s (%.0f%%)", usd(budget()), share)
        : String.format(
            Locale.ROOT,
            "OVER the budget of %s by %s (%.0f%%)",
            usd(budget()),
            usd(total() - budget()),
            share);
  }

  public void print(PrintStream out) {
    out.println(
        "Cost estimate (monthly, "
            + PriceTable.REGION
            + " on-demand prices of "
            + priceDate
            + ", 730 h/month):");
    Map<String, Double> components = byComponent();
    int width = components.keySet().stream().mapToInt(String::length).max().orElse(8) + 2;
    components.forEach(
        (c, v) ->
            out.println(
                "    " + String.format("%-" + width + "s", c) + String.format("%12s", usd(v))));
    out.println(
        "    " + String.format("%-" + width + "s", "total") + String.format("%12s", usd(total())));
    out.println("    " + budgetVerdict() + " (plinth:cost.budgetMonthlyUsd)");
    CostSettings a = assumptions;
    out.println(
        "    assumptions (plinth:cost): NAT traffic "
            + CostEstimator.fmt(a.trafficGbPerMonth())
            + " GB/month, ALB "
            + CostEstimator.fmt(a.albAverageLcus())
            + " LCU, WAF "
            + CostEstimator.fmt(a.wafRequestsMillionsPerMonth())
            + " M requests/month, logs "
            + CostEstimator.fmt(a.logsGbPerMonth())
            + " GB/month, S3 "
            + CostEstimator.fmt(a.s3GbStored())
            + " GB, spot "
            + CostEstimator.fmt(a.spotDiscountPercent())
            + "% below on-demand, backup copies "
            + CostEstimator.fmt(a.backupCopyGb())
            + " GB each, CDN "
            + CostEstimator.fmt(a.cdnRequestsMillionsPerMonth())
            + " M requests and "
            + CostEstimator.fmt(a.cdnTransferGbPerMonth())
            + " GB/month"
            + (clientVpn()
                ? ", Client VPN "
                    + CostEstimator.fmt(a.clientVpnConnectionHoursPerMonth())
                    + " connection-hours/month"
                : ""));
    notes.forEach(n -> out.println("    note: " + n));
  }

  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("currency", "USD");
    doc.put("region", region);
    doc.put("priceRegion", PriceTable.REGION);
    doc.put("priceDate", priceDate);
    doc.put("hoursPerMonth", PriceTable.HOURS_PER_MONTH);
    ArrayNode items = doc.putArray("lines");
    for (CostLine l : lines) {
      items
          .addObject()
          .put("component", l.component())
          .put("item", l.item())
          .put("basis", l.basis())
          .put("monthlyUsd", round(l.monthlyUsd()));
    }
    ObjectNode components = doc.putObject("byComponent");
    byComponent().forEach((c, v) -> components.put(c, round(v)));
    doc.put("totalMonthlyUsd", round(total()));
    doc.put("budgetMonthlyUsd", budget());
    doc.put("withinBudget", withinBudget());
    ObjectNode a = doc.putObject("assumptions");
    a.put("trafficGbPerMonth", assumptions.trafficGbPerMonth());
    a.put("albAverageLcus", assumptions.albAverageLcus());
    a.put("wafRequestsMillionsPerMonth", assumptions.wafRequestsMillionsPerMonth());
    a.put("logsGbPerMonth", assumptions.logsGbPerMonth());
    a.put("s3GbStored", assumptions.s3GbStored());
    a.put("spotDiscountPercent", assumptions.spotDiscountPercent());
    a.put("backupCopyGb", assumptions.backupCopyGb());
    a.put("cdnRequestsMillionsPerMonth", assumptions.cdnRequestsMillionsPerMonth());
    a.put("cdnTransferGbPerMonth", assumptions.cdnTransferGbPerMonth());
    if (clientVpn()) {
      a.put("clientVpnConnectionHoursPerMonth", assumptions.clientVpnConnectionHoursPerMonth());
    }
    ArrayNode n = doc.putArray("notes");
    notes.forEach(n::add);
    return doc;
  }

  /** Whether the estimate prices a Client VPN, whose connection-hours assumption it then shows. */
  boolean clientVpn() {
    return lines.stream().anyMatch(l -> l.item().startsWith(CostEstimator.CLIENT_VPN));
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
