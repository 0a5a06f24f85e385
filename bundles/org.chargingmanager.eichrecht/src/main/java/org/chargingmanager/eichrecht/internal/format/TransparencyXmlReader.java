package org.chargingmanager.eichrecht.internal.format;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the S.A.F.E. transparency software's XML ({@code <values><value><signedData>...
 * </signedData><publicKey>...</publicKey></value></values>}). External entities and DTDs are
 * switched off.
 */
public final class TransparencyXmlReader {

    /** One {@code value} element; the signed data is trimmed, as the transparency software does. */
    public record Value(String transactionId, String context, String format, String signedData, String publicKey) {
    }

    private TransparencyXmlReader() {
    }

    public static List<Value> read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(in);
        List<Value> values = new ArrayList<>();
        String transactionId = null;
        String context = null;
        String format = null;
        String signedData = null;
        String publicKey = null;
        try {
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    if (reader.getEventType() == XMLStreamConstants.END_ELEMENT
                            && reader.getLocalName().equals("value")) {
                        values.add(new Value(transactionId, context, format, signedData, publicKey));
                    }
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "value":
                        transactionId = reader.getAttributeValue(null, "transactionId");
                        context = reader.getAttributeValue(null, "context");
                        format = null;
                        signedData = null;
                        publicKey = null;
                        break;
                    case "signedData":
                    case "encodedData":
                        format = reader.getAttributeValue(null, "format");
                        signedData = reader.getElementText().strip();
                        break;
                    case "publicKey":
                        publicKey = reader.getElementText().strip();
                        break;
                    default:
                        break;
                }
            }
        } finally {
            reader.close();
        }
        return values;
    }
}
