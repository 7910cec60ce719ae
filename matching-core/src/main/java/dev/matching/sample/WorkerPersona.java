package dev.matching.sample;

import static dev.matching.sample.JobCategory.APPAREL;
import static dev.matching.sample.JobCategory.CAFE;
import static dev.matching.sample.JobCategory.CALL_CENTER;
import static dev.matching.sample.JobCategory.CARE;
import static dev.matching.sample.JobCategory.CHILDCARE;
import static dev.matching.sample.JobCategory.CONVENIENCE_STORE;
import static dev.matching.sample.JobCategory.DATA_ENTRY;
import static dev.matching.sample.JobCategory.DELIVERY;
import static dev.matching.sample.JobCategory.EVENT_SETUP;
import static dev.matching.sample.JobCategory.FACTORY_LINE;
import static dev.matching.sample.JobCategory.FORKLIFT;
import static dev.matching.sample.JobCategory.HOTEL_CLEANING;
import static dev.matching.sample.JobCategory.HOTEL_FRONT;
import static dev.matching.sample.JobCategory.MOVING;
import static dev.matching.sample.JobCategory.OFFICE;
import static dev.matching.sample.JobCategory.OFFICE_CLEANING;
import static dev.matching.sample.JobCategory.PHARMACY;
import static dev.matching.sample.JobCategory.RECEPTION;
import static dev.matching.sample.JobCategory.RESTAURANT_FLOOR;
import static dev.matching.sample.JobCategory.RESTAURANT_KITCHEN;
import static dev.matching.sample.JobCategory.SECURITY;
import static dev.matching.sample.JobCategory.SUPERMARKET;
import static dev.matching.sample.JobCategory.TRAFFIC_CONTROL;
import static dev.matching.sample.JobCategory.TUTOR;
import static dev.matching.sample.JobCategory.WAREHOUSE;

import dev.matching.model.TimeRange;
import java.util.List;

/**
 * The kinds of part-timers in the sample market, with the weekly hours they are free, the work
 * they tend to have done and the hours per week they want.
 */
enum WorkerPersona {
  STUDENT(32, Horizon.WEEKDAYS, 2, 5, hours("17:00-22:00", "16:00-22:00", "18:00-23:00"),
      0.7, hours("10:00-22:00", "09:00-18:00"),
      List.of(CONVENIENCE_STORE, RESTAURANT_FLOOR, RESTAURANT_KITCHEN, CAFE, APPAREL, TUTOR, EVENT_SETUP), 8, 20),
  HOMEMAKER(24, Horizon.WEEKDAYS, 3, 5, hours("09:00-15:00", "10:00-14:00", "08:00-13:00"),
      0.15, hours("09:00-13:00"),
      List.of(SUPERMARKET, HOTEL_CLEANING, OFFICE, DATA_ENTRY, CHILDCARE, PHARMACY, RECEPTION, RESTAURANT_KITCHEN),
      10, 25),
  FREETER(22, Horizon.EVERY_DAY, 4, 6,
      hours("07:00-16:00", "09:00-18:00", "10:00-22:00", "12:00-22:00", "08:00-20:00"),
      0, List.of(),
      List.of(WAREHOUSE, FACTORY_LINE, DELIVERY, MOVING, CALL_CENTER, CONVENIENCE_STORE, APPAREL, FORKLIFT), 20, 40),
  NIGHT_WORKER(8, Horizon.EVERY_DAY, 3, 5, hours("21:00-07:00", "22:00-06:00", "20:00-08:00"),
      0, List.of(),
      List.of(CONVENIENCE_STORE, WAREHOUSE, SECURITY, TRAFFIC_CONTROL, OFFICE_CLEANING, CARE, HOTEL_FRONT), 16, 40),
  SENIOR(12, 0b0111111, 3, 5, hours("06:00-12:00", "06:00-10:00", "08:00-13:00"),
      0, List.of(),
      List.of(OFFICE_CLEANING, HOTEL_CLEANING, SECURITY, TRAFFIC_CONTROL, SUPERMARKET, CARE), 8, 20),
  /** Free every day, around the clock. */
  FULLY_FLEXIBLE(2, Horizon.EVERY_DAY, 7, 7, hours("00:00-00:00"),
      0, List.of(),
      List.of(WAREHOUSE, EVENT_SETUP, DELIVERY, FACTORY_LINE), 30, 40);

  /** Relative share of workers with this persona. */
  final double weight;
  /** The days of the week (a {@link Horizon} mask) the main hours may fall on. */
  final int mainDays;
  final int minMainDays;
  final int maxMainDays;
  /** The worker is free at one of these on each of the chosen main days. */
  final List<TimeRange> mainHours;
  /** The chance that the worker is also free on Saturday, and the same on Sunday. */
  final double weekendChance;
  /** The worker's hours on a weekend day they are free on, when {@link #weekendChance} is positive. */
  final List<TimeRange> weekendHours;
  /** The kinds of work this persona has often done before. */
  final List<JobCategory> usualWork;
  final int minHoursPerWeek;
  final int maxHoursPerWeek;

  WorkerPersona(double weight, int mainDays, int minMainDays, int maxMainDays, List<TimeRange> mainHours,
      double weekendChance, List<TimeRange> weekendHours, List<JobCategory> usualWork, int minHoursPerWeek,
      int maxHoursPerWeek) {
    this.weight = weight;
    this.mainDays = mainDays;
    this.minMainDays = minMainDays;
    this.maxMainDays = maxMainDays;
    this.mainHours = mainHours;
    this.weekendChance = weekendChance;
    this.weekendHours = weekendHours;
    this.usualWork = usualWork;
    this.minHoursPerWeek = minHoursPerWeek;
    this.maxHoursPerWeek = maxHoursPerWeek;
  }

  /** Time ranges written {@code "HH:mm-HH:mm"}. */
  private static List<TimeRange> hours(String... ranges) {
    TimeRange[] parsed = new TimeRange[ranges.length];
    for (int i = 0; i < ranges.length; i++) {
      String[] startEnd = ranges[i].split("-");
      parsed[i] = TimeRange.of(startEnd[0], startEnd[1]);
    }
    return List.of(parsed);
  }
}
