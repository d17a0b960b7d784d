package dev.importer.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Chromium and chromedriver on this machine, for the browser test: CHROMIUM and
 * CHROMEDRIVER when set, else Debian's, Ubuntu's or Google's where they install them, else
 * the first on the PATH. Where there is none, the test is skipped and says how to get one;
 * under CI (CI set) it fails instead, since CI installs them.
 */
record LocalChromium(Path browser, Path driver) {

    private static final String HOW_TO_GET_ONE = "install Debian's chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver), or set CHROMIUM and CHROMEDRIVER to a Chromium and its driver";

    static LocalChromium findOrSkip() {
        Optional<Path> browser = find("CHROMIUM", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"),
                List.of("chromium", "chromium-browser", "google-chrome"));
        Optional<Path> driver = find("CHROMEDRIVER", List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
                "/usr/lib/chromium-browser/chromedriver"), List.of("chromedriver"));
        if (browser.isEmpty() || driver.isEmpty()) {
            String missing = (browser.isEmpty() ? "no Chromium" : "no chromedriver") + " found: " + HOW_TO_GET_ONE;
            if (System.getenv("CI") != null) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        return new LocalChromium(browser.get(), driver.get());
    }

    private static Optional<Path> find(String variable, List<String> usualPlaces, List<String> names) {
        String chosen = System.getenv(variable);
        if (chosen != null && !chosen.isEmpty()) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(folder -> !folder.isEmpty())
                .flatMap(folder -> names.stream().map(name -> Path.of(folder, name)));
        return Stream.concat(usualPlaces.stream().map(Path::of), onPath).filter(Files::isExecutable).findFirst();
    }
}
