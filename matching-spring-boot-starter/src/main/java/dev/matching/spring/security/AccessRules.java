package dev.matching.spring.security;

/**
 * The least role each endpoint of {@code /api} needs. Clients may additionally write only the
 * jobs of their own employer ({@link EmployerJobWriteAuthorizer}).
 *
 * <table>
 *   <caption>rules, first match wins</caption>
 *   <tr><th>endpoint</th><th>least role</th></tr>
 *   <tr><td>{@code /api/v1/admin/**}</td><td>admin</td></tr>
 *   <tr><td>{@code /api/v1/batch/**}</td><td>operator</td></tr>
 *   <tr><td>{@code POST /api/v1/jobs/bulk}, {@code POST /api/v1/workers/bulk}</td><td>operator</td></tr>
 *   <tr><td>{@code /api/v1/workers} and {@code /api/v1/workers/{id}} (personal data), any method</td>
 *       <td>operator</td></tr>
 *   <tr><td>everything else: job reads and writes, matches, explanations, search,
 *       recommendations</td><td>client</td></tr>
 * </table>
 */
public final class AccessRules {
  private static final String API = "/api/v1/";

  private AccessRules() {}

  /** The least role needed for {@code method} on {@code path} (without the context path). */
  public static ApiRole requiredRole(String method, String path) {
    if (!path.startsWith(API)) {
      return ApiRole.CLIENT;
    }
    String[] segments = path.substring(API.length()).split("/", -1);
    String first = segments[0];
    if (first.equals("admin")) {
      return ApiRole.ADMIN;
    }
    if (first.equals("batch")) {
      return ApiRole.OPERATOR;
    }
    boolean entity = first.equals("jobs") || first.equals("workers");
    if (entity && segments.length == 2 && segments[1].equals("bulk") && method.equals("POST")) {
      return ApiRole.OPERATOR;
    }
    if (first.equals("workers") && segments.length <= 2) {
      return ApiRole.OPERATOR;
    }
    return ApiRole.CLIENT;
  }
}
