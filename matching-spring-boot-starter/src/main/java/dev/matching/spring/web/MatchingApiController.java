package dev.matching.spring.web;

/**
 * Marks the controllers of the matching API, whose errors {@link ProblemHandler} answers as
 * problem+json; controllers of other packages (such as the admin endpoints) implement it too.
 */
public interface MatchingApiController {}
