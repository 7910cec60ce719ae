package dev.matching.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest application using the starter, for the web tests: auto-configuration only, no scanning. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {}
