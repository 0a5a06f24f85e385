package org.chargingmanager.web.internal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message key the Java side can send with an error ({@code "code"}) has its German text in
 * the web UI's {@code i18n.js}, with no placeholder the server does not fill; and every text of
 * the page itself exists in English and in German. The keys are collected from the sources of
 * every bundle: the first argument of {@code UserMessage.of("key", english, args...)} and of the
 * OCPP server's certificate checks ({@code Rejected("key", field, english, args...)}). A key must
 * be written there as a literal (or literals of a {@code ? :}) for this test to see it.
 */
class ServerMessageKeysTest {

    private static final Path BUNDLES = Paths.get("").toAbsolutePath().getParent();
    private static final Path I18N = Paths.get("src/main/resources/ui/i18n.js");

    /** Calls that take a message key: the index of the key's argument and of its first placeholder value. */
    private static final Map<Pattern, int[]> CALLS = Map.of(
            Pattern.compile("\\bUserMessage\\.of\\("), new int[] {0, 2},
            Pattern.compile("\\bnew Rejected\\(|\\bServerCertificateImport\\.rejected\\("), new int[] {0, 3});

    /** The only files that write an error's {@code "code"} into JSON; a new one must be added here and above. */
    private static final List<String> WRITERS = List.of(
            "org.chargingmanager.web/src/main/java/org/chargingmanager/web/internal/i18n/Messages.java",
            "org.chargingmanager.api/src/main/java/org/chargingmanager/api/platform/UserMessage.java",
            "org.chargingmanager.runtime/src/main/java/org/chargingmanager/runtime/internal/RootServlet.java");

    record Site(String code, int values, String where) {
    }

    @Test
    void everyKeyTheServerSendsHasItsGermanText() throws IOException {
        List<Site> sites = sites();
        Map<String, String> german = serverMessages("de");

        Map<String, String> missing = new TreeMap<>();
        for (Site site : sites) {
            if (!german.containsKey(site.code())) {
                missing.putIfAbsent(site.code(), site.where());
            }
        }
        assertThat(missing).as("message keys without a German text in i18n.js (key=where it is sent)").isEmpty();

        List<String> placeholders = new ArrayList<>();
        for (Site site : sites) {
            int highest = highestPlaceholder(german.get(site.code()));
            if (site.values() >= 0 && highest >= site.values()) {
                placeholders.add(site.code() + " uses {" + highest + "} but " + site.where() + " gives " + site.values()
                        + " value(s)");
            }
        }
        assertThat(placeholders).as("placeholders the server does not fill").isEmpty();
    }

    @Test
    void theScanSeesTheKeysOfEveryBundleThatSendsThem() throws IOException {
        Map<String, TreeSet<String>> byBundle = new TreeMap<>();
        for (Site site : sites()) {
            byBundle.computeIfAbsent(site.where().substring(0, site.where().indexOf('/')), b -> new TreeSet<>()).add(site.code());
        }
        assertThat(byBundle).containsKeys("org.chargingmanager.web", "org.chargingmanager.billing",
                "org.chargingmanager.eichrecht", "org.chargingmanager.ocpp.server", "org.chargingmanager.runtime");
        assertThat(byBundle.get("org.chargingmanager.web")).contains("http.notFound", "expr.at", "value.tooLarge",
                "mode.unknown", "plan.badDeadline", "csrf");
        assertThat(byBundle.get("org.chargingmanager.ocpp.server")).contains("cert.badPkcs12", "ocpp.offline");
        assertThat(byBundle.get("org.chargingmanager.billing")).contains("user.exists", "log.badDate");
    }

    @Test
    void onlyTheKnownWritersPutACodeIntoAnAnswer() throws IOException {
        List<String> writers = new ArrayList<>();
        for (Path file : javaSources()) {
            String source = stripComments(Files.readString(file, StandardCharsets.UTF_8));
            if (source.matches("(?s).*(addProperty\\(\"code\"|\\\\\"code\\\\\"|put\\(\"code\").*")) {
                writers.add(BUNDLES.relativize(file).toString().replace('\\', '/'));
            }
        }
        assertThat(writers).as("files writing \"code\": the keys they send must reach this test's scan")
                .containsExactlyInAnyOrderElementsOf(WRITERS);
    }

    @Test
    void everyTextOfThePageExistsInEnglishAndGerman() throws IOException {
        Map<String, String> english = table("texts", "en");
        Map<String, String> german = table("texts", "de");
        assertThat(english).hasSizeGreaterThan(200);
        assertThat(new TreeSet<>(german.keySet())).as("German page texts").isEqualTo(new TreeSet<>(english.keySet()));
        for (Map.Entry<String, String> entry : english.entrySet()) {
            assertThat(highestPlaceholder(german.get(entry.getKey()))).as(entry.getKey())
                    .isEqualTo(highestPlaceholder(entry.getValue()));
        }
    }

    private static List<Site> sites() throws IOException {
        List<Site> sites = new ArrayList<>();
        for (Path file : javaSources()) {
            String source = stripComments(Files.readString(file, StandardCharsets.UTF_8));
            String where = BUNDLES.relativize(file).toString().replace('\\', '/');
            for (Map.Entry<Pattern, int[]> call : CALLS.entrySet()) {
                Matcher matcher = call.getKey().matcher(source);
                while (matcher.find()) {
                    List<String> args = arguments(source, matcher.end());
                    if (args.size() <= call.getValue()[0]) {
                        continue;
                    }
                    int line = source.substring(0, matcher.start()).split("\n", -1).length;
                    List<String> codes = literals(args.get(call.getValue()[0]));
                    if (codes == null) {
                        sites.add(new Site("(not a literal: " + args.get(call.getValue()[0]).strip() + ")", -1,
                                where + ":" + line));
                        continue;
                    }
                    int values = args.size() - call.getValue()[1];
                    if (args.size() > call.getValue()[1] && args.get(args.size() - 1).trim().endsWith("args")) {
                        values = -1; // passed on as an array: not countable here
                    }
                    for (String code : codes) {
                        sites.add(new Site(code, Math.max(values, -1), where + ":" + line));
                    }
                }
            }
        }
        return sites;
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(BUNDLES)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path main = bundle.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> walk = Files.walk(main)) {
                        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    /** The top-level arguments of the call whose '(' ends at {@code start}, as source text. */
    static List<String> arguments(String source, int start) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(source, i, Math.min(end + 1, source.length()));
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank()) {
                        args.add(current.toString());
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    /**
     * The string literals of an argument that is made of literals only (a key, or {@code cond ? "a" : "b"});
     * none for an argument without literals (a parameter passed on); null for one this scan cannot read (a
     * key put together at run time), which the test reports.
     */
    private static List<String> literals(String argument) {
        List<String> literals = new ArrayList<>();
        // of "cond ? a : b" only the branches are keys
        int question = argument.indexOf('?');
        String branches = question < 0 ? argument : argument.substring(question + 1);
        Matcher matcher = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(branches);
        while (matcher.find()) {
            literals.add(matcher.group(1));
        }
        String rest = matcher.replaceAll("").replaceAll("\\s", "");
        boolean keyOnly = rest.isEmpty() || question >= 0 && rest.equals(":");
        return keyOnly || literals.isEmpty() ? literals : null;
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static int highestPlaceholder(String text) {
        int highest = -1;
        Matcher matcher = Pattern.compile("\\{(\\d)}").matcher(text == null ? "" : text);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest;
    }

    private static Map<String, String> serverMessages(String language) throws IOException {
        return table("serverMessages", language);
    }

    /** The entries of {@code const NAME = { LANGUAGE: { 'key': 'text', ... } }} in i18n.js. */
    static Map<String, String> table(String name, String language) throws IOException {
        String script = Files.readString(I18N, StandardCharsets.UTF_8);
        int object = script.indexOf("const " + name + " = {");
        assertThat(object).as(name + " in i18n.js").isNotNegative();
        int start = script.indexOf(language + ": {", object);
        int end = script.indexOf("\n  }", start);
        String body = script.substring(start + language.length() + 3, end);
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?:'([^']+)'|([A-Za-z]\\w*))\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)'").matcher(body);
        while (matcher.find()) {
            entries.put(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), matcher.group(3));
        }
        return entries;
    }
}
