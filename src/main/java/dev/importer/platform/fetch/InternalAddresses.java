package dev.importer.platform.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The addresses a download may not reach unless allowed: anything not on the public internet. */
public final class InternalAddresses {

    private InternalAddresses() {
    }

    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                    || (first == 198 && (second & 0xfe) == 18)  // 198.18.0.0/15, benchmarking
                    || first >= 240;                            // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc                        // fc00::/7, unique local
                    || embeddedIpv4IsInternal(b);
        }
        return true;
    }

    /** ::ffff:a.b.c.d (Java makes those Inet4Address already) and ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64). */
    private static boolean embeddedIpv4IsInternal(byte[] b) {
        boolean compatible = allZero(b, 0, 12);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (!compatible && !nat64) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
