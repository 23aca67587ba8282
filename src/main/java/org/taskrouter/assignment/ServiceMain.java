package org.taskrouter.assignment;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. It hands the check of the request URI from Quarkus' HTTP layer to
 * {@code error/OversizedBodyGuard}: Quarkus refuses a URI that {@link java.net.URI} cannot parse ({@code /%G1})
 * with an empty-bodied 400 before any route runs, and offers no hook but this system property, read once when
 * its HTTP recorder is loaded, so it is set here, before Quarkus starts. The guard then makes the same check and
 * answers in the JSON error shape. The tests set it in the build ({@code pom.xml}), the native image at build
 * time ({@code quarkus.native.additional-build-args}).
 */
@QuarkusMain
public class ServiceMain {

    /** Read by Quarkus' {@code VertxHttpRecorder}: true skips its own URI check. */
    public static final String URI_CHECK_OFF = "vertx.disableURIValidation";

    public static void main(String... args) {
        if (System.getProperty(URI_CHECK_OFF) == null) {
            System.setProperty(URI_CHECK_OFF, "true");
        }
        Quarkus.run(args);
    }
}
