package org.hyparsim.core.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging DSOL brings (logback-classic, through djutils), set up in code: warnings and
 * errors to standard error as "LEVEL logger: message", nothing below (without a set-up logback
 * logs at DEBUG to the console). Found by logback's service loader before any configuration
 * file is looked for, so no XML is read at start-up (parsing one took about 0.1 s of every
 * command that runs an engine).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class EngineLogging extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        ToStderr out = new ToStderr();
        out.setContext(context);
        out.setName("STDERR");
        out.start();
        root.addAppender(out);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** One line per event on standard error. */
    private static final class ToStderr extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            String name = e.getLoggerName();
            String line = e.getLevel() + " " + name.substring(name.lastIndexOf('.') + 1) + ": " + e.getFormattedMessage();
            if (e.getThrowableProxy() != null) {
                // with its cause's stack, as logback's pattern layouts print it
                line += System.lineSeparator() + ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy());
            }
            System.err.println(line);
        }
    }
}
