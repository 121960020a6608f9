package dev.prepdeck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests no well-behaved client sends: a forged Host header,
 * a broken body, a path with raw bytes. One request per connection.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String origin) {
        URI uri = URI.create(origin);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** What a server answered: status, headers (names in lower case) and body as UTF-8 text. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** The Host header a browser on this machine sends to the server. */
    public String hostHeader() {
        return host + ":" + port;
    }

    /**
     * Sends {@code method target} with these header lines (each "Name: value"; Host and Connection are added
     * unless given) and body; Content-Length is added when a body is given and no length header is.
     */
    public Answer send(String method, String target, List<String> headerLines, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>(headerLines);
        if (lines.stream().noneMatch(l -> l.regionMatches(true, 0, "Host:", 0, 5))) {
            lines.add(0, "Host: " + hostHeader());
        }
        lines.add("Connection: close");
        boolean hasLength = lines.stream().anyMatch(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15)
                || l.regionMatches(true, 0, "Transfer-Encoding:", 0, 18));
        if (body != null && !hasLength) {
            lines.add("Content-Length: " + body.length);
        }
        request.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            request.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray());
    }

    public Answer send(String method, String target, List<String> headerLines, String body) {
        return send(method, target, headerLines, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer exchange(byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // A server may answer and close before it has read a body it does not want; read that answer.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + host + ":" + port, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset after the answer was sent: what arrived is the answer
            if (received.size() == 0) {
                throw e;
            }
        }
        byte[] all = received.toByteArray();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = "chunked".equalsIgnoreCase(String.join(",", headers.getOrDefault("transfer-encoding", List.of())));
        return new Answer(status, headers, new String(chunked ? unchunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
