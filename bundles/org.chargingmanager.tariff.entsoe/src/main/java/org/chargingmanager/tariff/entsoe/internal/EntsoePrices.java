package org.chargingmanager.tariff.entsoe.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.chargingmanager.api.tariff.PriceSlot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the Transparency Platform's day-ahead answer ({@code Publication_MarketDocument} with
 * {@code TimeSeries / Period / Point}) into price slots per kWh: pure, namespace-agnostic, no DTDs.
 * Only the SDAC sequence (position 1) is taken where a zone carries two; with curve type A03 a
 * position left out repeats the one before, up to the end of the period. Where a zone publishes
 * 15-minute and hourly series, the configured resolution wins.
 */
final class EntsoePrices {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmX");

    private EntsoePrices() {
    }

    /**
     * @param preferred the resolution to take where both are published
     * @throws IllegalArgumentException naming what is wrong, including ENTSO-E's own reason
     */
    static List<PriceSlot> parse(String xml, Duration preferred, double chargesPerKilowattHour, double vatPercent) {
        Element root = document(xml).getDocumentElement();
        if ("Acknowledgement_MarketDocument".equals(root.getLocalName())) {
            String reason = text(first(root, "text"));
            throw new IllegalArgumentException("ENTSO-E answered: " + (reason.isEmpty() ? "no data" : reason));
        }
        if (!"Publication_MarketDocument".equals(root.getLocalName())) {
            throw new IllegalArgumentException("the answer is not a Publication_MarketDocument but " + root.getLocalName());
        }
        Map<Duration, TreeMap<Instant, PriceSlot>> byResolution = new TreeMap<>();
        NodeList series = root.getElementsByTagNameNS("*", "TimeSeries");
        for (int s = 0; s < series.getLength(); s++) {
            Element timeSeries = (Element) series.item(s);
            Element sequence = first(timeSeries, "classificationSequence_AttributeInstanceComponent.position");
            if (sequence != null && !text(sequence).equals("1")) {
                continue;
            }
            boolean blocks = "A03".equals(text(first(timeSeries, "curveType")));
            NodeList periods = timeSeries.getElementsByTagNameNS("*", "Period");
            for (int p = 0; p < periods.getLength(); p++) {
                readPeriod((Element) periods.item(p), blocks, chargesPerKilowattHour, vatPercent, byResolution);
            }
        }
        TreeMap<Instant, PriceSlot> chosen = byResolution.containsKey(preferred) ? byResolution.get(preferred)
                : byResolution.values().stream().findFirst().orElse(new TreeMap<>());
        return new ArrayList<>(chosen.values());
    }

    private static void readPeriod(Element period, boolean blocks, double charges, double vatPercent,
            Map<Duration, TreeMap<Instant, PriceSlot>> byResolution) {
        Element interval = first(period, "timeInterval");
        Instant start = time(text(first(interval, "start")));
        Instant end = time(text(first(interval, "end")));
        Duration resolution;
        try {
            resolution = Duration.parse(text(first(period, "resolution")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text(first(period, "resolution")) + "' is not a resolution");
        }
        if (resolution.isZero() || resolution.isNegative() || !end.isAfter(start)) {
            throw new IllegalArgumentException("a period from " + start + " to " + end + " by " + resolution);
        }
        long positions = Duration.between(start, end).dividedBy(resolution);
        Map<Long, Double> prices = new TreeMap<>();
        NodeList points = period.getElementsByTagNameNS("*", "Point");
        for (int i = 0; i < points.getLength(); i++) {
            Element point = (Element) points.item(i);
            long position;
            double price;
            try {
                position = Long.parseLong(text(first(point, "position")));
                price = Double.parseDouble(text(first(point, "price.amount")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a point of the period from " + start + " is not a number");
            }
            if (position < 1 || position > positions || !Double.isFinite(price)) {
                throw new IllegalArgumentException("point " + position + " of the period from " + start
                        + " is outside it or not a price");
            }
            prices.put(position, price);
        }
        TreeMap<Instant, PriceSlot> slots = byResolution.computeIfAbsent(resolution, r -> new TreeMap<>());
        Double previous = null;
        for (long position = 1; position <= positions; position++) {
            Double price = prices.get(position);
            if (price == null && blocks) {
                price = previous;
            }
            previous = price;
            if (price == null) {
                continue; // not published: no price known there
            }
            Instant slotStart = start.plus(resolution.multipliedBy(position - 1));
            double perKilowattHour = (price / 1000 + charges) * (1 + vatPercent / 100);
            slots.putIfAbsent(slotStart, PriceSlot.importOnly(slotStart, slotStart.plus(resolution), perKilowattHour));
        }
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the answer is not XML");
        }
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        NodeList deeper = parent.getElementsByTagNameNS("*", localName);
        return deeper.getLength() == 0 ? null : (Element) deeper.item(0);
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent().trim();
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("'" + text + "' is not a time");
            }
        }
    }
}
