package dossier.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages, for requests refused before they reach Dossier's routes (a malformed or ambiguous URI):
 * the same security headers as every other response, and never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    JettyErrors() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        WebServer.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        super.generateResponse(request, response, code, message, null, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        WebServer.SECURITY_HEADERS.forEach(fields::put);
        return super.badMessageError(status, reason, fields);
    }
}
