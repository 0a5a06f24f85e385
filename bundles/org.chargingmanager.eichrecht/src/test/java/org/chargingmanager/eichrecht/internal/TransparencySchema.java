package org.chargingmanager.eichrecht.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The transparency software's import schema ({@code src/test/resources/schema/transparency-values.xsd})
 * and the JDK's validator: a file that does not match throws with the validator's message
 * ({@code cvc-...}, line and column).
 */
public final class TransparencySchema {

    private static final Schema SCHEMA = load();

    private TransparencySchema() {
    }

    private static Schema load() {
        URL xsd = TransparencySchema.class.getResource("/schema/transparency-values.xsd");
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("the test schema does not load", e);
        }
    }

    public static void validate(byte[] xml) throws SAXException, IOException {
        Validator validator = SCHEMA.newValidator();
        validator.validate(new SAXSource(new InputSource(new ByteArrayInputStream(xml))));
    }

    /**
     * Validates a document as it streams in, without building it in memory.
     *
     * @return how many {@code value} elements it had
     */
    public static long validateStreaming(InputStream xml) throws Exception {
        ValidatorHandler handler = SCHEMA.newValidatorHandler();
        AtomicLong values = new AtomicLong();
        handler.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
                if ("value".equals(localName)) {
                    values.incrementAndGet();
                }
            }
        });
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(xml));
        return values.get();
    }
}
