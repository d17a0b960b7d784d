package dev.importer.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.importer.platform.http.ClientAddress.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final List<Network> PROXIES = List.of(Network.parse("10.0.0.0/8"), Network.parse("::1"));

    @Test
    void theConnectionsAddressWhenItIsNoTrustedProxy() {
        assertEquals("192.0.2.7", ClientAddress.resolve("192.0.2.7", "198.51.100.1", PROXIES));
        assertEquals("192.0.2.7", ClientAddress.resolve("192.0.2.7", null, List.of()));
        assertEquals("11.0.0.1", ClientAddress.resolve("11.0.0.1", "198.51.100.1", PROXIES));
    }

    @Test
    void theLastHopWhenATrustedProxyForwards() {
        assertEquals("198.51.100.1", ClientAddress.resolve("10.1.2.3", "203.0.113.9, 198.51.100.1", PROXIES));
        assertEquals("2001:db8::1", ClientAddress.resolve("::1", "2001:db8::1", PROXIES));
    }

    @Test
    void aForwardedValueThatIsNoAddressIsIgnored() {
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", "198.51.100.1, evil.example", PROXIES));
        assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", "", PROXIES));
    }

    @Test
    void networksMatchOnTheirPrefixOnly() {
        assertEquals("10.255.0.1", ClientAddress.resolve("192.168.1.1", "10.255.0.1",
                List.of(Network.parse("192.168.0.0/23"))));
        assertEquals("192.168.2.1", ClientAddress.resolve("192.168.2.1", "10.255.0.1",
                List.of(Network.parse("192.168.0.0/23"))));
        assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Network.parse("proxy.example"));
    }
}
