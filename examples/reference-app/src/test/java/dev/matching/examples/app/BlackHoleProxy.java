package dev.matching.examples.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of one server that can be switched to a black hole: from
 * {@link #blackHole()} on, it accepts connections and never answers, and the connections it was
 * forwarding go silent for good (bytes either way are swallowed), as in a network partition;
 * after {@link #forward()} new connections are forwarded again. Thread-safe.
 */
final class BlackHoleProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Pair> pairs = new CopyOnWriteArrayList<>();
  private volatile boolean blackHoled;

  BlackHoleProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "black-hole-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  int port() {
    return server.getLocalPort();
  }

  /** From now on: accept and never answer; every connection forwarded so far goes silent. */
  void blackHole() {
    blackHoled = true;
    pairs.forEach(p -> p.silent = true);
  }

  /** From now on, new connections are forwarded (silenced ones stay silent until closed). */
  void forward() {
    blackHoled = false;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (blackHoled) {
          continue; // held open, never read, never answered
        }
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(upstream);
        Pair pair = new Pair(client, upstream);
        pairs.add(pair);
        pump(pair, client.getInputStream(), upstream.getOutputStream());
        pump(pair, upstream.getInputStream(), client.getOutputStream());
      } catch (IOException e) {
        // closed, or the target refused: the client sees its connection end
      }
    }
  }

  private void pump(Pair pair, InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (!pair.silent) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // one side closed
      }
      pair.close();
    }, "black-hole-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  /** Both sockets of one forwarded connection. */
  private static final class Pair {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean silent;

    Pair(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void close() {
      try {
        client.close();
        upstream.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
