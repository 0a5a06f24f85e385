package org.chargingmanager.web.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *
 * <p>An attribute whose type is an enum gets its options from bnd, one per constant, labelled with the
 * constant's name ({@code GRID}, {@code L1_L2_L3}) in every language unless the annotation lists them:
 * {@link #everyEnumAttributeHasALabelledOptionPerConstant()} reads the enum's source (in this repository)
 * and wants an {@code @Option} with a {@code %key} label for every constant, in the enum's order.
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

    @Test
    void everyEnumAttributeHasALabelledOptionPerConstant() throws IOException {
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        assertThat(bundles.resolve("org.chargingmanager.api/src/main/java"))
                .as("the sibling bundles next to %s (run from the module directory)", Path.of("").toAbsolutePath())
                .isDirectory();

        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(bundles)) {
            for (Path module : modules.sorted().toList()) {
                Path java = module.resolve("src/main/java");
                if (!Files.isDirectory(java)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(java)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        sources.put(bundles.relativize(file).toString(),
                                withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        Types types = new Types();
        sources.values().forEach(types::index);
        assertThat(types.enums).as("enums found under %s", bundles)
                .containsEntry("org.chargingmanager.api.meter.MeterRole",
                        List.of("GRID", "PV", "STORAGE", "CONSUMER", "SUBDISTRIBUTION"))
                .containsKey("org.chargingmanager.modbus.ModbusEndpoint.Parity");

        List<String> problems = new ArrayList<>();
        int[] checked = { 0 };
        sources.forEach((file, source) -> {
            if (ANNOTATION.matcher(source).find() && source.contains("ObjectClassDefinition")) {
                problems.addAll(enumOptionProblems(file, source, types, checked));
            }
        });
        assertThat(checked[0]).as("enum attributes found (29 when this test was written)").isGreaterThanOrEqualTo(29);
        assertThat(problems).as("options of the %d enum attributes", checked[0]).isEmpty();
    }

    @Test
    void theEnumCheckReportsAMissingOrUnlabelledConstant() {
        Types types = new Types();
        types.index("package a;\npublic enum Colour {\n    @Deprecated RED, GREEN(1) { }, BLUE;\n    Colour() { }\n"
                + "    Colour(int i) { }\n    enum Shade { LIGHT, DARK }\n}\n");
        types.index("package a;\npublic class Holder { public record Box(int size) { } }\n");
        String config = """
                package b;
                import a.Colour;
                import a.Holder;
                @ObjectClassDefinition(localization = "OSGI-INF/l10n/c", name = "%name")
                public @interface C {
                    @AttributeDefinition(name = "%all.name", options = { @Option(label = "%all.option.RED", value = "RED"),
                            @Option(label = "%all.option.GREEN", value = "GREEN"), @Option(label = "%all.option.BLUE", value = "BLUE") })
                    Colour all() default Colour.RED;
                    @AttributeDefinition(name = "%none.name")
                    Colour none();
                    @AttributeDefinition(name = "%twoOfThree.name", options = { @Option(label = "%x.RED", value = "RED"),
                            @Option(label = "%x.BLUE", value = "BLUE") })
                    Colour twoOfThree();
                    @AttributeDefinition(name = "%text.name", options = { @Option(label = "%x.RED", value = "RED"),
                            @Option(label = "Green", value = "GREEN"), @Option(label = "%x.BLUE", value = "BLUE") })
                    Colour text();
                    @AttributeDefinition(name = "%nested.name", options = @Option(label = "%x.ON", value = "ON"))
                    Mode nested();
                    @AttributeDefinition(name = "%shades.name")
                    Colour.Shade[] shades();
                    @AttributeDefinition(name = "%count.name")
                    int count();
                    @AttributeDefinition(name = "%box.name")
                    Holder.Box box();
                    @AttributeDefinition(name = "%unknown.name")
                    java.time.DayOfWeek unknown();
                    enum Mode { ON, OFF }
                }
                """;
        types.index(config);
        List<String> problems = enumOptionProblems("C.java", config, types, new int[1]);
        assertThat(problems).hasSize(6);
        assertThat(problems.get(0)).startsWith("C.java:10: none() returns the enum a.Colour")
                .contains("without options").contains("RED, GREEN, BLUE");
        assertThat(problems.get(1)).startsWith("C.java:13: twoOfThree()").contains("[RED, BLUE]")
                .contains("[RED, GREEN, BLUE]");
        assertThat(problems.get(2)).startsWith("C.java:16: text()").contains("GREEN").contains("\"Green\"");
        assertThat(problems.get(3)).startsWith("C.java:18: nested()").contains("b.C.Mode").contains("[ON, OFF]");
        assertThat(problems.get(4)).startsWith("C.java:20: shades()").contains("a.Colour.Shade");
        assertThat(problems.get(5)).startsWith("C.java:26: unknown()").contains("java.time.DayOfWeek");
    }

    /** The types declared under bundles/*&#47;src/main/java: all by qualified name, enums with their constants. */
    static final class Types {
        final Set<String> all = new HashSet<>();
        final Map<String, List<String>> enums = new HashMap<>();
        /** Per source: the qualified names of the types it declares, by simple name. */
        final Map<String, Map<String, List<String>>> declared = new HashMap<>();

        /** Adds the types of one source (without comments). */
        void index(String source) {
            String code = withoutStrings(source);
            Matcher packageName = PACKAGE.matcher(code);
            String prefix = packageName.find() ? packageName.group(1) + "." : "";
            List<int[]> bodies = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher type = TYPE.matcher(code);
            Map<String, List<String>> here = declared.computeIfAbsent(source, key -> new HashMap<>());
            while (type.find()) {
                int open = openingBrace(code, type.end());
                if (open < 0) {
                    continue;
                }
                int close = closingBrace(code, open);
                StringBuilder qualified = new StringBuilder(prefix);
                for (int i = 0; i < bodies.size(); i++) {
                    if (bodies.get(i)[0] < type.start() && type.start() < bodies.get(i)[1]) {
                        qualified.append(names.get(i)).append('.');
                    }
                }
                String name = qualified + type.group(2);
                bodies.add(new int[] { open, close });
                names.add(type.group(2));
                all.add(name);
                here.computeIfAbsent(type.group(2), key -> new ArrayList<>()).add(name);
                if (type.group(1).equals("enum")) {
                    enums.put(name, constants(code.substring(open + 1, close)));
                }
            }
        }

        /** The qualified name of a type as a source names it, or null when it is not declared in the repository. */
        String resolve(String source, String written) {
            int dot = written.indexOf('.');
            String first = dot < 0 ? written : written.substring(0, dot);
            String rest = dot < 0 ? "" : written.substring(dot);
            Matcher packageName = PACKAGE.matcher(source);
            String prefix = packageName.find() ? packageName.group(1) + "." : "";
            List<String> candidates = new ArrayList<>(declared.getOrDefault(source, Map.of()).getOrDefault(first, List.of()));
            List<String> wildcards = new ArrayList<>();
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String imported = imports.group(1);
                if (imports.group(2) != null) {
                    wildcards.add(imported + "." + first);
                } else if (imported.endsWith("." + first)) {
                    candidates.add(imported);
                }
            }
            candidates.add(prefix + first);
            candidates.addAll(wildcards);
            candidates.add(first);
            for (String candidate : candidates) {
                if (all.contains(candidate + rest)) {
                    return candidate + rest;
                }
            }
            return null;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("(?<![\\w$.])package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?<![\\w$.])import\\s+(?!static\\s)([\\w$.]+?)(\\.\\*)?\\s*;");
    private static final Pattern TYPE = Pattern
            .compile("(?<![\\w$.])(@\\s*interface|class|interface|enum|record)\\s+([\\w$]+)");
    private static final Pattern METHOD = Pattern
            .compile("\\s*([\\w$.]+)\\s*(?:<[^>]*>)?((?:\\s*\\[\\s*\\])*)\\s+([\\w$]+)\\s*\\(\\s*\\)");
    private static final Set<String> NOT_ENUMS = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double", "String", "java.lang.String", "Class", "java.lang.Class");

    /**
     * Checks the attributes of one configuration whose type is an enum (or an array of one): options for every
     * constant, in the enum's order, with a "%key" label; counts them in checked[0].
     */
    static List<String> enumOptionProblems(String file, String source, Types types, int[] checked) {
        List<String> problems = new ArrayList<>();
        Matcher annotation = ANNOTATION.matcher(source);
        while (annotation.find()) {
            if (!annotation.group(1).equals("AttributeDefinition")) {
                continue;
            }
            int open = annotation.end() - 1;
            int close = closing(source, open);
            String body = source.substring(open + 1, close);
            int after = skipAnnotations(source, close + 1);
            Matcher method = METHOD.matcher(source).region(after, source.length());
            if (!method.lookingAt()) {
                continue;
            }
            String written = method.group(1);
            String name = method.group(3) + "()";
            int line = 1 + (int) source.substring(0, method.start(3)).chars().filter(c -> c == '\n').count();
            String where = file + ":" + line + ": " + name;
            if (NOT_ENUMS.contains(written)) {
                continue;
            }
            String type = types.resolve(source, written);
            if (type == null) {
                problems.add(where + " returns " + written + ", which is not declared under bundles/*/src/main/java;"
                        + " if it is an enum, its constants cannot be checked here");
                continue;
            }
            List<String> constants = types.enums.get(type);
            if (constants == null) {
                continue;
            }
            checked[0]++;
            Map<String, String> options = options(body);
            if (options == null) {
                problems.add(where + " returns the enum " + type + " without options: the form would show "
                        + String.join(", ", constants) + " untranslated; add options = { @Option(label = \"%"
                        + method.group(3) + ".option." + constants.get(0) + "\", value = \"" + constants.get(0)
                        + "\"), ... } and the keys to both properties files");
                continue;
            }
            if (!new ArrayList<>(options.keySet()).equals(constants)) {
                problems.add(where + " returns the enum " + type + " whose constants are " + constants
                        + ", but its options are " + options.keySet()
                        + " (one per constant, in the enum's order, values exactly the constants)");
            }
            options.forEach((value, label) -> {
                if (label == null || !label.startsWith("%")) {
                    problems.add(where + ": the option " + value + " has no \"%key\" label: "
                            + (label == null ? "none" : "\"" + label + "\""));
                }
            });
        }
        return problems;
    }

    /** An @AttributeDefinition's options, value to label, in their order; null without options. */
    private static Map<String, String> options(String body) {
        Matcher element = Pattern.compile("(?<![\\w$.])options\\s*=\\s*").matcher(body);
        while (element.find()) {
            if (depth(body, element.start()) != 0) {
                continue;
            }
            int start = element.end();
            int end = body.charAt(start) == '{' ? closingBrace(body, start)
                    : closing(body, body.indexOf('(', start));
            String list = body.substring(start, end + 1);
            Map<String, String> options = new LinkedHashMap<>();
            Matcher option = ANNOTATION.matcher(list);
            while (option.find()) {
                int open = option.end() - 1;
                String optionBody = list.substring(open + 1, closing(list, open));
                options.put(String.valueOf(value(optionBody, "value")), value(optionBody, "label"));
            }
            return options;
        }
        return null;
    }

    /** The constants of an enum's body: the names before the first ';' (or the end) at depth 0. */
    private static List<String> constants(String body) {
        List<String> constants = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ';';
            if (c == '"' || c == '\'') {
                i = endOfString(body, i);
            } else if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';')) {
                String constant = body.substring(start, i).replaceAll("@[\\w$.]+(\\s*\\([^)]*\\))?", "").strip();
                Matcher identifier = Pattern.compile("^[\\w$]+").matcher(constant);
                if (identifier.find()) {
                    constants.add(identifier.group());
                }
                start = i + 1;
                if (c == ';') {
                    break;
                }
            }
        }
        return constants;
    }

    /** The position after the annotations (and white space) that start at position. */
    private static int skipAnnotations(String source, int position) {
        int i = position;
        while (true) {
            while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            if (i >= source.length() || source.charAt(i) != '@' || source.startsWith("@interface", i)) {
                return i;
            }
            i++;
            while (i < source.length() && (Character.isJavaIdentifierPart(source.charAt(i)) || source.charAt(i) == '.')) {
                i++;
            }
            int next = i;
            while (next < source.length() && Character.isWhitespace(source.charAt(next))) {
                next++;
            }
            if (next < source.length() && source.charAt(next) == '(') {
                i = closing(source, next) + 1;
            }
        }
    }

    /** The '{' that opens the body of a type declared before position, or -1 if a ';' or '=' comes first. */
    private static int openingBrace(String source, int position) {
        for (int i = position; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(source, i);
            } else if (c == '(') {
                i = closing(source, i);
            } else if (c == '{') {
                return i;
            } else if (c == ';' || c == '=' || c == ')') {
                return -1;
            }
        }
        return -1;
    }

    /** The '}' that closes the '{' at open, skipping string and character literals. */
    private static int closingBrace(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(source, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after position " + open);
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

    /** The (last) closing quote of the string, text block or character literal that starts at start. */
    private static int endOfString(String source, int start) {
        if (source.startsWith("\"\"\"", start)) {
            for (int i = start + 3; i < source.length(); i++) {
                if (source.charAt(i) == '\\') {
                    i++;
                } else if (source.startsWith("\"\"\"", i)) {
                    return i + 2;
                }
            }
            throw new IllegalArgumentException("unterminated text block at position " + start);
        }
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

    /** The source with the insides of its string and character literals blanked out (positions kept). */
    static String withoutStrings(String source) {
        StringBuilder result = new StringBuilder(source);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfString(source, i);
                boolean textBlock = source.startsWith("\"\"\"", i);
                for (int j = textBlock ? i + 3 : i + 1; j < (textBlock ? end - 2 : end); j++) {
                    if (source.charAt(j) != '\n') {
                        result.setCharAt(j, ' ');
                    }
                }
                i = end;
            }
        }
        return result.toString();
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
