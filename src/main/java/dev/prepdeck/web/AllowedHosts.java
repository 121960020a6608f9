package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names this site answers to in the Host header. A page on another name that resolves to this machine (DNS
 * rebinding: {@code rebind.evil.example} pointed at 127.0.0.1) is same-origin with itself, so neither the Origin
 * check nor the browser's same-origin policy stops it; only refusing the name does.
 * <p>
 * A Host is accepted when its name is listed and its port is absent or the port the request arrived on, or when
 * it is listed with its port ({@code proxy.example:8443}, for a proxy that keeps its own port in the header).
 *
 * @param hosts names in lower case, each alone or as name:port; IPv6 addresses in brackets
 */
public record AllowedHosts(Set<String> hosts) {
    /** This machine's own names, always accepted. */
    public static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");

    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[\\p{L}\\p{N}](?:[\\p{L}\\p{N}.-]*[\\p{L}\\p{N}])?)(?::(\\d{1,5}))?");

    public AllowedHosts {
        hosts = Set.copyOf(hosts);
    }

    /** Only this machine's names. */
    public static AllowedHosts loopback() {
        return of(null, List.of());
    }

    /**
     * This machine's names, the address the server listens on (unless it is every address, 0.0.0.0 or ::),
     * and the names given with --allowed-host (a reverse proxy's or the machine's LAN name).
     *
     * @throws IllegalArgumentException naming an entry that is not a host name or address, with an optional port
     */
    public static AllowedHosts of(String listenHost, List<String> extraNames) {
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        if (listenHost != null && !isEveryAddress(listenHost)) {
            hosts.add(canonical(listenHost.contains(":") && !listenHost.startsWith("[")
                    ? "[" + listenHost + "]" : listenHost));
        }
        for (String name : extraNames) {
            hosts.add(canonical(name));
        }
        return new AllowedHosts(hosts);
    }

    /** 0.0.0.0 and :: bind every interface; they are not names a browser would put in a Host header. */
    public static boolean isEveryAddress(String host) {
        String h = host.strip();
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") || h.isEmpty();
    }

    private static String canonical(String entry) {
        Matcher m = HOST.matcher(entry.strip());
        if (!m.matches() || m.group(2) != null && Integer.parseInt(m.group(2)) > 65_535) {
            throw new IllegalArgumentException("'" + entry + "' is not a host name or address (with an optional"
                    + " :port), e.g. prepdeck.lan or 192.168.1.20:7070");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        return m.group(2) == null ? name : name + ":" + Integer.parseInt(m.group(2));
    }

    /** True when a request with this Host header, arriving on {@code localPort}, is for this site. */
    public boolean accepts(String hostHeader, int localPort) {
        if (hostHeader == null) {
            return false;
        }
        if (hosts.contains(hostHeader) || listedOnThisPort(hostHeader, localPort)) {
            return true;
        }
        Matcher m = HOST.matcher(hostHeader.strip());
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(2) == null) {
            return hosts.contains(name);
        }
        int port = Integer.parseInt(m.group(2));
        return hosts.contains(name + ":" + port) || hosts.contains(name) && port == localPort;
    }

    /**
     * The Host header nearly every request sends, a listed name with the port written plainly ("127.0.0.1:7070"),
     * recognised without the pattern, which every request paid for (BENCHMARKS.md, pipe19). It accepts only what
     * {@link #accepts} accepts through the pattern too: a listed entry is a valid name by construction.
     */
    private boolean listedOnThisPort(String hostHeader, int localPort) {
        int colon = hostHeader.lastIndexOf(':');
        if (colon <= 0) {
            return false;
        }
        String port = Integer.toString(localPort);
        return hostHeader.length() - colon - 1 == port.length() && hostHeader.startsWith(port, colon + 1)
                && hosts.contains(hostHeader.substring(0, colon));
    }

    /** Before every request. */
    void verify(Context ctx) {
        String host = ctx.header("Host");
        if (!accepts(host, ctx.req().getLocalPort())) {
            throw host == null ? new Refusal(HttpStatus.MISDIRECTED_REQUEST, "error.noHost")
                    : new Refusal(HttpStatus.MISDIRECTED_REQUEST, "error.wrongHost", host);
        }
    }
}
