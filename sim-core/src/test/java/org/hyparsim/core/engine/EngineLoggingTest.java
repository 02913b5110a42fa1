package org.hyparsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DSOL's logging, set up in code: warnings reach standard error as one line each, debug and info do not. */
class EngineLoggingTest {
    @Test
    void warningsOnlyOneLineEachOnStandardError() {
        new SimEngine("logging", () -> { }).run(); // DSOL's loggers made as a user's run makes them
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("org.example.Thing");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log.debug("not shown");
            log.info("not shown either");
            log.warn("shown {}", 42);
        } finally {
            System.setErr(err);
        }
        assertEquals("WARN Thing: shown 42" + System.lineSeparator(), captured.toString(StandardCharsets.UTF_8));
        captured.reset();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log.error("failed", new IllegalStateException("the cause"));
        } finally {
            System.setErr(err);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("ERROR Thing: failed", lines[0]);
        assertEquals("java.lang.IllegalStateException: the cause", lines[1]);
        assertTrue(lines[2].strip().startsWith("at org.hyparsim.core.engine.EngineLoggingTest"), lines[2]);
        assertEquals(ch.qos.logback.classic.Level.WARN, ((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory
                .getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }
}
