package org.chargingmanager.eichrecht;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.eichrecht.internal.codec.Base32;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.KeyFormatException;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser;
import org.chargingmanager.eichrecht.internal.format.SignedDataFormat;
import org.chargingmanager.eichrecht.internal.format.SignedDataUnwrapper;

/**
 * Streams signed meter values as the S.A.F.E. transparency software's XML import format:
 *
 * <pre>{@code
 * <values>
 *   <value transactionId="17" context="Transaction.Begin">
 *     <publicKey encoding="hex">3059...</publicKey>
 *     <signedData format="OCMF" encoding="plain">OCMF|...|...</signedData>
 *   </value>
 * </values>
 * }</pre>
 *
 * <p>Elements and attributes are exactly those of the software's schema {@code values.xsd}, in
 * its order: {@code publicKey} (optional) before {@code signedData}. Its prose description
 * (XML_Format.md) also names a {@code transactionId} attribute of {@code signedData}; the schema
 * does not allow it, so it is not written: the session's id is the {@code transactionId} of
 * {@code value}.
 *
 * One {@code value} per stored signed value, in the order received; the data is written without
 * its OCPP wrapping (hex, OCA JSON container) but otherwise byte for byte. The public key is the
 * charging point's trusted key, never one that came with the data; without one the element is
 * left out and the user enters the key in the software. Transactions are written as they come,
 * so any number fits in constant memory. Not thread safe.
 */
public final class TransparencyXmlWriter implements AutoCloseable {

    private final XMLStreamWriter xml;
    private final Function<String, String> trustedKeyOfEvse;
    private final ExportSelection selection;

    /**
     * @param trustedKeyOfEvse the stored public key of a charging point, or {@code null}
     * @param selection only these transactions are written; {@code null} for every one given
     */
    public TransparencyXmlWriter(OutputStream out, Function<String, String> trustedKeyOfEvse,
            ExportSelection selection) throws XMLStreamException {
        this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        this.trustedKeyOfEvse = trustedKeyOfEvse;
        this.selection = selection;
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("values");
        xml.writeCharacters("\n");
    }

    /** Writes every transaction of {@code transactions} in the selection, then closes the document. */
    public static void writeAll(OutputStream out, Iterator<Transaction> transactions,
            Function<String, String> trustedKeyOfEvse, ExportSelection selection) throws XMLStreamException {
        try (TransparencyXmlWriter writer = new TransparencyXmlWriter(out, trustedKeyOfEvse, selection)) {
            while (transactions.hasNext()) {
                writer.write(transactions.next());
            }
        }
    }

    /** Writes the transaction's signed values, if it is in the selection. */
    public void write(Transaction transaction) throws XMLStreamException {
        if (selection != null && !selection.includes(transaction)) {
            return;
        }
        String publicKey = hexKey(trustedKeyOfEvse.apply(transaction.evseId()));
        for (SignedMeterValue value : transaction.signedMeterValues()) {
            if (value.rawData() == null || value.rawData().isEmpty()) {
                continue; // a rejection marker: the rejected data itself is not billing data
            }
            String data = SignedDataUnwrapper.unwrap(value.rawData()).data();
            xml.writeCharacters("  ");
            xml.writeStartElement("value");
            xml.writeAttribute("transactionId", Long.toString(transaction.id()));
            if (value.context() != null) {
                xml.writeAttribute("context", value.context());
            }
            if (publicKey != null) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("publicKey");
                xml.writeAttribute("encoding", "hex");
                xml.writeCharacters(publicKey);
                xml.writeEndElement();
            }
            xml.writeCharacters("\n    ");
            xml.writeStartElement("signedData");
            SignedDataFormat format = SignedDataFormat.detect(data);
            if (format != SignedDataFormat.UNKNOWN) {
                xml.writeAttribute("format", format.name());
            }
            xml.writeAttribute("encoding", "plain");
            xml.writeCharacters(data);
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
    }

    /** Ends the document and flushes; does not close the underlying stream. */
    @Override
    public void close() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static String hexKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return PublicKeyParser.normalise(key);
        } catch (KeyFormatException e) {
            byte[] bytes = Hex.decodeLenient(key);
            if (bytes == null) {
                bytes = Base32.decode(key.strip()); // Alfen's compressed point; the software reads hex
            }
            return bytes == null ? null : Hex.encode(bytes);
        }
    }
}
