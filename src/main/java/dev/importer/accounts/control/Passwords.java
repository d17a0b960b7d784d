package dev.importer.accounts.control;

import dev.importer.accounts.entity.HashingAlgorithm;
import dev.importer.accounts.entity.Password;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes: the service's own (Argon2id of the password's hex SHA-256, see
 * {@link HashFunctions}), and the check of any stored hash, imported ones included. Many
 * passwords at once (an import's) are hashed on PASSWORD_HASHING_THREADS threads (default:
 * one per core) of the server's managed thread factory.
 */
@ApplicationScoped
public class Passwords {

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASHING_THREADS")
    Optional<Integer> configuredThreads;

    private ExecutorService hashingThreads;
    private int threads;

    /** Checked against when there is nothing to check, so that a wrong name costs what a wrong password does. */
    private PasswordHash decoy;

    @PostConstruct
    void start() {
        threads = Math.max(1, configuredThreads.orElse(Runtime.getRuntime().availableProcessors()));
        hashingThreads = Executors.newFixedThreadPool(threads, threadFactory);
        decoy = hash(PasswordDigest.ofClearText("decoy"));
    }

    @PreDestroy
    void stop() {
        hashingThreads.shutdownNow();
    }

    public PasswordHash hash(PasswordDigest password) {
        return HashFunctions.argon2id(password.bytes());
    }

    /**
     * Whether the presented password is the one behind the stored hash, and the service's own
     * hash to store instead when it matched a hash the service no longer makes. When there is
     * no hash, or this login did not send what the hash was made of (the clear text, for most
     * imported hashes), a decoy is checked instead. A check of a hash cheaper than the
     * service's own is followed by the decoy, or by the new hash: either way a login takes at
     * least one Argon2id, so that its time does not tell whether the user exists.
     */
    public PasswordCheck check(Password presented, Optional<PasswordHash> stored) {
        Optional<byte[]> input = stored.flatMap(hash -> presented.bytesFor(hash.algorithm()));
        if (input.isEmpty()) {
            HashFunctions.verify(decoy, presented.digest().bytes());
            return PasswordCheck.MISMATCH;
        }
        boolean matches = HashFunctions.verify(stored.get(), input.get());
        if (isCurrent(stored.get())) {
            return matches ? PasswordCheck.MATCH : PasswordCheck.MISMATCH;
        }
        if (!matches) {
            HashFunctions.verify(decoy, presented.digest().bytes());
            return PasswordCheck.MISMATCH;
        }
        return new PasswordCheck(true, Optional.of(hash(presented.digest())));
    }

    /** False for a hash the service does not make any more: it is replaced at the next login. */
    private static boolean isCurrent(PasswordHash stored) {
        return stored.algorithm() == HashingAlgorithm.ARGON2ID_SHA256
                && HashFunctions.hasCurrentParameters(stored.phc());
    }

    /** How many passwords are hashed at once: PASSWORD_HASHING_THREADS. */
    public int hashingThreads() {
        return threads;
    }

    /** Starts hashing the passwords on the hashing threads; take the hashes in order from the answer. */
    public HashesInOrder hashAll(List<PasswordDigest> passwords) {
        List<Future<PasswordHash>> hashes = new ArrayList<>(passwords.size());
        passwords.forEach(password -> hashes.add(hashingThreads.submit(() -> hash(password))));
        return new HashesInOrder(hashes);
    }
}
