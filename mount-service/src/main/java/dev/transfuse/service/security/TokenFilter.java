package dev.transfuse.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every /api call needs {@code Authorization: Bearer <token>}; anything else is a 401. */
@Component
@Order(1)
public class TokenFilter extends OncePerRequestFilter {
  private final ApiToken token;

  public TokenFilter(ApiToken token) {
    this.token = token;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res,
      FilterChain chain) throws ServletException, IOException {
    String header = req.getHeader("Authorization");
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim() : null;
    if (!token.matches(presented)) {
      res.setStatus(401);
      res.setHeader("WWW-Authenticate", "Bearer realm=\"transfuse\"");
      res.setContentType("application/problem+json");
      res.getWriter().write("{\"type\":\"https://transfuse.dev/problems/unauthorized\","
          + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
          + (presented == null ? "this API needs 'Authorization: Bearer <token>'; the token is"
              + " in the state dir's api-token file"
              : "the bearer token is not valid (rotated?)")
          + "\",\"instance\":\"" + req.getRequestURI().replace("\"", "") + "\"}");
      return;
    }
    chain.doFilter(req, res);
  }
}
