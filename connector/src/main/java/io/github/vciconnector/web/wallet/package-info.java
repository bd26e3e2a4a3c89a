/**
 * The wallet-facing endpoints (OID4VCI, OAuth, the well-known documents); every controller here is served on the
 * public port only.
 */
@ServedOn(Port.PUBLIC)
package io.github.vciconnector.web.wallet;

import io.github.vciconnector.web.port.Port;
import io.github.vciconnector.web.port.ServedOn;
