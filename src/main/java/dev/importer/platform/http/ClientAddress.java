package dev.importer.platform.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request comes from: the connection's, or the last X-Forwarded-For hop when
 * the connection comes from a proxy in TRUSTED_PROXIES (CIDRs, comma-separated; none by
 * default). Only the last hop is the trusted proxy's own word; earlier ones the client wrote.
 */
@ApplicationScoped
public class ClientAddress {

    /** Characters of an IPv4 or IPv6 literal: nothing else is ever resolved, so no DNS lookup. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** A network, {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a network of one. */
    record Network(byte[] address, int prefix) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            byte[] address = literal(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException("TRUSTED_PROXIES: not an address: " + cidr));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix: " + cidr);
            }
            return new Network(address, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private List<Network> proxies = List.of();

    @PostConstruct
    void parseTrustedProxies() {
        proxies = trustedProxies.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .filter(cidr -> !cidr.isBlank())
                .map(Network::parse)
                .toList();
    }

    /** The request's client address. */
    public String of(HttpServletRequest request) {
        List<String> hops = Collections.list(request.getHeaders("X-Forwarded-For"));
        return of(request.getRemoteAddr(), hops.isEmpty() ? null : String.join(",", hops));
    }

    /** {@code forwardedFor}: every X-Forwarded-For header of the request, joined with commas; may be null. */
    public String of(String remoteAddress, String forwardedFor) {
        return resolve(remoteAddress, forwardedFor, proxies);
    }

    static String resolve(String remoteAddress, String forwardedFor, List<Network> proxies) {
        Optional<byte[]> remote = literal(remoteAddress);
        if (forwardedFor == null || remote.isEmpty() || proxies.stream().noneMatch(p -> p.contains(remote.get()))) {
            return remoteAddress;
        }
        String lastHop = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
        return literal(lastHop).isPresent() ? lastHop : remoteAddress;
    }

    private static Optional<byte[]> literal(String address) {
        if (address == null || !ADDRESS_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
