package dev.importer.platform.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "198.18.0.1", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "ff02::1"})
    void internalAddressesAreRefused(String address) throws UnknownHostException {
        assertTrue(InternalAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "193.0.0.1", "2001:4860:4860::8888",
            "::ffff:8.8.8.8"})
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertFalse(InternalAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    @Test
    void theAllowlistNamesHostsOrHostsWithAPort() {
        Allowlist allowlist = Allowlist.parse(" Files.Example.com , 127.0.0.1:8443,,");
        assertTrue(allowlist.allows("files.example.com", 443));
        assertTrue(allowlist.allows("FILES.example.com", 80));
        assertTrue(allowlist.allows("127.0.0.1", 8443));
        assertFalse(allowlist.allows("127.0.0.1", 8080), "another port of an entry with a port");
        assertFalse(allowlist.allows("example.com", 443));
        assertEquals(Optional.empty(), allowlist.malformedEntry());
        assertEquals(Optional.of("http://x"), Allowlist.parse("a.example, http://x").malformedEntry());
        assertEquals(Optional.of("host:99999"), Allowlist.parse("host:99999").malformedEntry());
        assertFalse(Allowlist.parse("").allows("", 80));
    }
}
