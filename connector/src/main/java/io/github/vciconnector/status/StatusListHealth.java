package io.github.vciconnector.status;

import io.github.vciconnector.session.SessionStoreUnavailableException;
import io.github.vciconnector.session.StatusListStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code statusLists} health component: {@code WARNING} when the current list is filled beyond
 * {@code connector.status-list.warn-fill} and no next list can be created ({@code max-lists} reached), before
 * issuance stops. A status of its own, so the connector as a whole stays UP while it still issues.
 */
public final class StatusListHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "the current status list is nearly full and no next list can be created");

    private final StatusListStore store;
    private final StatusListProperties properties;

    public StatusListHealth(StatusListStore store, StatusListProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public Health health() {
        try {
            return check();
        } catch (SessionStoreUnavailableException e) {
            // The store's own component reports the outage; this one cannot tell the fill level meanwhile.
            return Health.unknown().withDetail("current_list", "store unavailable").build();
        }
    }

    private Health check() {
        var current = store.currentList().flatMap(store::read);
        if (current.isEmpty()) return Health.up().withDetail("current_list", "none yet").build();
        double fill = (double) current.get().allocated() / current.get().size();
        long lists = store.countLists();
        boolean nextPossible = properties.maxLists() == 0 || lists < properties.maxLists();
        var health = fill >= properties.warnFill() && !nextPossible ? Health.status(WARNING) : Health.up();
        return health.withDetail("current_list_fill", Math.round(fill * 1000) / 1000.0).withDetail("lists", lists)
                .withDetail("max_lists", properties.maxLists()).build();
    }
}
