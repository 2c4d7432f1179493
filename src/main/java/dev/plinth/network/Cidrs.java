package dev.plinth.network;

import dev.plinth.config.NetworkSettings.SubnetTier;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * CIDR maths for the subnet plan. Parsing and containment come from the IPAddress library; the one
 * thing written here is the block arithmetic: zone {@code i} of a tier is the {@code (firstIndex +
 * i)}-th block of the tier's size inside the VPC.
 */
public final class Cidrs {
  private Cidrs() {}

  /** An IPv4 block written as {@code a.b.c.d/n}; empty if the text is not one. */
  public static Optional<IPv4Address> parse(String cidr) {
    if (cidr == null) {
      return Optional.empty();
    }
    try {
      IPAddress address = new IPAddressString(cidr.strip()).toAddress();
      if (!address.isIPv4() || !address.isPrefixed()) {
        return Optional.empty();
      }
      return Optional.of(address.toIPv4());
    } catch (AddressStringException e) {
      return Optional.empty();
    }
  }

  /** True when no host bits are set ({@code 10.0.0.0/16}, not {@code 10.0.0.1/16}). */
  public static boolean isNetworkAddress(IPv4Address block) {
    return block.isPrefixBlock();
  }

  /** How many blocks of {@code /prefixLength} fit in the VPC. */
  public static long blocksIn(IPv4Address vpc, int prefixLength) {
    return 1L << (prefixLength - vpc.getNetworkPrefixLength());
  }

  /** The {@code index}-th block of size {@code /prefixLength} inside {@code vpc}. */
  public static String subnet(IPv4Address vpc, int prefixLength, int index) {
    int vpcPrefix = vpc.getNetworkPrefixLength();
    if (prefixLength < vpcPrefix || prefixLength > 32) {
      throw new IllegalArgumentException(
          "prefix /" + prefixLength + " does not fit in " + vpc + " (/" + vpcPrefix + ")");
    }
    if (index < 0 || index >= blocksIn(vpc, prefixLength)) {
      throw new IllegalArgumentException(
          "block " + index + " of /" + prefixLength + " is outside " + vpc);
    }
    long base = vpc.getLower().longValue();
    long size = 1L << (32 - prefixLength);
    return new IPv4Address((int) (base + index * size), prefixLength).toCanonicalString();
  }

  /** The tier's subnet for each zone, zone 0 first. */
  public static List<String> tier(IPv4Address vpc, SubnetTier tier, int azCount) {
    return IntStream.range(0, azCount)
        .mapToObj(i -> subnet(vpc, tier.prefixLength(), tier.firstIndex() + i))
        .toList();
  }

  /** True when the two blocks share an address. */
  public static boolean overlaps(String a, String b) {
    IPv4Address x = parse(a).orElseThrow();
    IPv4Address y = parse(b).orElseThrow();
    long xLow = x.getLower().longValue();
    long xHigh = x.getUpper().longValue();
    long yLow = y.getLower().longValue();
    long yHigh = y.getUpper().longValue();
    return xLow <= yHigh && yLow <= xHigh;
  }

  /** True when {@code inner} lies wholly inside {@code outer}. */
  public static boolean contains(String outer, String inner) {
    return parse(outer).orElseThrow().contains(parse(inner).orElseThrow());
  }

  /** Number of addresses in the block. */
  public static long size(String cidr) {
    return 1L << (32 - parse(cidr).orElseThrow().getNetworkPrefixLength());
  }
}
