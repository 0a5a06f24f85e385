package org.chargingmanager.web.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every settings form of every bundle has its texts in English and in German, so the German page
 * ({@code /api/v1/config?lang=de}) shows no English field: reads the metatype annotations of
 * {@code bundles/*&#47;src/main/java} (the sibling modules of this one) and the files they name.
 *
 * <p>Each {@code @ObjectClassDefinition} must name a {@code localization} base; its name and
 * description, each {@code @AttributeDefinition}'s name and description and each {@code @Option}'s
 * label must be a {@code %key} (not text); {@code <base>.properties} (English) and
 * {@code <base>_de.properties} (German) must both exist under {@code src/main/resources} of the
 * bundle, have exactly the keys the annotations use, and be ASCII (other characters as \\u
 * escapes: metatype reads them as ISO-8859-1). A German name or description must differ from
 * the English one, except for the few words that are the same in German ({@link #SAME_IN_GERMAN}).
 * Option labels may be equal (JSON, L1 L2 L3).
 */
class MetatypeTranslationsTest {

    /** Names that read the same in German; keep this list short. */
    static final Set<String> SAME_IN_GERMAN = Set.of("ID", "Name", "Host", "Port", "URL", "Format", "Variable");

    private static final Pattern ANNOTATION = Pattern
            .compile("@(?:[\\w$]+\\.)*(ObjectClassDefinition|AttributeDefinition|Option)\\s*\\(");
    private static final Pattern ELEMENT = Pattern.compile("(?<![\\w$.])(name|description|label|localization)\\s*=\\s*");
    private static final Pattern KEY = Pattern.compile("%[\\w.\\-]+");

    /** One localization base of one bundle and what the annotations ask of it. */
    private static final class Base {
        final Path directory;
        final String name;
        final Set<String> keys = new TreeSet<>();
        final Set<String> texts = new TreeSet<>();
        final Set<String> users = new TreeSet<>();

        Base(Path directory, String name) {
            this.directory = directory;
            this.name = name;
        }
    }

    @Test
    void everySettingsFormIsTranslatedToGerman() throws IOException {
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        assertThat(bundles.resolve("org.chargingmanager.core/src/main/java"))
                .as("the sibling bundles next to %s (run from the module directory)", Path.of("").toAbsolutePath())
                .isDirectory();

        List<String> problems = new ArrayList<>();
        Map<String, Base> bases = new TreeMap<>();
        List<Path> configurations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(bundles)) {
            for (Path module : modules.sorted().toList()) {
                Path java = module.resolve("src/main/java");
                if (!Files.isDirectory(java)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(java)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String text = Files.readString(file, StandardCharsets.UTF_8);
                        if (!text.contains("ObjectClassDefinition")) {
                            continue;
                        }
                        String source = withoutComments(text);
                        if (ANNOTATION.matcher(source).find()) {
                            configurations.add(file);
                            read(bundles.relativize(file).toString(), source, module, bases, problems);
                        }
                    }
                }
            }
        }
        assertThat(configurations).as("configurations found under %s", bundles)
                .anyMatch(file -> file.endsWith("LoadManagerConfig.java"));

        for (Base base : bases.values()) {
            check(base, problems);
        }
        assertThat(problems).as("metatype translations of %d configurations", configurations.size()).isEmpty();
    }

    /** Collects the keys of one file's metatype annotations, and literal texts as problems. */
    private static void read(String file, String source, Path module, Map<String, Base> bases, List<String> problems) {
        Matcher annotation = ANNOTATION.matcher(source);
        Base base = null;
        List<int[]> spans = new ArrayList<>();
        while (annotation.find()) {
            int open = annotation.end() - 1;
            int close = closing(source, open);
            String kind = annotation.group(1);
            spans.add(new int[] { open, close });
            String body = source.substring(open + 1, close);
            if (kind.equals("ObjectClassDefinition")) {
                String localization = value(body, "localization");
                if (localization == null) {
                    problems.add(file + ": @ObjectClassDefinition without localization = \"OSGI-INF/l10n/...\"");
                    return;
                }
                Path directory = module.resolve("src/main/resources");
                base = bases.computeIfAbsent(directory.resolve(localization).toString(),
                        key -> new Base(directory, localization));
                base.users.add(file);
            }
            if (!kind.equals("Option") && value(body, "name") == null) {
                problems.add(file + ": an @" + kind + " without a name (the generated name would be English)");
            }
        }
        if (base == null) {
            return;
        }
        Matcher element = ELEMENT.matcher(source);
        while (element.find()) {
            int at = element.start();
            if (spans.stream().noneMatch(span -> at > span[0] && at < span[1]) || element.group(1).equals("localization")) {
                continue;
            }
            int start = element.end();
            int line = 1 + (int) source.substring(0, at).chars().filter(c -> c == '\n').count();
            if (source.charAt(start) != '"') {
                problems.add(file + ":" + line + ": " + element.group(1) + " is not a \"%key\"");
                continue;
            }
            int end = endOfString(source, start);
            String text = source.substring(start + 1, end);
            String rest = source.substring(end + 1).stripLeading();
            if (!KEY.matcher(text).matches() || rest.startsWith("+")) {
                problems.add(file + ":" + line + ": " + element.group(1) + " is text, not a \"%key\": \"" + text + "\"");
                continue;
            }
            String key = text.substring(1);
            base.keys.add(key);
            if (!element.group(1).equals("label")) {
                base.texts.add(key);
            }
        }
    }

    /** Both files of a base: there, ASCII, the same keys as the annotations, German different from English. */
    private static void check(Base base, List<String> problems) throws IOException {
        Properties english = load(base, base.name + ".properties", problems);
        Properties german = load(base, base.name + "_de.properties", problems);
        if (english == null || german == null) {
            return;
        }
        String where = base.name + " (" + String.join(", ", base.users) + ")";
        for (String key : base.keys) {
            if (!english.containsKey(key)) {
                problems.add(where + ": key '" + key + "' missing in " + base.name + ".properties");
            }
            if (!german.containsKey(key)) {
                problems.add(where + ": key '" + key + "' missing in " + base.name + "_de.properties");
            }
        }
        for (Properties file : List.of(english, german)) {
            for (String key : file.stringPropertyNames()) {
                if (!base.keys.contains(key)) {
                    problems.add(where + ": key '" + key + "' in " + base.name
                            + (file == english ? "" : "_de") + ".properties is used by no annotation");
                }
            }
        }
        for (String key : base.texts) {
            String en = english.getProperty(key);
            String de = german.getProperty(key);
            if (de != null && de.isBlank()) {
                problems.add(where + ": German '" + key + "' is empty");
            } else if (en != null && en.equals(de) && !SAME_IN_GERMAN.contains(en)) {
                problems.add(where + ": German '" + key + "' is the English text: " + en);
            }
        }
    }

    private static Properties load(Base base, String name, List<String> problems) throws IOException {
        Path file = base.directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.add(base.directory.getParent().getParent().getParent().getFileName() + ": " + name
                    + " missing in src/main/resources (for " + String.join(", ", base.users) + ")");
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                problems.add(base.directory.getParent().getParent().getParent().getFileName() + ": " + name
                        + ": a character that is not ASCII at byte " + i + " (write it as a \\u escape)");
                break;
            }
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    /** The value of a string element of an annotation's body, or null when it has none. */
    private static String value(String body, String element) {
        Matcher matcher = Pattern.compile("(?<![\\w$.])" + element + "\\s*=\\s*").matcher(body);
        while (matcher.find()) {
            if (depth(body, matcher.start()) == 0) {
                int start = matcher.end();
                return body.charAt(start) == '"' ? body.substring(start + 1, endOfString(body, start)) : "";
            }
        }
        return null;
    }

    /** How deep in parentheses or braces a position of an annotation's body is (outside strings). */
    private static int depth(String body, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = body.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(body, i);
            } else if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            }
        }
        return depth;
    }

    /** The ')' that closes the '(' at open, skipping string and character literals. */
    private static int closing(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(source, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after position " + open);
    }

    /** The closing quote of the string or character literal that starts at start. */
    private static int endOfString(String source, int start) {
        char quote = source.charAt(start);
        for (int i = start + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated literal at position " + start);
    }

    /** The source with its comments blanked out (strings kept), so commented-out annotations do not count. */
    static String withoutComments(String source) {
        StringBuilder result = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfString(source, i);
                result.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    result.append(' ');
                    i++;
                }
                if (i < source.length()) {
                    result.append('\n');
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    result.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
                i--;
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
