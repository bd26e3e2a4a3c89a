package io.github.vciconnector.session.redis;

import io.github.vciconnector.session.AttemptCountersContract;
import io.github.vciconnector.session.AuthorizationStore;
import io.github.vciconnector.session.AuthorizationStoreContract;
import io.github.vciconnector.session.IdempotencyKeysContract;
import io.github.vciconnector.session.LeasesContract;
import io.github.vciconnector.session.OfferStoreContract;
import io.github.vciconnector.session.ServerSecrets;
import io.github.vciconnector.session.SingleUseCheckerContract;
import io.github.vciconnector.session.StatusListStore;
import io.github.vciconnector.session.StatusListStoreContract;
import io.github.vciconnector.session.StoreFixture;
import org.junit.jupiter.api.Nested;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Every port contract on the Redis adapter with a real Redis of one topology ({@link RedisTopology}), as two
 * replicas: two adapters on two connections sharing one unique key prefix. Time is real, because Redis expires keys
 * by its own clock. Subclasses name the topology and the shards and open the connections once per class.
 */
abstract class RedisStoreContracts implements StoreFixture {

    /** Both replicas have the same master secret, as an operator configures them. */
    static final ServerSecrets SECRETS = ServerSecrets.random(new SecureRandom());

    /** The two connections and stores of one test class. */
    record Replicas(String prefix, int shards, LettuceConnectionFactory a, LettuceConnectionFactory b,
                    RedisSessionStore storeA, RedisSessionStore storeB) {

        static Replicas open(RedisTopology topology, int shards) {
            String prefix = LocalRedis.uniquePrefix();
            var a = topology.connectionFactory();
            var b = topology.connectionFactory();
            // Connected before the first contract, whose short TTLs must not include finding the master
            LocalRedis.template(a).hasKey(prefix + "warm-up");
            LocalRedis.template(b).hasKey(prefix + "warm-up");
            return new Replicas(prefix, shards, a, b, store(a, prefix, shards), store(b, prefix, shards));
        }

        static RedisSessionStore store(LettuceConnectionFactory factory, String prefix, int shards) {
            return new RedisSessionStore(LocalRedis.template(factory), Clock.systemUTC(), RETENTION, prefix, shards, SECRETS,
                    new SecureRandom(), Duration.ofHours(24));
        }

        StringRedisTemplate redis() {
            return LocalRedis.template(a);
        }

        RedisKeys keys() {
            return new RedisKeys(prefix, shards);
        }

        void close() {
            LocalRedis.deleteKeys(redis(), prefix);
            a.destroy();
            b.destroy();
        }
    }

    protected abstract Replicas replicas();

    @Override
    public Object replica(int index) {
        return index == 0 ? replicas().storeA() : replicas().storeB();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** As the session key's TTL running out would: the indexes still name the offer. */
    @Override
    public void forget(String offerId) {
        replicas().redis().delete(replicas().keys().session(offerId));
    }

    @Override
    public void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Offers extends OfferStoreContract {
        @Override
        protected StoreFixture fixture() {
            return RedisStoreContracts.this;
        }
    }

    @Nested
    class SingleUse extends SingleUseCheckerContract {
        @Override
        protected StoreFixture fixture() {
            return RedisStoreContracts.this;
        }
    }

    @Nested
    class Attempts extends AttemptCountersContract {
        @Override
        protected StoreFixture fixture() {
            return RedisStoreContracts.this;
        }
    }

    @Nested
    class Lease extends LeasesContract {
        @Override
        protected StoreFixture fixture() {
            return RedisStoreContracts.this;
        }
    }

    @Nested
    class Idempotency extends IdempotencyKeysContract {
        @Override
        protected StoreFixture fixture() {
            return RedisStoreContracts.this;
        }
    }

    /** Status lists under their own hash tag {sl:<id>} (issue 12), on every topology: a CROSSSLOT here would fail. */
    @Nested
    class StatusLists extends StatusListStoreContract {
        @Override
        protected StatusListStore store(int replica) {
            return new RedisStatusListStore(LocalRedis.template(replica == 0 ? replicas().a() : replicas().b()),
                    Clock.systemUTC(), replicas().prefix());
        }
    }

    /** Authorizations of the authorization code flow (issue 14), one key {@code authorization:{<id>}} each. */
    @Nested
    class Authorizations extends AuthorizationStoreContract {
        @Override
        protected AuthorizationStore replica(int index) {
            return new RedisAuthorizationStore(LocalRedis.template(index == 0 ? replicas().a() : replicas().b()),
                    Clock.systemUTC(), replicas().prefix());
        }

        @Override
        protected Clock clock() {
            return Clock.systemUTC();
        }
    }
}
