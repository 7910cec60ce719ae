package dev.matching.spring.web;

/**
 * One problem with one field of a request: the field's JSON path ({@code shifts[2].end}) and
 * what is wrong with it. Immutable.
 *
 * @param field JSON path of the field
 * @param message what is wrong, with the rejected value where it helps
 */
public record FieldError(String field, String message) {}
