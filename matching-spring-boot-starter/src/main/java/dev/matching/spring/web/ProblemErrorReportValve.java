package dev.matching.spring.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error page as problem+json with the protective headers: the answer to
 * requests Tomcat refuses before any filter or servlet sees them (an encoded {@code /} or
 * {@code \} or a NUL in the URL, a request line or headers over the size limit, a malformed
 * header, an unknown transfer coding, answered 400 rather than Tomcat's 501), and to any error
 * nothing else wrote a body for. Replaces Tomcat's HTML
 * {@link ErrorReportValve}; never shows a message, an exception or the server's version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  /** A valve for Tomcat's host pipeline. */
  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    if (code == HttpStatus.NOT_IMPLEMENTED.value()) {
      // Tomcat's answer to a transfer coding it does not know: the client's mistake, not ours
      code = HttpStatus.BAD_REQUEST.value();
      response.setStatus(code);
    }
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    try {
      SecurityHeadersFilter.addHeaders(response);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":" + ProblemResponses.quote(ProblemHandler.TYPE_BASE + ErrorProblems.type(status))
            + ",\"title\":" + ProblemResponses.quote(status.getReasonPhrase()) + ",\"status\":" + code
            + ",\"detail\":" + ProblemResponses.quote(ErrorProblems.detail(status)) + "}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot take a body: nothing more to do
    }
  }
}
