package dossier.parse.isolation;

/**
 * What the libraries may log. The parser libraries (POI, PDFBox, Tika, mime4j: all under {@code org.apache}) log
 * errors with stack traces for every broken file, which no publisher can act on and which scroll over the ingest's
 * progress: every file they fail on is a problem record already. So they log nothing, in the ingest and in its
 * workers, unless {@code -Dorg.slf4j.simpleLogger.log.org.apache=LEVEL} asks for more (in {@code DOSSIER_JAVA_OPTS},
 * and for the workers in {@code -Ddossier.parser.java-options}). The web server's (Javalin, Jetty) log ten lines of
 * versions and handlers as {@code serve} starts, before its own line with the address: they log warnings and errors
 * only, unless {@code -Dorg.slf4j.simpleLogger.log.io.javalin=info} (or {@code .org.eclipse.jetty=info}) asks.
 */
public final class Logs {
    private Logs() {}

    /** slf4j-simple's level for loggers under {@code org.apache}. */
    static final String LIBRARIES = "org.slf4j.simpleLogger.log.org.apache";
    /** slf4j-simple's levels for the web server's loggers. */
    static final String[] WEB = {"org.slf4j.simpleLogger.log.io.javalin", "org.slf4j.simpleLogger.log.org.eclipse.jetty"};

    /** Quiets the libraries in this JVM unless a level was asked for; call before the first logger is made. */
    public static void quietLibraries() {
        if (System.getProperty(LIBRARIES) == null) System.setProperty(LIBRARIES, "off");
        for (String web : WEB) if (System.getProperty(web) == null) System.setProperty(web, "warn");
    }
}
