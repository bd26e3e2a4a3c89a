package io.github.vciconnector.keys;

import io.github.vciconnector.jose.Es256;
import io.github.vciconnector.jose.Sha256;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PEM files and directories of one trust-anchor setting (DESIGN §11): every {@code CERTIFICATE} block in a listed
 * file, or in a {@code .pem}/{@code .crt}/{@code .cer} file of a listed directory, is an anchor. {@link #refresh()}
 * re-reads them off the request path and puts a changed set in force at once; a set that does not load (unreadable
 * file, no certificate, an expired one) is logged as ERROR and the last good set stays in force.
 */
public final class TrustAnchorFiles {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchorFiles.class);
    /** Bound on what one setting reads, so a mistaken path (a whole /etc) cannot eat the heap. */
    private static final long MAX_BYTES = 4 * 1024 * 1024;

    private final String setting;
    private final List<Path> paths;
    private final X509ChainValidator target;
    private final Clock clock;
    private String contents;
    private volatile Status status;

    /** What a health check or a test sees: when the set in force was loaded, and the last failure since, if any. */
    public record Status(int anchors, Instant loadedAt, Instant failedAt, String failure) {
        public boolean failing() {
            return failure != null;
        }
    }

    /**
     * Loads the files at startup into a new validator ({@link #validator()}).
     *
     * @throws IllegalArgumentException as {@link #read}, so a broken file at startup stops the startup
     */
    public TrustAnchorFiles(String setting, List<Path> paths, Clock clock) {
        this.setting = setting;
        this.paths = List.copyOf(paths);
        this.clock = clock;
        Map<Path, byte[]> files = files(setting, this.paths);
        this.target = new X509ChainValidator(load(setting, files, clock.instant()));
        this.contents = fingerprint(files);
        this.status = new Status(target.anchors().size(), clock.instant(), null, null);
    }

    /** The validator whose file anchors this keeps current. */
    public X509ChainValidator validator() {
        return target;
    }

    public String setting() {
        return setting;
    }

    public Status status() {
        return status;
    }

    /**
     * Reads the files again and, when their bytes changed, loads them and puts the new set in force.
     *
     * @return true when a new set was put in force
     */
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        String latest;
        List<X509Certificate> anchors;
        try {
            Map<Path, byte[]> files = files(setting, paths);
            latest = fingerprint(files);
            if (latest.equals(contents)) return false;
            anchors = load(setting, files, now);
        } catch (IllegalArgumentException e) {
            if (!status.failing() || !e.getMessage().equals(status.failure())) {
                log.error("TRUST ANCHORS NOT RELOADED: {}; the {} anchor(s) loaded at {} stay in force until the files are fixed",
                        e.getMessage(), status.anchors(), status.loadedAt());
            }
            status = new Status(status.anchors(), status.loadedAt(), now, e.getMessage());
            return false;
        }
        target.replaceAnchors(X509ChainValidator.FILES, anchors);
        contents = latest;
        status = new Status(anchors.size(), now, null, null);
        log.info("{}: {} trust anchor(s) reloaded", setting, anchors.size());
        return true;
    }

    /**
     * Every certificate of the files and directories, checked as at startup.
     *
     * @throws IllegalArgumentException naming the setting and the file when one is missing, unreadable, holds no
     *                                  certificate or an expired one
     */
    public static List<X509Certificate> read(String setting, List<Path> paths, Instant now) {
        return load(setting, files(setting, paths), now);
    }

    private static List<X509Certificate> load(String setting, Map<Path, byte[]> files, Instant now) {
        var anchors = new ArrayList<X509Certificate>();
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            String name = InvalidKeyConfigurationException.printable(file.getKey());
            List<X509Certificate> certificates = certificates(setting, name, file.getValue());
            for (X509Certificate anchor : certificates) {
                if (anchor.getNotAfter().toInstant().isBefore(now)) {
                    throw new IllegalArgumentException(setting + ": certificate "
                            + InvalidKeyConfigurationException.printable(anchor.getSubjectX500Principal().getName())
                            + " in " + name + " has expired");
                }
            }
            anchors.addAll(certificates);
        }
        return anchors;
    }

    /** The files to read, in a stable order: each listed file, and the certificate files of each listed directory. */
    private static Map<Path, byte[]> files(String setting, List<Path> paths) {
        var files = new LinkedHashMap<Path, byte[]>();
        long total = 0;
        for (Path path : paths) {
            String name = InvalidKeyConfigurationException.printable(path);
            List<Path> listed;
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    // Hidden entries are skipped: a Kubernetes ConfigMap mount keeps its previous version in ..data dirs
                    listed = entries.filter(TrustAnchorFiles::isCertificateFile).filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    throw new IllegalArgumentException(setting + ": directory " + name + " cannot be listed");
                }
                if (listed.isEmpty()) throw new IllegalArgumentException(setting + ": directory " + name + " holds no .pem, .crt or .cer file");
            } else {
                listed = List.of(path);
            }
            for (Path file : listed) {
                String fileName = InvalidKeyConfigurationException.printable(file);
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new IllegalArgumentException(setting + ": file " + fileName + " does not exist or is not readable");
                }
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    total += bytes.length;
                    if (total > MAX_BYTES) throw new IllegalArgumentException(setting + ": more than 4 MB of certificate files");
                    files.put(file, bytes);
                } catch (IOException e) {
                    throw new IllegalArgumentException(setting + ": file " + fileName + " does not exist or is not readable");
                }
            }
        }
        return files;
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"));
    }

    private static List<X509Certificate> certificates(String setting, String name, byte[] pem) {
        var certificates = new ArrayList<X509Certificate>();
        var converter = new JcaX509CertificateConverter().setProvider(Es256.PROVIDER);
        try (var parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.ISO_8859_1))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder) certificates.add(converter.getCertificate((X509CertificateHolder) o));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(setting + ": file " + name + " is not a valid PEM certificate file");
        }
        if (certificates.isEmpty()) throw new IllegalArgumentException(setting + ": file " + name + " holds no CERTIFICATE");
        return certificates;
    }

    /** The names and bytes read, hashed: a change of either is a change of the set. */
    private static String fingerprint(Map<Path, byte[]> files) {
        var all = new ByteArrayOutputStream();
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            all.writeBytes(file.getKey().toString().getBytes(StandardCharsets.UTF_8));
            all.write(0);
            all.writeBytes(Sha256.digest(file.getValue()));
        }
        return Base64.getUrlEncoder().encodeToString(Sha256.digest(all.toByteArray()));
    }
}
