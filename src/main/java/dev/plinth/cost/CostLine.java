package dev.plinth.cost;

/**
 * One priced item.
 *
 * @param component the top-level Plinth component the resource sits under ({@code prod-network}),
 *     or {@code usage} for the stack-wide usage assumptions
 * @param item what is priced ({@code NAT gateway prod-network-nat-a})
 * @param basis the arithmetic, in words ({@code 730 h x $0.045/h})
 * @param monthlyUsd the monthly cost
 */
public record CostLine(String component, String item, String basis, double monthlyUsd) {}
