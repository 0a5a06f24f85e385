package org.chargingmanager.eichrecht.internal.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.eichrecht.internal.crypto.KeyFormatException;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser;
import org.chargingmanager.eichrecht.internal.format.TransparencyXmlReader;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;

/**
 * {@code verify --public-key HEX|@FILE FILE|-}: checks every signed value in FILE (one per line,
 * or the transparency software's XML) against the given key and prints one line per value:
 * {@code VERIFIED}, {@code FAILED <reason>} or {@code UNVERIFIABLE <reason>}. Exit code 0 only
 * if there was at least one value and all verified; 1 otherwise; 2 for a usage error.
 */
public final class VerifyCommand {

    public static final int ALL_VERIFIED = 0;
    public static final int NOT_ALL_VERIFIED = 1;
    public static final int USAGE = 2;

    private static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;
    private static final String USAGE_TEXT = "usage: java -jar org.chargingmanager.eichrecht.jar verify "
            + "--public-key HEX|@FILE FILE|-\n"
            + "  FILE: signed meter values, one per line, or the transparency software's XML; - reads stdin";

    private record Item(String signedData, String accompanyingKey) {
    }

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("verify")) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String keyArgument = null;
        String input = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                keyArgument = args[++i];
            } else if (args[i].startsWith("--public-key=")) {
                keyArgument = args[i].substring("--public-key=".length());
            } else if (input == null && (!args[i].startsWith("--") || args[i].equals("-"))) {
                input = args[i];
            } else {
                err.println("unknown argument: " + args[i]);
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (input == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (keyArgument == null) {
            err.println("No --public-key given: nothing verified. A public key that comes with the data is never "
                    + "trusted on its own; give the meter's key from a trusted source (type plate, manufacturer, "
                    + "Federal Network Agency).");
            return USAGE;
        }
        try {
            String publicKey = readKey(keyArgument);
            List<Item> items = items(read(input, stdin));
            if (items.isEmpty()) {
                err.println("no signed values found in " + input);
                return NOT_ALL_VERIFIED;
            }
            SignedDataVerifier verifier = new SignedDataVerifier();
            boolean allVerified = true;
            for (Item item : items) {
                VerificationResult result = verifier.verify(item.signedData(), publicKey, item.accompanyingKey());
                out.println(line(result));
                allVerified &= result.status() == org.chargingmanager.api.eichrecht.VerificationStatus.VERIFIED;
            }
            return allVerified ? ALL_VERIFIED : NOT_ALL_VERIFIED;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
    }

    static String line(VerificationResult result) {
        switch (result.status()) {
            case VERIFIED:
                return "VERIFIED";
            case FAILED:
                return "FAILED " + result.reason();
            default:
                return "UNVERIFIABLE " + result.reason();
        }
    }

    private static String readKey(String argument) throws UsageException {
        String key = argument;
        if (argument.startsWith("@")) {
            try {
                key = Files.readString(Path.of(argument.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new UsageException("cannot read the public key file " + argument.substring(1) + ": " + e);
            }
        }
        try {
            PublicKeyParser.normalise(key);
        } catch (KeyFormatException e) {
            throw new UsageException("the public key cannot be used: " + e.getMessage());
        }
        return key.strip();
    }

    private static byte[] read(String input, InputStream stdin) throws UsageException {
        try (InputStream in = input.equals("-") ? stdin : Files.newInputStream(Path.of(input))) {
            byte[] bytes = in.readNBytes((int) MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new UsageException(input + " is larger than " + MAX_INPUT_BYTES / 1024 / 1024 + " MiB");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + input);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read " + input + ": " + e);
        }
    }

    private static List<Item> items(byte[] bytes) throws UsageException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        List<Item> items = new ArrayList<>();
        if (start.startsWith("<")) {
            try {
                for (TransparencyXmlReader.Value value : TransparencyXmlReader.read(new ByteArrayInputStream(bytes))) {
                    items.add(new Item(value.signedData(), value.publicKey()));
                }
            } catch (XMLStreamException | RuntimeException e) {
                throw new UsageException("the input looks like XML but cannot be read: " + e.getMessage());
            }
            return items;
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                items.add(new Item(line.strip(), null));
            }
        }
        return items;
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
