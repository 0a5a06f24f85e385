package org.chargingmanager.core.internal.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.plan.PlannedSlot;
import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.api.tariff.PriceSlot;

/**
 * Plans when cars with a deadline charge: a pure function of the site, the prices, the PV
 * forecast and the plans.
 *
 * <p>Time is cut into 15-minute slots from now (the first one up to the next quarter hour) up to
 * the latest deadline, at most {@link #HORIZON} ahead. Plans are made one after the other: higher
 * priority first, then the earlier deadline. Each takes the cheapest slots before its deadline
 * that still have room for at least its minimum current, as much as it may in each, until its
 * energy is planned; the last slot gets only the current it needs. A slot's room is what the house
 * connection leaves on each of the car's phases after the house's own load and the plans made
 * before, within the total power limit and the unbalanced-load limit. A slot where the PV forecast
 * leaves at least the car's minimum power over counts at the feed-in price (that energy would be
 * sold otherwise); a slot without a known price comes after all slots with one, and among equal
 * prices the earlier slot comes first, so without any tariff a plan charges as soon as it can. A
 * plan that does not fit takes every slot it can and says why.
 */
public final class Planner {

    /** How far ahead slots are planned. */
    public static final Duration HORIZON = Duration.ofHours(72);
    static final Duration SLOT = Duration.ofMinutes(15);
    private static final double MILLIAMPS_PER_AMP = 1000;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private Planner() {
    }

    /**
     * @param prices the tariff's forecast, possibly empty
     * @param solar the PV forecast, possibly empty
     * @param zone the site's time zone, for the words of the reasons
     * @return one outcome per plan, in the order of {@code demands}
     */
    public static Map<String, PlanOutcome> plan(Instant now, PlanningSite site, List<PriceSlot> prices,
            List<SolarSlot> solar, List<PlanDemand> demands, ZoneId zone) {
        Instant latest = now;
        for (PlanDemand demand : demands) {
            latest = demand.deadline().isAfter(latest) ? demand.deadline() : latest;
        }
        List<Slot> slots = slots(now, min(latest, now.plus(HORIZON)), prices, solar, site);

        List<PlanDemand> order = new ArrayList<>(demands);
        order.sort(Comparator.comparingInt(PlanDemand::priority).reversed().thenComparing(PlanDemand::deadline)
                .thenComparing(PlanDemand::evseId));
        Map<String, PlanOutcome> planned = new LinkedHashMap<>();
        for (PlanDemand demand : order) {
            planned.put(demand.evseId(), planOne(demand, now, slots, site, zone));
        }
        Map<String, PlanOutcome> inInputOrder = new LinkedHashMap<>();
        for (PlanDemand demand : demands) {
            inInputOrder.put(demand.evseId(), planned.get(demand.evseId()));
        }
        return inInputOrder;
    }

    /** One slot of the horizon and what is planned in it so far. */
    private static final class Slot {
        final Instant start;
        final Instant end;
        final double importPrice;
        final double feedInPrice;
        double solarLeftWatts;
        final int[] plannedMilliamps = new int[3];
        double plannedWatts;

        Slot(Instant start, Instant end, double importPrice, double feedInPrice, double solarLeftWatts) {
            this.start = start;
            this.end = end;
            this.importPrice = importPrice;
            this.feedInPrice = feedInPrice;
            this.solarLeftWatts = solarLeftWatts;
        }
    }

    /** A slot as one plan may use it. */
    private record Candidate(Slot slot, Instant end, double hours, int roomMilliamps, double price, boolean fromSolar) {
    }

    private static List<Slot> slots(Instant now, Instant until, List<PriceSlot> prices, List<SolarSlot> solar,
            PlanningSite site) {
        List<Slot> slots = new ArrayList<>();
        long slotSeconds = SLOT.toSeconds();
        Instant start = now;
        int priceIndex = 0;
        int solarIndex = 0;
        while (start.isBefore(until)) {
            Instant boundary = Instant.ofEpochSecond((start.getEpochSecond() / slotSeconds + 1) * slotSeconds);
            while (priceIndex < prices.size() && !prices.get(priceIndex).end().isAfter(start)) {
                priceIndex++;
            }
            while (solarIndex < solar.size() && !solar.get(solarIndex).end().isAfter(start)) {
                solarIndex++;
            }
            PriceSlot price = priceIndex < prices.size() && prices.get(priceIndex).contains(start)
                    ? prices.get(priceIndex) : null;
            SolarSlot sun = solarIndex < solar.size() && !solar.get(solarIndex).start().isAfter(start)
                    ? solar.get(solarIndex) : null;
            double importPrice = price == null ? Double.NaN : price.importPricePerKilowattHour();
            double feedIn = price == null || Double.isNaN(price.feedInPricePerKilowattHour()) ? 0
                    : price.feedInPricePerKilowattHour();
            double solarLeft = sun == null ? 0 : Math.max(0, sun.powerWatts() - site.basePowerWatts());
            slots.add(new Slot(start, boundary, importPrice, feedIn, solarLeft));
            start = boundary;
        }
        return slots;
    }

    private static PlanOutcome planOne(PlanDemand demand, Instant now, List<Slot> slots, PlanningSite site, ZoneId zone) {
        if (!demand.deadline().isAfter(now)) {
            return new PlanOutcome(demand.evseId(), false, "the deadline has passed", List.of(), 0, Double.NaN);
        }
        int phases = demand.gridPhases().size();
        double wattsPerMilliamp = phases * site.volts() / MILLIAMPS_PER_AMP;
        double minimumWatts = demand.minMilliamps() * wattsPerMilliamp;
        List<Candidate> candidates = new ArrayList<>();
        double mostPossibleWattHours = 0;
        for (Slot slot : slots) {
            if (!slot.start.isBefore(demand.deadline())) {
                break;
            }
            Instant end = min(slot.end, demand.deadline());
            double hours = Duration.between(slot.start, end).toMillis() / 3_600_000.0;
            int room = room(slot, demand, site, wattsPerMilliamp);
            if (room < demand.minMilliamps() || room <= 0 || hours <= 0) {
                continue;
            }
            boolean fromSolar = slot.solarLeftWatts >= minimumWatts;
            double price = fromSolar ? slot.feedInPrice : slot.importPrice;
            candidates.add(new Candidate(slot, end, hours, room, price, fromSolar));
            mostPossibleWattHours += room * wattsPerMilliamp * hours;
        }
        candidates.sort(Comparator.comparingDouble((Candidate candidate) -> Double.isNaN(candidate.price())
                ? Double.POSITIVE_INFINITY : candidate.price()).thenComparing(candidate -> candidate.slot().start));

        double remaining = demand.energyWattHours();
        List<PlannedSlot> chosen = new ArrayList<>();
        double plannedWattHours = 0;
        double cost = 0;
        boolean anyPrice = false;
        for (Candidate candidate : candidates) {
            if (remaining <= 0) {
                break;
            }
            double slotWattHours = candidate.roomMilliamps() * wattsPerMilliamp * candidate.hours();
            int milliamps = candidate.roomMilliamps();
            if (slotWattHours > remaining) {
                int needed = (int) Math.ceil(remaining / (wattsPerMilliamp * candidate.hours()));
                milliamps = Math.min(candidate.roomMilliamps(), Math.max(demand.minMilliamps(), needed));
            }
            double wattHours = milliamps * wattsPerMilliamp * candidate.hours();
            book(candidate.slot(), demand.gridPhases(), milliamps, milliamps * wattsPerMilliamp);
            remaining -= wattHours;
            plannedWattHours += wattHours;
            if (!Double.isNaN(candidate.price())) {
                cost += wattHours / 1000 * candidate.price();
                anyPrice = true;
            }
            chosen.add(new PlannedSlot(candidate.slot().start, candidate.end(), milliamps, wattHours, candidate.price()));
        }
        chosen.sort(Comparator.comparing(PlannedSlot::start));
        boolean feasible = remaining <= 0.5;
        String reason = feasible ? "" : String.format(Locale.ROOT,
                "needs %.1f kWh by %s, but at most %.1f kWh fit before then (its maximum current, the house connection "
                        + "and the plans of higher priority or earlier deadline)",
                demand.energyWattHours() / 1000, TIME.format(demand.deadline().atZone(zone)), mostPossibleWattHours / 1000);
        return new PlanOutcome(demand.evseId(), feasible, reason, chosen, plannedWattHours, anyPrice ? cost : Double.NaN);
    }

    /** The most current the demand may have in the slot: house connection, power limit, unbalanced load, its maximum. */
    private static int room(Slot slot, PlanDemand demand, PlanningSite site, double wattsPerMilliamp) {
        long room = demand.maxMilliamps();
        int[] evOnPhase = slot.plannedMilliamps;
        for (Phase phase : demand.gridPhases()) {
            long left = site.houseLimit().get(phase) == Integer.MAX_VALUE ? Integer.MAX_VALUE
                    : (long) site.houseLimit().get(phase) - site.baseLoad().get(phase) - evOnPhase[phase.ordinal()];
            room = Math.min(room, left);
        }
        if (Double.isFinite(site.powerLimitWatts())) {
            double wattsLeft = site.powerLimitWatts() - site.basePowerWatts() - slot.plannedWatts;
            room = Math.min(room, (long) Math.floor(wattsLeft / wattsPerMilliamp));
        }
        if (site.unbalancedLoadLimitMilliamps() != Integer.MAX_VALUE && demand.gridPhases().size() < 3) {
            long lowestOther = Long.MAX_VALUE;
            for (Phase phase : Phase.values()) {
                if (!demand.gridPhases().contains(phase)) {
                    lowestOther = Math.min(lowestOther, evOnPhase[phase.ordinal()]);
                }
            }
            for (Phase phase : demand.gridPhases()) {
                room = Math.min(room, site.unbalancedLoadLimitMilliamps() + lowestOther - evOnPhase[phase.ordinal()]);
            }
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, room));
    }

    private static void book(Slot slot, List<Phase> phases, int milliamps, double watts) {
        for (Phase phase : phases) {
            slot.plannedMilliamps[phase.ordinal()] += milliamps;
        }
        slot.plannedWatts += watts;
        slot.solarLeftWatts = Math.max(0, slot.solarLeftWatts - watts);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
