package dev.matching.examples.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 exactly as written: the request target, headers and body go on the wire byte for byte
 * (no client-side normalization of {@code ;}, {@code //}, {@code /./}, escapes or control
 * characters), one connection per request. For tests of what a hostile client can send. A copy of
 * the starter's test class of the same name, with a body of raw bytes.
 */
final class RawHttp {
  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** A response: status, headers (names in lower case), body as UTF-8 text. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? "" : values.get(0);
    }

    @Override
    public String toString() {
      return status + " " + header("content-type") + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  /**
   * Sends {@code method target} with {@code headers} (name, value pairs) and {@code body} (or
   * none; a body is JSON unless the headers name another Content-Type).
   */
  Response send(String method, String target, String body, String... headers) throws IOException {
    return send(method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** As {@link #send(String, String, String, String...)}, the body as bytes (which need not be UTF-8). */
  Response send(String method, String target, byte[] body, String... headers) throws IOException {
    StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    byte[] content = body == null ? new byte[0] : body;
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (body != null && !typed) {
      head.append("Content-Type: application/json\r\n");
    }
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
      } catch (IOException e) {
        // the server may answer (and close) before reading all of an oversized request: read its answer
      }
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    while (text.startsWith("HTTP/1.1 1")) { // interim responses (100 Continue) precede the final one
      int interim = text.indexOf("\r\n\r\n");
      if (interim < 0) {
        break;
      }
      raw = java.util.Arrays.copyOfRange(raw, interim + 4, raw.length);
      text = text.substring(interim + 4);
    }
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete response head in " + raw.length + " bytes");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    List<String> encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int n = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      in.read();
      in.read();
    }
  }
}
