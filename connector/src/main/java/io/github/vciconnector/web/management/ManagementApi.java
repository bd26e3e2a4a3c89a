package io.github.vciconnector.web.management;

/** Marker for the management API package, used to scope error handling to it. */
public final class ManagementApi {

    private ManagementApi() {
    }
}
