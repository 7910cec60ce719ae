package dev.matching.spring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than a limit with 413 problem+json: at once when the
 * {@code Content-Length} says so, or as soon as a body without one grows past it.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {
  private final long maxBytes;

  /** A filter allowing bodies of at most {@code maxBytes}. */
  public RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      reject(response, declared);
      return;
    }
    chain.doFilter(declared >= 0 ? request : new Limited(request, maxBytes), response);
  }

  private void reject(HttpServletResponse response, long size) throws IOException {
    ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
        "the request body must be at most " + maxBytes + " bytes, was " + size);
  }

  /** Thrown by a body stream that grew past the limit; answered with 413. */
  public static final class PayloadTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(long max) {
      super("the request body must be at most " + max + " bytes");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        private void count(long n) throws PayloadTooLargeException {
          read += n;
          if (read > max) {
            throw new PayloadTooLargeException(max);
          }
        }

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
