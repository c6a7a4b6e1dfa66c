package org.ward.image.telemetry;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * The image's only {@code -javaagent}: attaches Microsoft's Application Insights Java agent when, and only when,
 * {@code APPLICATIONINSIGHTS_CONNECTION_STRING} is set. The image has no shell to decide that in its entrypoint, and
 * Microsoft's agent is not inert without a connection string: 3.5.3 prints a "startup failed" banner at ERROR and
 * costs seconds of start-up in every {@code ward} command. This does what the JVM does for {@code -javaagent} (append
 * the jar to the system class path, call its {@code Premain-Class}'s {@code premain}), before Ward's main, with this
 * agent's instrumentation, whose manifest grants the same capabilities as Microsoft's. Packed into its own small jar
 * by {@code ImageBuild}; it runs in the image's JVM, not in the builder's.
 */
public final class ApplicationInsightsGate {

    /** Microsoft's variable (docs/deploy-azure.md#telemetry-application-insights), not one of Ward's settings. */
    public static final String CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /** The {@code Premain-Class} of applicationinsights-agent-3.x.jar's manifest. */
    static final String AGENT_CLASS = "com.microsoft.applicationinsights.agent.Agent";

    private ApplicationInsightsGate() {
    }

    /** {@code -javaagent:<this jar>=<path of applicationinsights-agent-x.y.z.jar>}. */
    public static void premain(String agentJar, Instrumentation instrumentation) throws Exception {
        attach(System.getenv(CONNECTION_STRING), agentJar, instrumentation);
    }

    /** Whether the agent was attached: not without a connection string; the agent itself otherwise. */
    static boolean attach(String connectionString, String agentJar, Instrumentation instrumentation)
            throws Exception {
        if (connectionString == null || connectionString.isBlank()) {
            return false;
        }
        if (agentJar == null || !Files.isRegularFile(Path.of(agentJar))) {
            throw new IllegalStateException(CONNECTION_STRING + " is set but the Application Insights agent "
                    + agentJar + " is not in the image");
        }
        instrumentation.appendToSystemClassLoaderSearch(new JarFile(agentJar));
        Class<?> agent = Class.forName(AGENT_CLASS, true, ClassLoader.getSystemClassLoader());
        try {
            agent.getMethod("premain", String.class, Instrumentation.class).invoke(null, null, instrumentation);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return true;
    }
}
