/** The management API; every controller here is served on the management port only. */
@ServedOn(Port.MANAGEMENT)
package io.github.vciconnector.web.management;

import io.github.vciconnector.web.port.Port;
import io.github.vciconnector.web.port.ServedOn;
