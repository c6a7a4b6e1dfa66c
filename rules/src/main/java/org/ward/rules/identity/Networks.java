package org.ward.rules.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * CIDR ranges (VPN egress, offices) whose sign-ins never count as travel. Parses literal addresses only: no name
 * is ever looked up.
 */
final class Networks {

    private record Range(byte[] network, int prefix) {
    }

    private final List<Range> ranges = new ArrayList<>();

    Networks(List<String> cidrs) {
        for (String cidr : cidrs) {
            String[] parts = cidr.trim().split("/");
            byte[] address = literal(parts[0]);
            if (address != null) {
                ranges.add(new Range(address, parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8));
            }
        }
    }

    boolean contains(String ip) {
        if (ip == null || ranges.isEmpty()) {
            return false;
        }
        byte[] address = literal(ip);
        if (address == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.network.length == address.length && matches(range.network, address, range.prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] network, byte[] address, int prefix) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        String s = text.trim();
        boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
